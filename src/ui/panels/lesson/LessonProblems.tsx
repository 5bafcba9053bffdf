import type { LessonProblem } from '../../../core/teach/lessonSchema.ts';

/** A lesson file's problems, each by its path in the file and what is wrong there. */
export function LessonProblems({ problems }: { problems: readonly LessonProblem[] }) {
  if (problems.length === 0) return null;
  return (
    <ul className="lesson-problems" data-testid="lesson-problems">
      {problems.slice(0, 50).map((p, i) => (
        <li key={i}>
          <code>{p.path || '(the whole file)'}</code>: {p.message}
        </li>
      ))}
      {problems.length > 50 ? <li>… and {problems.length - 50} more</li> : null}
    </ul>
  );
}
