import { z } from 'zod';
import { checkLessonBudgets, LESSON_BUDGETS } from './lessonBudgets.ts';
import { LESSON_CONTROLS, LESSON_FIGURES, LESSON_PANELS, LESSON_PRESET_IDS, LESSON_VIEWS } from './lessonControls.ts';
import { lessonProblemsOf } from './lessonIssues.ts';
import { playgroundSetupSchema } from './lessonPlaygroundSchema.ts';
import type { LessonProblem, LessonValidation } from './lessonProblems.ts';
import { byNearest, didYouMean, quoteList } from './lessonSpelling.ts';
import type { LessonStep, LessonTask } from './lessonTypes.ts';
import { TASK_KINDS } from './taskChecks.ts';

export type { LessonProblem, LessonValidation } from './lessonProblems.ts';
export { formatLessonProblems } from './lessonProblems.ts';
export { LESSON_BUDGETS } from './lessonBudgets.ts';

/**
 * The lesson format (lessonTypes.ts; documented in public/lessons/README.md) and its validator.
 * The shape is checked by zod, strict at every level; names (views, controls, panels, figures,
 * presets, task kinds) are checked against their lists here so a typo gets "did you mean"; a
 * task's params by its kind's own schema.
 */

const text = (max: number) => z.string().min(1).max(max);

const taskSchema = z.strictObject({
  kind: z.string().min(1).max(60),
  goal: text(300),
  params: z.record(z.string(), z.unknown()).default({}),
  success: text(600).optional(),
  hint: text(600).optional(),
});

const stepSchema = z.strictObject({
  title: text(120),
  text: text(LESSON_BUDGETS.maxTextChars),
  view: z.string().optional(),
  preset: z.string().optional(),
  playground: playgroundSetupSchema.optional(),
  highlight: z.string().optional(),
  panels: z.array(z.string()).min(1).max(LESSON_PANELS.length).optional(),
  figure: z.string().optional(),
  task: taskSchema.optional(),
});

/** The envelope of a lesson file (names and params are checked after it, see validateLesson). */
export const lessonFileSchema = z.strictObject({
  format: z.literal(1),
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'an id is lower-case words (letters, digits) joined by single hyphens, e.g. "spikes-and-membranes"').max(60),
  title: text(120),
  summary: text(300),
  steps: z.array(stepSchema).min(1).max(LESSON_BUDGETS.maxSteps),
});

/** What validateLesson checks names against. */
export interface LessonValidationOptions {
  /** Preset workspace ids a step may load (public/presets); LESSON_PRESET_IDS when absent. */
  readonly presets?: readonly string[];
}

/** A name that must be one of `names`: null when it is, else the problem (nearest names first). */
function unknownName(path: string, what: string, name: string, names: readonly string[]): LessonProblem | null {
  if (names.includes(name)) return null;
  return { path, message: `unknown ${what} '${name}'; ${didYouMean(name, names)}the ${what}s are: ${quoteList(byNearest(name, names))}` };
}

type ParsedStep = z.output<typeof stepSchema>;

/** Checks a step's names and its task's kind and params; returns the task with its params' defaults filled. */
function checkStep(step: ParsedStep, i: number, raw: unknown, presets: readonly string[], problems: LessonProblem[]): LessonTask | undefined {
  const at = `steps[${i}]`;
  const push = (p: LessonProblem | null) => {
    if (p) problems.push(p);
  };
  if (step.view !== undefined) push(unknownName(`${at}.view`, 'view', step.view, LESSON_VIEWS));
  if (step.preset !== undefined) push(unknownName(`${at}.preset`, 'preset', step.preset, presets));
  if (step.figure !== undefined) push(unknownName(`${at}.figure`, 'figure', step.figure, Object.keys(LESSON_FIGURES)));
  step.panels?.forEach((p, k) => push(unknownName(`${at}.panels[${k}]`, 'panel', p, LESSON_PANELS)));
  if (step.highlight !== undefined) {
    const control = Object.hasOwn(LESSON_CONTROLS, step.highlight) ? LESSON_CONTROLS[step.highlight] : undefined;
    push(unknownName(`${at}.highlight`, 'control', step.highlight, Object.keys(LESSON_CONTROLS)));
    // A control of a centre view cannot be seen while the step opens another one.
    if (control && control.view !== 'side' && step.view !== undefined && step.view !== control.view)
      push({ path: `${at}.highlight`, message: `'${step.highlight}' is in the ${control.view} view but this step opens the ${step.view} view; set "view": "${control.view}" or highlight another control` });
  }
  if (!step.task) return undefined;
  const kind = Object.hasOwn(TASK_KINDS, step.task.kind) ? TASK_KINDS[step.task.kind] : undefined;
  if (!kind) {
    const kinds = Object.keys(TASK_KINDS);
    push({ path: `${at}.task.kind`, message: `unknown task kind '${step.task.kind}'; ${didYouMean(step.task.kind, kinds)}the kinds are (nearest first): ${byNearest(step.task.kind, kinds).join(', ')}` });
    return undefined;
  }
  const rawParams = (raw as { task?: { params?: unknown } } | undefined)?.task?.params ?? {};
  const parsed = kind.params.safeParse(rawParams);
  if (!parsed.success) {
    problems.push(...lessonProblemsOf(parsed.error, kind.params, rawParams, `${at}.task.params`));
    return undefined;
  }
  // A task the step's own setup already does is passed on arrival, before the student does anything.
  const asked = (parsed.data as { view?: unknown }).view;
  if (step.task.kind === 'view-open' && step.view !== undefined && asked === step.view) {
    problems.push({ path: `${at}.task.params.view`, message: `this step opens the ${step.view} view itself, so the task would be done before the student acts; open another view in "view" or ask for another one` });
    return undefined;
  }
  return { ...step.task, params: parsed.data as Record<string, unknown> } as LessonTask;
}

/** Drops the keys whose value is undefined (exactOptionalPropertyTypes: absent, not undefined). */
function defined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

/**
 * Validates a lesson (the value of a parsed .lesson.json): budgets first (before any deep parse),
 * then the format, then names and each task's params. Returns the lesson with defaults filled, or
 * every problem with its path and a message that says what is allowed.
 */
export function validateLesson(json: unknown, options: LessonValidationOptions = {}): LessonValidation {
  const budget = checkLessonBudgets(json);
  if (budget.length > 0) return { ok: false, problems: budget };
  const parsed = lessonFileSchema.safeParse(json);
  if (!parsed.success) return { ok: false, problems: lessonProblemsOf(parsed.error, lessonFileSchema, json) };
  const presets = options.presets ?? LESSON_PRESET_IDS;
  const problems: LessonProblem[] = [];
  const rawSteps = (json as { steps: readonly unknown[] }).steps;
  const steps: LessonStep[] = parsed.data.steps.map((step, i) => {
    const task = checkStep(step, i, rawSteps[i], presets, problems);
    return defined({ ...step, task }) as LessonStep;
  });
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, lesson: { ...parsed.data, steps } };
}

/**
 * Validates a lesson file's text: its size, then JSON (a syntax error says where), then
 * validateLesson. For files dropped or fetched, before anything else reads them.
 */
export function validateLessonText(source: string, options: LessonValidationOptions = {}): LessonValidation {
  if (source.length > LESSON_BUDGETS.maxFileChars)
    return { ok: false, problems: [{ path: '(file)', message: `${source.length} characters; a lesson file has at most ${LESSON_BUDGETS.maxFileChars}` }] };
  let json: unknown;
  try {
    json = JSON.parse(source);
  } catch (e) {
    return { ok: false, problems: [{ path: '(file)', message: `not valid JSON: ${e instanceof Error ? e.message : String(e)} — check for a missing comma or quote, or a trailing comma` }] };
  }
  return validateLesson(json, options);
}
