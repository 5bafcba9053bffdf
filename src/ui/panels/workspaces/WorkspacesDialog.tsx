import { useEffect, useMemo, useRef, useState } from 'react';
import type { WorkspaceEntry } from '../../autosave/workspaceEntry.ts';
import { loadDefaultWorkspace } from '../../boot.ts';
import { useStore } from '../../store/index.ts';
import { renameWorkspace } from '../../workspaces/renameWorkspace.ts';
import { openPreset, workspaceLibrary } from '../../workspaces/workspaceLibrary.ts';
import { bulkDeletion, isWorkspaceSortKey, WORKSPACE_SORTS, workspaceListView, type WorkspaceSortKey } from '../../workspaces/workspaceListView.ts';
import { damagedCopyKey } from '../../autosave/damagedCopies.ts';
import { DamagedTable } from './DamagedTable.tsx';
import { WorkspaceTable } from './WorkspaceTable.tsx';

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

/**
 * A modal <dialog> over the saved workspaces of this browser: rename the one shown, search by
 * name, sort (last modified, created, name), open another (Enter on its row), start a new one from
 * the default, duplicate, delete one or the selected ones with one undo. Every saved workspace is
 * autosaved; nothing here loses an edit (switching saves first).
 */
function WorkspacesDialog({ onClose }: { onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const docs = useStore((s) => s.docs);
  const docId = useStore((s) => s.docId);
  const damaged = useStore((s) => s.damagedItems);
  const name = useStore((s) => s.workspace?.name ?? '');
  const [draftName, setDraftName] = useState(name);
  const [message, setMessage] = useState<string>('');
  const [removed, setRemoved] = useState<string | null>(null);
  const [query, setQuery] = useState('');
  const [sort, setSort] = useState<WorkspaceSortKey>('modified');
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const rows = useMemo(() => workspaceListView(docs, query, sort), [docs, query, sort]);
  // A copy kept of an entry's current revision: that row cannot be opened (a later save would be readable again).
  const unreadable = useMemo(() => new Set(docs.filter((e) => damaged.some((d) => d.place === 'copy' && d.key === damagedCopyKey(e.id, e.revision))).map((e) => e.id)), [docs, damaged]);
  const deletion = bulkDeletion(selected, rows, docId);
  const library = workspaceLibrary();
  useEffect(() => setDraftName(name), [name]);
  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
  }, []);
  const rename = () => {
    const refused = renameWorkspace(useStore, draftName);
    if (refused) setMessage(refused);
    else setDraftName(useStore.getState().workspace?.name ?? name);
  };
  const select = (id: string, on: boolean) =>
    setSelected((s) => {
      const next = new Set(s);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  const act = async (p: Promise<string> | string) => {
    setMessage(await p);
    setRemoved(library?.removed() ?? null);
  };
  const openEntry = (e: WorkspaceEntry) => void act(library ? library.open(e.id).then((m) => (dialog.current?.close(), m)) : 'autosave is off');
  const fresh = async () => {
    try {
      const ws = await loadDefaultWorkspace();
      const message = await openPreset(useStore, ws, 'new workspace');
      dialog.current?.close();
      return message;
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
            Undo delete of {removed}
          </button>
        ) : null}
      </div>
      {library ? (
        <>
          <div className="workspace-tools">
            <input type="search" data-testid="workspace-search" aria-label="search workspaces by name" placeholder="search by name" value={query} onChange={(e) => setQuery(e.target.value)} />
            <label>
              sort by{' '}
              <select data-testid="workspace-sort" value={sort} onChange={(e) => isWorkspaceSortKey(e.target.value) && setSort(e.target.value)}>
                {Object.entries(WORKSPACE_SORTS).map(([key, s]) => (
                  <option key={key} value={key}>
                    {s.label}
                  </option>
                ))}
              </select>
            </label>
            <button
              type="button"
              data-testid="workspace-delete-selected"
              disabled={deletion.ids.length === 0}
              onClick={() => {
                setSelected(new Set());
                void act(library.removeMany(deletion.ids));
              }}
            >
              Delete selected{deletion.ids.length > 0 ? ` (${deletion.ids.length})` : ''}
            </button>
            <span className="hint" data-testid="workspace-count">
              {rows.length === docs.length ? `${docs.length} saved` : `${rows.length} of ${docs.length} shown`}
            </span>
          </div>
          <WorkspaceTable rows={rows} currentId={docId} selected={selected} unreadable={unreadable} onSelect={select} onOpen={openEntry} onDelete={(e) => void act(library.remove(e.id))} />
          {rows.length === 0 && docs.length > 0 ? <p className="hint">No saved workspace has “{query.trim()}” in its name.</p> : null}
          <DamagedTable items={damaged} onDownload={(d) => void act(library.downloadDamaged(d.place, d.key, d.name))} onDelete={(d) => void act(library.removeDamaged(d.place, d.key, d.name))} />
        </>
      ) : (
        <p className="hint">Autosave is off in this browser, so there is no list of saved workspaces; save a workspace file to keep this one.</p>
      )}
      <div className="share-actions">
        <button type="button" data-testid="workspaces-close" onClick={() => dialog.current?.close()}>
          Close
        </button>
        <span role="status" data-testid="workspaces-message">
          {message}
        </span>
      </div>
    </dialog>
  );
}
