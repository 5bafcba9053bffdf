import type { WorkspaceEntry } from '../../autosave/workspaceEntry.ts';

const when = (at: number) => {
  const d = new Date(at);
  return d.toDateString() === new Date().toDateString() ? d.toLocaleTimeString('en-GB') : d.toLocaleString('en-GB');
};

/** What the table draws and the actions its rows offer (the dialog acts). */
export interface WorkspaceTableProps {
  readonly rows: readonly WorkspaceEntry[];
  readonly currentId: string | null;
  readonly selected: ReadonlySet<string>;
  /** Saved workspaces whose record could not be read (a damaged copy of it is listed below the table). */
  readonly unreadable: ReadonlySet<string>;
  onSelect(id: string, on: boolean): void;
  onOpen(e: WorkspaceEntry): void;
  onDelete(e: WorkspaceEntry): void;
}

/**
 * The saved workspaces as rows: a checkbox to select for bulk delete (not on the one shown here,
 * which cannot be deleted), name, network, last save, and Open / Delete.
 */
export function WorkspaceTable({ rows, currentId, selected, unreadable, onSelect, onOpen, onDelete }: WorkspaceTableProps) {
  return (
    <table className="workspace-list" data-testid="workspace-list">
      <thead>
        <tr>
          <th scope="col">
            <span className="visually-hidden">select</span>
          </th>
          <th scope="col">name</th>
          <th scope="col">network</th>
          <th scope="col">saved</th>
          <th scope="col">
            <span className="visually-hidden">actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((e) => {
          const current = e.id === currentId;
          return (
            <tr key={e.id} data-testid="workspace-row" data-current={current ? 'true' : 'false'} aria-current={current ? 'true' : undefined}>
              <td>
                {current ? null : (
                  <input type="checkbox" data-testid="workspace-select" aria-label={`select ${e.name}`} checked={selected.has(e.id)} onChange={(ev) => onSelect(e.id, ev.target.checked)} />
                )}
              </td>
              <td>
                <span data-testid="workspace-row-name">{e.name}</span>
                {unreadable.has(e.id) ? (
                  <div className="hint damaged-mark" data-testid="workspace-row-damaged">
                    could not be read: see Damaged below
                  </div>
                ) : null}
              </td>
              <td>
                {e.summary}
                {e.hasWeights ? ' · trained' : ''}
              </td>
              <td>{when(e.savedAt)}</td>
              <td>
                {current ? (
                  <span className="hint">shown here</span>
                ) : (
                  <>
                    <button type="button" data-testid="workspace-open" onClick={() => onOpen(e)}>
                      Open
                    </button>{' '}
                    <button type="button" data-testid="workspace-delete" aria-label={`delete ${e.name}`} onClick={() => onDelete(e)}>
                      Delete
                    </button>
                  </>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
