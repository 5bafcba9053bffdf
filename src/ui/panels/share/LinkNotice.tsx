import type { LinkedFile } from '../../../core/share/linkedFiles.ts';
import { useStore } from '../../store/index.ts';

/** One file a link needs: already loaded, loaded with other contents, or still to be dropped. */
function FileLine({ file }: { file: LinkedFile }) {
  const state = useStore((s) => (s.files.some((f) => f.checksum === file.checksum) ? 'loaded' : s.files.some((f) => f.name === file.name) ? 'differs' : 'missing'));
  const note = state === 'loaded' ? 'loaded' : state === 'differs' ? 'a file of this name is loaded but its contents differ' : 'drop it in the Data panel';
  return (
    <li>
      <code>{file.name}</code> ({file.checksum}): {note}
    </li>
  );
}

/**
 * What the last share link did: refused (stage and reason; the workspace is unchanged) or opened
 * (the files to drop, whether weights came with it). Everything is rendered as React text, so a
 * hostile name or reason can never become HTML.
 */
export function LinkNotice() {
  const notice = useStore((s) => s.linkNotice);
  const canUndo = useStore((s) => s.past.length > 0);
  if (!notice) return null;
  const dismiss = (
    <button type="button" onClick={() => useStore.getState().setLinkNotice(null)}>
      Dismiss
    </button>
  );
  if (notice.kind === 'refused')
    return (
      <div className="error-banner link-notice" role="alert" data-testid="link-notice" data-stage={notice.stage}>
        This link was not opened ({notice.stage}): {notice.reason}. The workspace is unchanged. {dismiss}
      </div>
    );
  return (
    <div className="link-notice" role="status" data-testid="link-notice" data-stage="opened">
      Opened the shared workspace “{notice.name}”
      {notice.weightBits !== null ? ` with its trained weights (${notice.weightBits === 32 ? 'exact' : `${notice.weightBits}-bit`})` : ''}.{canUndo ? ' Undo returns to what you had.' : ''}
      {notice.files.length > 0 ? (
        <>
          {' '}It uses your colleague’s files; drop the same ones:
          <ul data-testid="link-files">
            {notice.files.map((f) => (
              <FileLine key={f.checksum} file={f} />
            ))}
          </ul>
        </>
      ) : null}{' '}
      {dismiss}
    </div>
  );
}
