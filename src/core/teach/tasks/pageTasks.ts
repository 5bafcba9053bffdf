import { z } from 'zod';
import { LESSON_VIEWS } from '../lessonControls.ts';
import type { LessonView } from '../lessonTypes.ts';
import { defineTask, plural } from './taskKind.ts';

const pct = (x: number) => `${(x * 100).toFixed(1)} %`;

/** The last training's test accuracy reaches a bound. */
export const testAccuracy = defineTask({
  summary: 'the last training reached a test accuracy of at least `min` (a fraction: 0.8 = 80 %)',
  params: z.strictObject({ min: z.number().gt(0).max(1) }),
  example: { min: 0.8 },
  check: (p, ctx) => {
    if (ctx.testAccuracy === null) return { done: false, feedback: `No training has finished yet — press Train; you need a test accuracy of at least ${pct(p.min)}.` };
    const seen = `Test accuracy ${pct(ctx.testAccuracy)}`;
    return ctx.testAccuracy >= p.min ? { done: true, feedback: `${seen}: at least ${pct(p.min)}.` } : { done: false, feedback: `${seen} — you need at least ${pct(p.min)}: train again (more epochs or beats).` };
  },
});

/** The student did something that leaves no other trace (moved a figure's slider, clicked a pattern). */
export const actionDone = defineTask({
  summary: "the student did `action` at least `times` times during the step (actions the page records: 'figure:surrogate-slope', 'pattern:<id>')",
  params: z.strictObject({ action: z.string().min(1).max(80), times: z.number().int().min(1).max(200).default(1) }),
  example: { action: 'figure:surrogate-slope' },
  check: (p, ctx) => {
    const n = ctx.actions.filter((a) => a === p.action).length;
    if (n >= p.times) return { done: true, feedback: 'Done.' };
    return { done: false, feedback: n === 0 ? "Not done yet: follow the step's goal." : `Done ${plural(n, 'time')} of ${p.times} so far.` };
  },
});

/** The page shows a given centre view. */
export const viewOpen = defineTask({
  summary: "the page shows the centre view `view` ('neuron', 'spikes', 'chip' or 'study')",
  params: z.strictObject({ view: z.enum(['study', ...LESSON_VIEWS] as ['study', ...LessonView[]]) }),
  example: { view: 'chip' },
  check: (p, ctx) => (ctx.view === p.view ? { done: true, feedback: `The ${p.view} view is open.` } : { done: false, feedback: `The ${ctx.view} view is open — open the ${p.view} view.` }),
});
