/**
 * A student's progress through one lesson: what became of each step (done by its task, skipped, or
 * not yet) and the step they were on last. Plain data, kept per lesson id in this browser
 * (keptLessonProgress.ts) and shown in the Learn menu.
 */
export type StepMark = 'done' | 'skipped' | null;

export interface LessonProgress {
  /** One mark per step, in step order. */
  readonly steps: readonly StepMark[];
  /** The step shown last, 0-based. */
  readonly last: number;
}

/** No step touched yet, on the first step. */
export function freshProgress(stepCount: number): LessonProgress {
  return { steps: Array.from({ length: stepCount }, () => null), last: 0 };
}

/** The progress kept for a lesson, fitted to its current number of steps (a teacher may have edited the file). */
export function fitProgress(kept: LessonProgress | undefined, stepCount: number): LessonProgress {
  if (!kept) return freshProgress(stepCount);
  const steps = Array.from({ length: stepCount }, (_, i) => kept.steps[i] ?? null);
  return { steps, last: Math.min(Math.max(0, kept.last), stepCount - 1) };
}

/** The progress with step `index` marked; a step once done stays done (a later skip does not undo it). */
export function markStep(p: LessonProgress, index: number, mark: Exclude<StepMark, null>): LessonProgress {
  if (p.steps[index] === 'done') return p;
  return { ...p, steps: p.steps.map((m, i) => (i === index ? mark : m)) };
}

/** Steps done (a skipped step is not done). */
export function stepsDone(p: LessonProgress): number {
  return p.steps.filter((m) => m === 'done').length;
}

/** True when every step is done. */
export function lessonDone(p: LessonProgress): boolean {
  return p.steps.length > 0 && p.steps.every((m) => m === 'done');
}

/** Reads kept progress (unknown JSON) or null when it is not progress: anything malformed is dropped. */
export function parseProgress(raw: unknown): LessonProgress | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const { steps, last } = raw as { steps?: unknown; last?: unknown };
  if (!Array.isArray(steps) || steps.length > 1000 || typeof last !== 'number' || !Number.isInteger(last)) return null;
  const marks: StepMark[] = [];
  for (const m of steps as unknown[]) {
    if (m !== 'done' && m !== 'skipped' && m !== null) return null;
    marks.push(m);
  }
  return { steps: marks, last };
}
