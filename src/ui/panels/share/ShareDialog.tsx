import { useEffect, useRef, useState } from 'react';
import { useClient } from '../../clientContext.ts';
import { currentWeights } from '../../runController.ts';
import { shareUrl, withStudy, type StudyShareLink } from '../../share/shareLink.ts';
import { saveWorkspaceFile } from '../../share/workspaceFileIo.ts';
import { useStore } from '../../store/index.ts';
import { explainError } from '../../../../workers/explainError.ts';

/** The Share button in the header and the dialog it opens. */
export function ShareButton() {
  const [open, setOpen] = useState(false);
  const disabled = useStore((s) => s.workspace === null);
  return (
    <>
      <button type="button" data-testid="share-button" aria-haspopup="dialog" disabled={disabled} onClick={() => setOpen(true)}>
        Share
      </button>
      {open ? <ShareDialog onClose={() => setOpen(false)} /> : null}
    </>
  );
}

type Built = { readonly link: StudyShareLink } | { readonly error: string };

/**
 * Encodes the current workspace once per change of the workspace or its weights, in the worker
 * (quantising and deflating a large network's weights takes longer than a frame); null while it
 * works. A crashed worker is an error here, not a broken dialog.
 */
function useShareLink(): Built | null {
  const client = useClient();
  const ws = useStore((s) => s.workspace);
  const weightsId = useStore((s) => s.weightsId);
  const studyId = useStore((s) => s.studyId);
  const studyWorkspaces = useStore((s) => s.studyWorkspaces);
  const [built, setBuilt] = useState<Built | null>(null);
  useEffect(() => {
    if (!ws) return undefined;
    let live = true;
    setBuilt(null);
    client.encodeLink(ws, weightsId ? currentWeights(useStore, ws) : undefined).then(
      // The open study goes with the workspace: the colleague lands on the study view.
      (reply) => live && setBuilt(reply.ok ? { link: withStudy(shareUrl(reply.link, location), studyId ? { id: studyId, workspaces: studyWorkspaces } : null) } : { error: reply.reason }),
      (e: unknown) => live && setBuilt({ error: explainError(e, 'making the share link').message }),
    );
    return () => {
      live = false;
    };
  }, [client, ws, weightsId, studyId, studyWorkspaces]);
  return built;
}

/**
 * A modal <dialog>: the browser traps focus, closes it on Escape and gives focus back to the Share
 * button; the link field takes focus first, its text selected. Shows the link's size and whether
 * the trained weights travel in it before copying.
 */
const studyWorkspacesOf = () => useStore.getState().studyWorkspaces;

function ShareDialog({ onClose }: { onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const field = useRef<HTMLInputElement>(null);
  const built = useShareLink();
  const hasWeights = useStore((s) => s.workspace !== null && s.weightsId !== null && s.weightsNetwork === JSON.stringify(s.workspace.network));
  const [copyState, setCopyState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const studyOpen = useStore((s) => s.studyId !== null);
  useEffect(() => {
    // StrictMode runs effects twice; a second showModal on an open dialog would throw.
    const d = dialog.current;
    if (d && !d.open) d.showModal();
  }, []);
  const link = built && 'link' in built ? built.link : null;
  // The link arrives from the worker after the dialog opened: give its field the focus then.
  const hasLink = link !== null;
  useEffect(() => {
    if (hasLink) field.current?.focus();
  }, [hasLink]);
  const copy = async () => {
    if (!link) return;
    try {
      await navigator.clipboard.writeText(link.url);
      setCopyState('copied');
    } catch {
      // No clipboard permission (or no clipboard API): the selected field lets the user copy by hand.
      setCopyState('failed');
      field.current?.select();
    }
  };
  return (
    <dialog ref={dialog} className="share-dialog" aria-labelledby="share-title" data-testid="share-dialog" onClose={onClose}>
      <h2 id="share-title">{studyOpen ? 'Share this workspace and the study' : 'Share this workspace'}</h2>
      {built && 'error' in built ? (
        <p className="field-error" role="alert" data-testid="share-error">
          No link can hold this workspace: {built.error}
        </p>
      ) : null}
      {built === null ? (
        <p className="hint" role="status" data-testid="share-encoding">
          Encoding the link…
        </p>
      ) : null}
      {link ? (
        <>
          <input ref={field} className="share-url" readOnly value={link.url} aria-label="link to this workspace" data-testid="share-url" onFocus={(e) => e.target.select()} />
          <p data-testid="share-size">
            {link.url.length.toLocaleString('en')} characters ({link.chars.toLocaleString('en')} after the #); nothing is sent to a server.
          </p>
          <p data-testid="share-weights">
            {link.weightsIncluded
              ? link.weightBits === 32
                ? 'Trained weights included exactly (float32): the receiver sees the same spikes.'
                : `Trained weights included, quantised to ${link.weightBits ?? '?'} bits (exact float32 would pass the link's 64 KB): the receiver's spikes may differ slightly; a workspace file keeps them exactly.`
              : link.reason
                ? `Trained weights not included: ${link.reason}.`
                : 'No trained weights: the receiver runs the same untrained network.'}
          </p>
          {link.study ? (
            <p data-testid="share-study">
              Opens the study too{link.study.left.length > 0 ? `; too long to carry your changes to ${link.study.left.join(', ')} (share a workspace file of each)` : Object.keys(studyWorkspacesOf()).length > 0 ? ', with your changed workspaces' : ''}.
            </p>
          ) : null}
          {!link.weightsIncluded && hasWeights ? (
            <button type="button" data-testid="share-save-workspace" onClick={() => saveWorkspaceFile(useStore)}>
              Save workspace file (with full-precision weights)
            </button>
          ) : null}
        </>
      ) : null}
      <div className="share-actions">
        <button type="button" data-testid="share-copy" disabled={!link} onClick={() => void copy()}>
          Copy link
        </button>
        <button type="button" onClick={() => dialog.current?.close()}>
          Close
        </button>
        <span role="status" data-testid="share-copy-status">
          {copyState === 'copied' ? 'Copied.' : copyState === 'failed' ? 'Could not copy: the link is selected, press Ctrl+C.' : ''}
        </span>
      </div>
    </dialog>
  );
}
