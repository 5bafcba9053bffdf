import { Fragment } from 'react';
import type { StudyResult } from '../../../core/study/studyTypes.ts';
import { useStore } from '../../store/index.ts';
import { openStudyRow, resetRow, rowKey } from '../../studyController.ts';
import { cellValue, columnsFor, otherDevicesText, rowsOfTask } from './studyColumns.ts';
import { StudyStages } from './StudyStages.tsx';

/**
 * The comparison: one block of rows per task (its systems, then its baselines), every StudyRow
 * column with its unit, and per row an Open button that loads that system's workspace. A row the
 * user changed says so and can be reset. Each number cell carries its raw value (`data-value`).
 * A system split across devices has its stages folded under its row.
 */
export function StudyTable({ result }: { result: StudyResult }) {
  const changed = useStore((s) => s.studyWorkspaces);
  const running = useStore((s) => s.studyStatus === 'running');
  const columns = columnsFor(result.rows);
  return (
    <table className="study-table" data-testid="study-table">
      <thead>
        <tr>
          <th scope="col">system (role)</th>
          {columns.map((c) => (
            <th key={c.key} scope="col" title={c.title}>
              {c.label}
            </th>
          ))}
          <th scope="col">
            <span className="visually-hidden">workspace</span>
          </th>
        </tr>
      </thead>
      {result.tasks.map((t) => (
        <tbody key={t.id} data-testid="study-task" data-task={t.id}>
          <tr className="study-task-row">
            <th scope="rowgroup" colSpan={columns.length + 2}>
              {t.label} <span className="hint">— {t.data}</span>
              {t.note ? <div className="study-task-note hint">{t.note}</div> : null}
            </th>
          </tr>
          {rowsOfTask(result.rows, t.id).map((r) => {
            const key = rowKey(r.task, r.system);
            const isChanged = Object.hasOwn(changed, key);
            const notes = [otherDevicesText(r), ...r.notes].filter((n): n is string => n !== null);
            return (
              <Fragment key={key}>
                <tr data-testid="study-row" data-key={key} data-role={r.role} className={`study-row-${r.role}`}>
                  <th scope="row" className="study-system">
                    {r.system}{' '}
                    <span className={`study-role-tag study-role-${r.role}`} data-testid="study-row-role">
                      {r.role}
                    </span>
                    {isChanged ? (
                      <span className="study-changed" data-testid="study-row-changed" title="you changed this workspace: a re-run uses your version">
                        {' '}
                        (changed)
                      </span>
                    ) : null}
                  </th>
                  {columns.map((c) => {
                    const v = r[c.key];
                    return (
                      <td key={c.key} data-col={c.key} data-value={cellValue(r, c)} title={c.key === 'energy_per_inference_j' && v === null ? r.notes.join('; ') : undefined}>
                        {c.format(r)}
                      </td>
                    );
                  })}
                  <td className="study-open">
                    <button type="button" data-testid="study-open-row" aria-label={`open the workspace of ${r.system}`} disabled={running} title={`load this system's workspace (its graph, raster and chip view); Undo returns`} onClick={() => void openStudyRow(useStore, key)}>
                      Open
                    </button>
                    {isChanged ? (
                      <button type="button" data-testid="study-reset-row" disabled={running} title="forget your change: the next run uses the study's workspace" onClick={() => resetRow(useStore, key)}>
                        Reset
                      </button>
                    ) : null}
                  </td>
                </tr>
                {r.stages && r.stages.length > 0 ? (
                  <tr className="study-stages-row" data-key={key}>
                    <td />
                    <td colSpan={columns.length + 1}>
                      <StudyStages row={r} stages={r.stages} />
                    </td>
                  </tr>
                ) : null}
                {notes.length > 0 ? (
                  <tr className="study-notes">
                    <td />
                    <td colSpan={columns.length + 1} className="hint">
                      <details>
                        <summary>
                          {notes.length} note{notes.length > 1 ? 's' : ''}
                        </summary>
                        <ul>
                          {notes.map((n) => (
                            <li key={n}>{n}</li>
                          ))}
                        </ul>
                      </details>
                    </td>
                  </tr>
                ) : null}
              </Fragment>
            );
          })}
        </tbody>
      ))}
    </table>
  );
}
