import type { LessonProblem } from './lessonProblems.ts';

/**
 * Limits on a lesson file. Lesson files come from users (a link, a dropped file), so these are
 * checked first, by one iterative walk (no recursion: a deeply nested file cannot blow the stack),
 * before any schema parses the value.
 */
export const LESSON_BUDGETS = {
  /** Characters of the file's text. */
  maxFileChars: 256_000,
  maxSteps: 60,
  /** Characters of one step's text (a few short paragraphs). */
  maxTextChars: 4_000,
  /** Characters of any other string (titles, goals, hints, ids). */
  maxStringChars: 1_000,
  /** Characters of an object key. */
  maxKeyChars: 60,
  /** Nesting depth of objects and arrays (the format needs 6: steps → playground → input → points). */
  maxDepth: 12,
  /** Values in the whole file (a drawn input of 1,000 points is 1,000). */
  maxValues: 50_000,
} as const;

/** Said when the file holds more values than a lesson can. */
const tooMany = (path: string): LessonProblem => ({ path: path || '(root)', message: `more than ${LESSON_BUDGETS.maxValues} values in the file; a lesson is a few steps of text — is this the right file?` });

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A step's `text` is allowed the longer budget. */
function isStepText(path: string): boolean {
  return /^steps\[\d+\]\.text$/.test(path);
}

/**
 * Walks the value once, breadth first, and returns the budget problems (at most a few: the walk
 * stops at the first structural overflow). Empty when the value is within every budget.
 */
export function checkLessonBudgets(value: unknown): LessonProblem[] {
  const problems: LessonProblem[] = [];
  if (isRecord(value) && Array.isArray(value.steps) && value.steps.length > LESSON_BUDGETS.maxSteps)
    return [{ path: 'steps', message: `${value.steps.length} steps; a lesson has at most ${LESSON_BUDGETS.maxSteps} — split it into two lessons` }];
  const queue: { v: unknown; path: string; depth: number }[] = [{ v: value, path: '', depth: 0 }];
  let values = 0;
  for (let head = 0; head < queue.length; head++) {
    const { v, path, depth } = queue[head] as (typeof queue)[number];
    values++;
    if (typeof v === 'string') {
      const max = isStepText(path) ? LESSON_BUDGETS.maxTextChars : LESSON_BUDGETS.maxStringChars;
      if (v.length > max) problems.push({ path: path || '(root)', message: `${v.length} characters; at most ${max} here — keep it short${isStepText(path) ? ' or split the step in two' : ''}` });
      continue;
    }
    if (typeof v !== 'object' || v === null) continue;
    if (depth >= LESSON_BUDGETS.maxDepth) return [...problems, { path: path || '(root)', message: `nested more than ${LESSON_BUDGETS.maxDepth} levels deep; the lesson format is much flatter` }];
    // Counted before queueing, so one huge list is refused without being copied into the queue.
    const size = Array.isArray(v) ? v.length : Object.keys(v).length;
    if (values + (queue.length - head - 1) + size > LESSON_BUDGETS.maxValues) return [...problems, tooMany(path)];
    const entries: [string | number, unknown][] = Array.isArray(v) ? v.map((item, i) => [i, item]) : Object.entries(v);
    for (const [k, item] of entries) {
      if (typeof k === 'string' && k.length > LESSON_BUDGETS.maxKeyChars) return [...problems, { path: path || '(root)', message: `a key of ${k.length} characters; keys are short names such as "highlight"` }];
      queue.push({ v: item, path: typeof k === 'number' ? `${path}[${k}]` : path ? `${path}.${k}` : k, depth: depth + 1 });
    }
  }
  return problems;
}
