import { z } from 'zod';
import type { LessonContext } from '../lessonTypes.ts';
import { checkCountTarget, countTarget, defineTask, describeCount, meetsCount, plural } from './taskKind.ts';
import { modelLabel, neuronKindSchema } from './neuronNames.ts';

/** The playground's spikes of one neuron within [fromMs, toMs) (the whole run when absent), and the window in words. */
function spikesInWindow(ctx: LessonContext, which: 'first' | 'second', fromMs: number | undefined, toMs: number | undefined) {
  const { setup } = ctx.playground;
  const steps = which === 'first' ? ctx.playground.spikeSteps : (ctx.playground.secondSpikeSteps ?? []);
  const from = fromMs ?? 0;
  const to = toMs ?? setup.durationMs;
  const n = steps.filter((s) => s * setup.dtMs >= from && s * setup.dtMs < to).length;
  const window = from === 0 && to >= setup.durationMs ? `in ${setup.durationMs} ms` : `between ${from} and ${to} ms`;
  return { n, window };
}

/** The neuron model asked for, or null when the playground's is it (or none is asked). */
export function wrongModel(ctx: LessonContext, model: string | undefined): string | null {
  const have = ctx.playground.setup.neuron.model;
  if (model === undefined || have === model) return null;
  return `The playground runs the ${modelLabel(have)} neuron — this task needs the ${modelLabel(model)} one: pick it in the model select first.`;
}

const windowParams = {
  fromMs: z.number().min(0).optional(),
  toMs: z.number().positive().optional(),
};

/** The playground neuron fires a number of spikes (in a window of the run). */
export const playgroundSpikeCount = defineTask({
  summary: "the playground's (first) neuron fires a given number of spikes, exactly or in a range, over the run or within [fromMs, toMs); optionally with a given model",
  params: z.strictObject({ ...countTarget, ...windowParams, model: neuronKindSchema.optional() }).superRefine(checkCountTarget),
  example: { count: 5, model: 'lif' },
  check: (p, ctx) => {
    const other = wrongModel(ctx, p.model);
    if (other) return { done: false, feedback: other };
    const { n, window } = spikesInWindow(ctx, 'first', p.fromMs, p.toMs);
    if (meetsCount(n, p)) return { done: true, feedback: `${plural(n, 'spike')} ${window} — that is it.` };
    const direction = p.count !== undefined ? (n > p.count ? 'fewer' : 'more') : p.max !== undefined && n > p.max ? 'fewer' : 'more';
    return { done: false, feedback: `${plural(n, 'spike')} ${window} — you need ${describeCount(p)}: make it fire ${direction}.` };
  },
});

/** The second neuron of the pair fires a number of spikes. */
export const pairSecondSpikes = defineTask({
  summary: 'the pair view is on and its second neuron (fed only by the first through the synapse) fires a given number of spikes, exactly or in a range',
  params: z.strictObject({ ...countTarget }).superRefine(checkCountTarget),
  example: { min: 3 },
  check: (p, ctx) => {
    if (ctx.playground.secondSpikeSteps === null) return { done: false, feedback: 'The pair view is off: switch it on to add a second neuron behind a synapse.' };
    const first = ctx.playground.spikeSteps.length;
    const { n, window } = spikesInWindow(ctx, 'second', undefined, undefined);
    const seen = `The first neuron fires ${plural(first, 'spike')}, the second ${plural(n, 'spike')} ${window}`;
    if (meetsCount(n, p)) return { done: true, feedback: `${seen} — that is it.` };
    return { done: false, feedback: `${seen} — the second needs ${describeCount(p)}.` };
  },
});
