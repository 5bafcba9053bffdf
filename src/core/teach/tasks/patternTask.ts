import { z } from 'zod';
import { defineTask, plural } from './taskKind.ts';
import { modelLabel, neuronKindSchema } from './neuronNames.ts';
import { adaptationRatio, burstCount, intervalVariation } from './spikePatterns.ts';

const r2 = (x: number) => x.toFixed(2);

/**
 * The playground neuron shows a firing pattern, read from its spikes (spikePatterns.ts):
 * 'regular' — intervals vary by at most maxVariation of their mean; 'adaptation' — the last
 * interval is at least minRatio times the first; 'bursting' — at least minBursts bursts.
 */
export const playgroundPattern = defineTask({
  summary: "the playground's neuron (optionally of a given model) fires with a pattern: 'regular' (even intervals), 'adaptation' (intervals that lengthen) or 'bursting' (groups of spikes between pauses)",
  params: z.strictObject({
    pattern: z.enum(['regular', 'adaptation', 'bursting']),
    model: neuronKindSchema.optional(),
    minSpikes: z.number().int().min(3).max(10_000).default(3),
    minRatio: z.number().gt(1).max(100).default(1.5),
    minBursts: z.number().int().min(1).max(1000).default(2),
    maxVariation: z.number().min(0).max(1).default(0.1),
  }),
  example: { pattern: 'adaptation', model: 'alif', minRatio: 1.5 },
  check: (p, ctx) => {
    const have = ctx.playground.setup.neuron.model;
    if (p.model !== undefined && have !== p.model) return { done: false, feedback: `The playground runs the ${modelLabel(have)} neuron — this task needs the ${modelLabel(p.model)} one: pick it in the model select first.` };
    const spikes = ctx.playground.spikeSteps;
    const dt = ctx.playground.setup.dtMs;
    if (spikes.length < p.minSpikes) return { done: false, feedback: `${plural(spikes.length, 'spike')} — too few to see a pattern; give it more input until it fires at least ${p.minSpikes}.` };
    if (p.pattern === 'adaptation') {
      const ratio = adaptationRatio(spikes) ?? 1;
      const first = (spikes[1] as number) - (spikes[0] as number);
      const last = (spikes[spikes.length - 1] as number) - (spikes[spikes.length - 2] as number);
      const seen = `${plural(spikes.length, 'spike')}; the first interval is ${first * dt} ms, the last ${last * dt} ms (ratio ${r2(ratio)})`;
      return ratio >= p.minRatio
        ? { done: true, feedback: `${seen}: the neuron slows down under a steady input — adaptation.` }
        : { done: false, feedback: `${seen} — adaptation needs the last interval at least ${p.minRatio}× the first.` };
    }
    if (p.pattern === 'bursting') {
      const bursts = burstCount(spikes);
      const seen = `${plural(spikes.length, 'spike')} in ${plural(bursts, 'burst')}`;
      return bursts >= p.minBursts
        ? { done: true, feedback: `${seen}: groups of fast spikes separated by pauses — bursting.` }
        : { done: false, feedback: `${seen} — bursting needs at least ${p.minBursts} groups of 2 or more quick spikes separated by longer pauses.` };
    }
    const cv = intervalVariation(spikes) ?? 0;
    const seen = `${plural(spikes.length, 'spike')}; the intervals vary by ${Math.round(cv * 100)} % of their mean`;
    return cv <= p.maxVariation
      ? { done: true, feedback: `${seen}: evenly spaced — regular firing.` }
      : { done: false, feedback: `${seen} — regular firing needs at most ${Math.round(p.maxVariation * 100)} %.` };
  },
});
