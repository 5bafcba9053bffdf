import { useEffect, useRef, useState } from 'react';
import type { WorkspaceEntry } from '../../autosave/workspaceEntry.ts';
import { loadDefaultWorkspace } from '../../boot.ts';
import { replaceWorkspace } from '../../share/replaceWorkspace.ts';
import { useStore } from '../../store/index.ts';
import { workspaceLibrary } from '../../workspaces/workspaceLibrary.ts';

/** The Workspaces button in the header (with the name of the one shown) and the list it opens. */
export function WorkspacesButton() {
  const [open, setOpen] = useState(false);
  const count = useStore((s) => s.docs.length);
  return (
    <>
      <button type="button" data-testid="workspaces-button" aria-haspopup="dialog" onClick={() => setOpen(true)} title="saved workspaces: open, rename, duplicate, delete">
        Workspaces{count > 0 ? ` (${count})` : ''}
      </button>
      {open ? <WorkspacesDialog onClose={() => setOpen(false)} /> : null}
    </>
  );
}

const when = (at: number) => {
  const d = new Date(at);
  return d.toDateString() === new Date().toDateString() ? d.toLocaleTimeString('en-GB') : d.toLocaleString('en-GB');
};

/**
 * A modal <dialog> over the saved workspaces of this browser, newest first: rename the one shown,
 * open another (Enter on its row), start a new one from the default, duplicate, delete with undo.
 * Every saved workspace is autosaved; nothing here loses an edit (switching saves first).
 */
function WorkspacesDialog({ onClose }: { onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const docs = useStore((s) => s.docs);
  const docId = useStore((s) => s.docId);
  const name = useStore((s) => s.workspace?.name ?? '');
  const [draftName, setDraftName] = useState(name);
  const [message, setMessage] = useState<string>('');
  const [removed, setRemoved] = useState<string | null>(null);
  const library = workspaceLibrary();
  useEffect(() => setDraftName(name), [name]);
  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
  }, []);
  const rename = () => {
    const next = draftName.trim();
    if (next === name || next === '') return setDraftName(name);
    if (!useStore.getState().edit('rename workspace', (d) => void (d['name'] = next))) setMessage(`not renamed: ${useStore.getState().editError?.message ?? 'invalid name'}`);
  };
  const act = async (p: Promise<string> | string) => {
    setMessage(await p);
    setRemoved(library?.removed() ?? null);
  };
  const openEntry = (e: WorkspaceEntry) => void act(library ? library.open(e.id).then((m) => (dialog.current?.close(), m)) : 'autosave is off');
  const fresh = async () => {
    try {
      const ws = await loadDefaultWorkspace();
      replaceWorkspace(useStore, ws, undefined, 'new workspace');
      dialog.current?.close();
      return 'a new workspace';
    } catch (e) {
      return `no new workspace: ${e instanceof Error ? e.message : String(e)}`;
    }
  };
  return (
    <dialog ref={dialog} className="share-dialog workspaces-dialog" aria-labelledby="workspaces-title" data-testid="workspaces-dialog" onClose={onClose}>
      <h2 id="workspaces-title">Workspaces</h2>
      <label className="workspace-name">
        name of this workspace{' '}
        <input
          data-testid="workspace-name"
          value={draftName}
          maxLength={200}
          onChange={(e) => setDraftName(e.target.value)}
          onBlur={rename}
          onKeyDown={(e) => {
            if (e.key === 'Enter') rename();
          }}
        />
      </label>
      <div className="share-actions">
        <button type="button" data-testid="workspace-new" onClick={() => void act(fresh())}>
          New workspace
        </button>
        <button type="button" data-testid="workspace-duplicate" onClick={() => void act(library ? library.duplicate() : 'autosave is off')} disabled={!library}>
          Duplicate
        </button>
        {removed ? (
          <button type="button" data-testid="workspace-undo-delete" onClick={() => void act(library ? library.undoRemove() : '')}>
            Undo delete of ‘{removed}’
          </button>
        ) : null}
      </div>
      {library ? (
        <table className="workspace-list" data-testid="workspace-list">
          <thead>
            <tr>
              <th scope="col">name</th>
              <th scope="col">network</th>
              <th scope="col">saved</th>
              <th scope="col">
                <span className="visually-hidden">actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {docs.map((e) => (
              <tr key={e.id} data-testid="workspace-row" data-current={e.id === docId ? 'true' : 'false'} aria-current={e.id === docId ? 'true' : undefined}>
                <td>{e.name}</td>
                <td>
                  {e.summary}
                  {e.hasWeights ? ' · trained' : ''}
                </td>
                <td>{when(e.savedAt)}</td>
                <td>
                  {e.id === docId ? (
                    <span className="hint">shown here</span>
                  ) : (
                    <>
                      <button type="button" data-testid="workspace-open" onClick={() => openEntry(e)}>
                        Open
                      </button>{' '}
                      <button type="button" data-testid="workspace-delete" aria-label={`delete ${e.name}`} onClick={() => void act(library.remove(e.id))}>
                        Delete
                      </button>
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="hint">Autosave is off in this browser, so there is no list of saved workspaces; save a workspace file to keep this one.</p>
      )}
      <div className="share-actions">
        <button type="button" onClick={() => dialog.current?.close()}>
          Close
        </button>
        <span role="status" data-testid="workspaces-message">
          {message}
        </span>
      </div>
    </dialog>
  );
}
