import type { StudyIncrementalRow, StudyResult } from '../../../core/study/studyTypes.ts';
import { INCREMENTAL_COLUMNS } from './incrementalColumns.ts';

/**
 * On-device learning of a new class, per task: each method's row (a replay buffer, or plain
 * fine-tuning) with the new class's accuracy and what the old classes lost.
 */
export function StudyIncrementalTable({ result, rows }: { result: StudyResult; rows: readonly StudyIncrementalRow[] }) {
  const tasks = result.tasks.filter((t) => rows.some((r) => r.task === t.id));
  return (
    <section className="study-incremental" aria-labelledby="study-incremental-title">
      <h3 id="study-incremental-title">Learning a new class on the device</h3>
      <div className="study-table-wrap">
        <table className="study-table" data-testid="study-incremental">
          <thead>
            <tr>
              {INCREMENTAL_COLUMNS.map((c) => (
                <th key={c.key} scope="col" title={c.title}>
                  {c.label}
                </th>
              ))}
            </tr>
          </thead>
          {tasks.map((t) => (
            <tbody key={t.id} data-task={t.id}>
              <tr className="study-task-row">
                <th scope="rowgroup" colSpan={INCREMENTAL_COLUMNS.length}>
                  {t.label} <span className="hint">— {rows.find((r) => r.task === t.id)?.system}</span>
                </th>
              </tr>
              {rows
                .filter((r) => r.task === t.id)
                .map((r) => (
                  <tr key={r.method} data-testid="study-incremental-row" data-method={r.method} data-task={t.id}>
                    {INCREMENTAL_COLUMNS.map((c) => (
                      <td key={c.key} data-col={c.key}>
                        {c.format(r)}
                      </td>
                    ))}
                  </tr>
                ))}
            </tbody>
          ))}
        </table>
      </div>
    </section>
  );
}
