import { z } from 'zod';
import { neuronSpecSchema } from '../neurons/index.ts';
import { PLAYGROUND_MAX_STEPS } from './playgroundRun.ts';
import type { PlaygroundSetup } from './playgroundTypes.ts';

/**
 * The playground setup as a lesson file writes it (playgroundTypes.ts), strict at every level so
 * a typo'd key is named, not dropped. The neuron is the registry's spec, each model's object strict.
 */

/** Every model's spec, strict (same output as neuronSpecSchema: strictness changes no type). */
export const strictNeuronSpecSchema = z.discriminatedUnion(
  'model',
  neuronSpecSchema.options.map((o) => o.strict()) as unknown as typeof neuronSpecSchema.options,
);

/** The playground's input shapes (InputShape), the numbers bounded to what the page can draw. */
export const inputShapeSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('step'), amplitude: z.number().min(-1e4).max(1e4), startMs: z.number().min(0), endMs: z.number().min(0) }),
  z.strictObject({ kind: z.literal('ramp'), from: z.number().min(-1e4).max(1e4), to: z.number().min(-1e4).max(1e4) }),
  z.strictObject({ kind: z.literal('noise'), mean: z.number().min(-1e4).max(1e4), sd: z.number().min(0).max(1e4), seed: z.number().int().min(0).max(0xffffffff) }),
  z.strictObject({ kind: z.literal('spikeTrain'), rateHz: z.number().min(0).max(1000), weight: z.number().min(-1e4).max(1e4), seed: z.number().int().min(0).max(0xffffffff) }),
  z.strictObject({ kind: z.literal('drawn'), points: z.array(z.number().min(-1e4).max(1e4)).min(1).max(1000) }),
]);

/** A playground setup: the neuron, its input, run length and step, and the pair (null for none). */
export const playgroundSetupSchema = z.strictObject({
  neuron: strictNeuronSpecSchema,
  input: inputShapeSchema,
  durationMs: z.number().positive().max(10_000),
  dtMs: z.number().positive().max(10),
  pair: z
    .strictObject({ neuron: strictNeuronSpecSchema, weight: z.number().min(-1e4).max(1e4), delayMs: z.number().min(0).max(1000) })
    .nullable()
    .default(null),
})
  // The run is durationMs / dtMs steps, drawn live: keep it to what a page redraws smoothly.
  .refine((s) => s.durationMs / s.dtMs <= PLAYGROUND_MAX_STEPS, { path: ['dtMs'], message: `the run would be more than ${PLAYGROUND_MAX_STEPS.toLocaleString('en')} steps (durationMs / dtMs): lengthen dtMs or shorten durationMs` }) satisfies z.ZodType<PlaygroundSetup, unknown>;
