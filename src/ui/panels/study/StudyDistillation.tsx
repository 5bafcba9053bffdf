import { useMemo, useState } from 'react';
import type { StudyDefinition } from '../../../core/study/studyTypes.ts';
import { useStore } from '../../store/index.ts';
import { resetRow, setRowDistillation, studentsOf } from '../../studyController.ts';
import { CheckedNumberField } from './CheckedNumberField.tsx';
import { DISTILLATION_FIELDS, distillationText, editDistillation } from './distillationFields.ts';

/**
 * The distillation knobs of a study whose systems learn from a teacher: per student, the
 * temperature and the mixing weight its next run trains with. An edit is kept as the row's
 * changed workspace, as an opened and edited row is (the table and the system list say
 * "changed"); Reset returns to the study's workspace.
 */
export function StudyDistillation({ def }: { def: StudyDefinition }) {
  const changed = useStore((s) => s.studyWorkspaces);
  const running = useStore((s) => s.studyStatus === 'running');
  const students = useMemo(() => studentsOf(def, changed), [def, changed]);
  // Bumped by a Reset: the fields remount and drop whatever is typed in them.
  const [resets, setResets] = useState(0);
  if (students.length === 0) return null;
  return (
    <section className="study-distillation" aria-labelledby="study-distillation-title" data-testid="study-distillation">
      <h3 id="study-distillation-title">Distillation: what the students learn from their teachers</h3>
      <p className="hint">
        Each student trains on (1 − α)·cross-entropy on the labels + α·T²·KL to its teacher&rsquo;s outputs softened at the temperature T. A change is used by the next Run.
      </p>
      {students.map((s) => {
        const d = s.workspace.training?.distillation;
        const isChanged = Object.hasOwn(changed, s.key);
        return (
          <div key={s.key} className="study-student" data-testid="study-student" data-key={s.key}>
            <div className="study-student-name">
              <b>{s.task.label}</b>: {s.system.system} <span className="hint">learns from {s.system.teacher}</span>
              {isChanged ? <span className="study-changed" data-testid="study-student-changed"> (changed)</span> : null}
            </div>
            {d ? (
              DISTILLATION_FIELDS.map((f) => (
                <CheckedNumberField
                  key={`${f.key}-${resets}`}
                  id={`distillation-${f.key}-${s.task.id}`}
                  label={f.label}
                  title={f.title}
                  unit=""
                  text={distillationText(d, f)}
                  disabled={running}
                  check={(text) => editDistillation(d, f, text)}
                  onValid={(next) => setRowDistillation(useStore, s.key, next)}
                />
              ))
            ) : (
              <span className="hint">Your changed workspace has no distillation setting: it trains on the labels alone.</span>
            )}
            {isChanged ? (
              <button
                type="button"
                data-testid="study-student-reset"
                disabled={running}
                title="forget your change: the next run uses the study's workspace"
                onClick={() => {
                  setResets((n) => n + 1);
                  resetRow(useStore, s.key);
                }}
              >
                Reset
              </button>
            ) : null}
          </div>
        );
      })}
    </section>
  );
}
