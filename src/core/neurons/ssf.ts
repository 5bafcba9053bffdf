import { z } from 'zod';
import type { NeuronModel, StepContext, StepResult } from './types.ts';

/**
 * Sum-spike-and-fire (SparrowSNN): the neuron only sums its input over a window of W steps and
 * fires once at the window's last step, emitting a spike COUNT:
 *
 *   acc[t] = acc[t−1] + I[t]                            (acc = 0 at each window start)
 *   out[t] = clamp(floor(acc[t]/θ), 0, maxSpikes)       at the last step of a window, else 0
 *
 * W = windowSteps, or the whole run when 0. The count is a graded spike: downstream synapses see
 * count × weight, and a recording stores it as that many spikes at the same step. Weights are read
 * once per window instead of once per step, which is the model's energy advantage.
 */
export const ssfSchema = z.object({
  model: z.literal('ssf'),
  threshold: z.number().positive().default(1),
  windowSteps: z.number().int().min(0).default(0),
  maxSpikes: z.number().int().min(1).max(65_535).default(255),
});

export type SsfParams = z.output<typeof ssfSchema>;
export type SsfState = { readonly v: Float32Array };
export const SSF_DEFAULTS: SsfParams = { model: 'ssf', threshold: 1, windowSteps: 0, maxSpikes: 255 };

/** Whether step t closes a window (the last step of the run always does). */
export function ssfWindowEnds(p: SsfParams, ctx: StepContext): boolean {
  const w = p.windowSteps > 0 ? p.windowSteps : ctx.steps;
  return (ctx.t + 1) % w === 0 || ctx.t === ctx.steps - 1;
}

/** One SSF step (float32 operation order of the tfjs step). */
export function ssfStep(state: SsfState, input: Float32Array, p: SsfParams, ctx: StepContext, into?: StepResult<SsfState>): StepResult<SsfState> {
  const n = state.v.length;
  const out = into ?? { spikes: new Float32Array(n), state: { v: new Float32Array(n) } };
  const theta = Math.fround(p.threshold);
  const fire = ssfWindowEnds(p, ctx);
  for (let k = 0; k < n; k++) {
    const acc = Math.fround((state.v[k] as number) + (input[k] as number));
    if (fire) {
      out.spikes[k] = Math.min(p.maxSpikes, Math.max(0, Math.floor(Math.fround(acc / theta))));
      out.state.v[k] = 0;
    } else {
      out.spikes[k] = 0;
      out.state.v[k] = acc;
    }
  }
  return out;
}

export const ssfModel: NeuronModel<SsfParams, SsfState> = {
  kind: 'ssf',
  label: 'Sum-spike-and-fire (SSF)',
  summary: 'Sums input over the whole window, then emits a spike count once (SparrowSNN).',
  schema: ssfSchema,
  defaults: SSF_DEFAULTS,
  paramDocs: {
    threshold: { unit: 'a.u. per spike', doc: 'input needed per emitted spike' },
    windowSteps: { unit: 'steps', doc: 'window length; 0 = the whole run' },
    maxSpikes: { unit: 'spikes', doc: 'largest count one window can emit' },
  },
  stateKeys: ['v'],
  membraneKey: 'v',
  trainable: true,
  init: (n) => ({ v: new Float32Array(n) }),
  step: ssfStep,
};
