import type { DamagedItem } from '../../autosave/damagedCopies.ts';

const PLACE_LABEL = { catalogue: 'list entry', copy: 'kept copy' } as const satisfies Record<DamagedItem['place'], string>;

/** What the table shows and what its rows offer (the dialog acts). */
export interface DamagedTableProps {
  readonly items: readonly DamagedItem[];
  onDownload(item: DamagedItem): void;
  onDelete(item: DamagedItem): void;
}

/**
 * The damaged items of this browser's workspace database: unreadable list entries and the kept
 * copies of records that could not be read, each with why, to download (to repair or report) or
 * delete. Nothing is deleted without the user asking.
 */
export function DamagedTable({ items, onDownload, onDelete }: DamagedTableProps) {
  if (items.length === 0) return null;
  return (
    <section className="damaged-list" aria-labelledby="damaged-title">
      <h3 id="damaged-title">Damaged ({items.length})</h3>
      <table className="workspace-list" data-testid="damaged-list">
        <thead>
          <tr>
            <th scope="col">name</th>
            <th scope="col">what is wrong</th>
            <th scope="col">
              <span className="visually-hidden">actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {items.map((d) => (
            <tr key={`${d.place}:${d.key}`} data-testid="damaged-row">
              <td>
                {d.name}
                <div className="hint">
                  {PLACE_LABEL[d.place]}
                  {/* A list entry is known by its key; a kept copy's key is an internal id, not shown. */}
                  {d.place === 'copy' || d.name === d.key ? '' : ` · key ${d.key.length > 40 ? `${d.key.slice(0, 40)}…` : d.key}`}
                  {d.at === undefined ? '' : ` · found ${new Date(d.at).toLocaleString('en-GB')}`}
                </div>
              </td>
              <td className="damaged-reason">{d.reason}</td>
              <td className="damaged-actions">
                <button type="button" data-testid="damaged-download" aria-label={`download the damaged ${d.name}`} onClick={() => onDownload(d)}>
                  Download
                </button>{' '}
                <button type="button" data-testid="damaged-delete" aria-label={`delete the damaged ${d.name}`} onClick={() => onDelete(d)}>
                  Delete
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
