import type { LessonTask } from '../../../core/teach/lessonTypes.ts';
import { useStore } from '../../store/index.ts';

/** Failed tries (after the student changed something) before the hint shows. */
export const HINT_AFTER_TRIES = 2;

/**
 * The step's task: its goal, the live feedback of its check (spoken politely to a screen reader),
 * the success text once it passes, and the hint after a few tries that did not.
 */
export function LessonTaskBox({ task, id, doneBefore }: { task: LessonTask; id: string; doneBefore: boolean }) {
  const check = useStore((s) => s.lessonCheck);
  const done = check.verdict?.done === true;
  return (
    <section className="lesson-task" data-done={done} aria-labelledby={`${id}-goal`}>
      <h3 id={`${id}-goal`} data-testid="lesson-goal">
        <span className="lesson-task-label">Task: </span>
        {task.goal}
      </h3>
      <p className="lesson-feedback" aria-live="polite" data-testid="lesson-feedback">
        {check.verdict ? check.verdict.feedback : 'Checking…'}
      </p>
      {done ? (
        <p className="lesson-success" role="status" data-testid="lesson-success">
          ✓ {task.success ?? 'Done.'}
        </p>
      ) : doneBefore ? (
        <p className="hint" data-testid="lesson-done-before">
          You did this step before; Next stays open.
        </p>
      ) : null}
      {!done && task.hint && check.tries >= HINT_AFTER_TRIES ? (
        <p className="lesson-hint" data-testid="lesson-hint">
          Hint: {task.hint}
        </p>
      ) : null}
    </section>
  );
}
