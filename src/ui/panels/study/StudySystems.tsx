import type { StudyTask } from '../../../core/study/studyTypes.ts';
import { useStore } from '../../store/index.ts';
import { openStudyRow, rowKey } from '../../studyController.ts';

/**
 * The study's tasks as its definition gives them (before any run): the data note, and each
 * system with its role and what it is, and a button that opens its workspace.
 */
export function StudySystems({ tasks }: { tasks: readonly StudyTask[] }) {
  const changed = useStore((s) => s.studyWorkspaces);
  const running = useStore((s) => s.studyStatus === 'running');
  return (
    <div className="study-systems" data-testid="study-systems">
      {tasks.map((t) => (
        <section key={t.id} className="study-task" aria-label={t.label}>
          <h3>{t.label}</h3>
          {t.note ? (
            <p className="study-note" data-testid="study-task-note">
              {t.note}
            </p>
          ) : null}
          <ul>
            {t.systems.map((s) => {
              const key = rowKey(t.id, s.system);
              return (
                <li key={key} data-testid="study-system" data-key={key}>
                  <button type="button" data-testid="study-open-system" aria-label={`open the workspace of ${s.system}`} disabled={running} onClick={() => void openStudyRow(useStore, key)}>
                    Open
                  </button>{' '}
                  <b>{s.system}</b> <span className={`study-role-tag study-role-${s.role}`}>{s.role}</span>
                  {Object.hasOwn(changed, key) ? <span className="study-changed"> (changed)</span> : null} <span className="hint">{s.about}</span>
                </li>
              );
            })}
          </ul>
        </section>
      ))}
    </div>
  );
}
