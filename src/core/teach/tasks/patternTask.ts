import { z } from 'zod';
import { checkSignature } from '../neuronTeachingSignatures.ts';
import type { PatternSignature } from '../neuronTeachingTypes.ts';
import { runPlayground } from '../playgroundRun.ts';
import { defineTask, plural } from './taskKind.ts';
import { neuronKindSchema } from './neuronNames.ts';
import { wrongModel } from './playgroundTasks.ts';

/** The signatures the playground's pattern buttons are checked by (neuronTeachingSignatures.ts), with what each means. */
const PATTERN_WORDS: Readonly<Record<PatternSignature, { readonly name: string; readonly looks: string }>> = {
  regular: { name: 'regular firing', looks: 'evenly spaced spikes' },
  adaptation: { name: 'adaptation', looks: 'intervals that lengthen under a steady input' },
  bursting: { name: 'bursting', looks: 'groups of quick spikes separated by pauses' },
  fast: { name: 'fast spiking', looks: 'a high rate that hardly slows' },
  rebound: { name: 'rebound', looks: 'a spike only after a negative input ends' },
};

const signatureSchema = z.enum(Object.keys(PATTERN_WORDS) as [PatternSignature, ...PatternSignature[]]);

/**
 * The playground neuron shows a firing pattern, judged by the same signatures the playground's
 * pattern buttons are (one owner: neuronTeachingSignatures.ts), on the run of the page's setup.
 */
export const playgroundPattern = defineTask({
  summary: "the playground's neuron (optionally of a given model) fires with a pattern: 'regular', 'adaptation', 'bursting', 'fast' or 'rebound', judged as the playground's pattern buttons judge it",
  params: z.strictObject({ pattern: signatureSchema, model: neuronKindSchema.optional(), minSpikes: z.number().int().min(1).max(10_000).default(3) }),
  example: { pattern: 'adaptation', model: 'alif' },
  check: (p, ctx) => {
    const { setup } = ctx.playground;
    const other = wrongModel(ctx, p.model);
    if (other) return { done: false, feedback: other };
    const spikes = ctx.playground.spikeSteps.length;
    if (spikes < p.minSpikes) return { done: false, feedback: `${plural(spikes, 'spike')} — too few to see a pattern; give it more input until it fires at least ${p.minSpikes}.` };
    // The signatures read the trace (rebound needs the input); the page's run of this setup is this one.
    let trace;
    try {
      trace = runPlayground(setup).first;
    } catch {
      // A setup the page cannot run (a value out of range while typing) shows no pattern either.
      return { done: false, feedback: 'The playground cannot run this setup: set its fields to values it can run with first.' };
    }
    const verdict = checkSignature(p.pattern, trace, setup.dtMs);
    const seen = `${plural(spikes, 'spike')}; ${verdict.detail}`;
    const { name, looks } = PATTERN_WORDS[p.pattern];
    return verdict.shown ? { done: true, feedback: `${seen}: ${looks} — ${name}.` } : { done: false, feedback: `${seen} — not ${name} yet (${looks}).` };
  },
});
