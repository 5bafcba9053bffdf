import type { Lesson } from './lessonTypes.ts';

/** One mistake in a lesson file: where (`steps[2].task.params.count`) and what is wrong and allowed. */
export interface LessonProblem {
  readonly path: string;
  readonly message: string;
}

/** The validator's answer: the lesson with defaults filled, or every problem found. */
export type LessonValidation = { readonly ok: true; readonly lesson: Lesson } | { readonly ok: false; readonly problems: readonly LessonProblem[] };

/** Problems as text for a page or a terminal, one per line: "steps[2].hightlight: unknown key …". */
export function formatLessonProblems(problems: readonly LessonProblem[]): string {
  return problems.map((p) => `${p.path}: ${p.message}`).join('\n');
}
