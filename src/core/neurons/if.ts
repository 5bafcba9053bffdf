import { z } from 'zod';
import { KERNEL_MODELS } from './kernelNeuron.ts';
import type { NeuronModel, StepContext, StepResult } from './types.ts';

/**
 * Integrate-and-fire without leak (the neuron of ANN-to-SNN conversion):
 *
 *   v[t] = v[t−1] + I[t] − θ·s[t−1]        (reset 'subtract', keeps the residue: rate ∝ input)
 *   v[t] = v[t−1]·(1 − s[t−1]) + I[t]      (reset 'zero')
 *   s[t] = 1 if v[t] > θ else 0
 *
 * With constant input I (0 < I ≤ θ) and reset by subtraction the rate is I/θ spikes per step on
 * average. Source: Rueckauer et al., Front. Neurosci. 11:682 (2017).
 */
export const ifSchema = z.object({
  model: z.literal('if'),
  threshold: z.number().positive().default(1),
  reset: z.enum(['subtract', 'zero']).default('subtract'),
});

export type IfParams = z.output<typeof ifSchema>;
export type IfState = { readonly v: Float32Array; readonly s: Float32Array };
export const IF_DEFAULTS: IfParams = { model: 'if', threshold: 1, reset: 'subtract' };

/** One IF step (float32 operation order of the tfjs step). */
export function ifStep(state: IfState, input: Float32Array, p: IfParams, _ctx: StepContext, into?: StepResult<IfState>): StepResult<IfState> {
  const n = state.v.length;
  const out = into ?? { spikes: new Float32Array(n), state: { v: new Float32Array(n), s: new Float32Array(n) } };
  const theta = Math.fround(p.threshold);
  for (let i = 0; i < n; i++) {
    const v = state.v[i] as number;
    const s = state.s[i] as number;
    const x = input[i] as number;
    const m = p.reset === 'subtract' ? Math.fround(Math.fround(v + x) - Math.fround(theta * s)) : Math.fround(Math.fround(v * (1 - s)) + x);
    const spike = m > theta ? 1 : 0;
    out.state.v[i] = m;
    out.state.s[i] = spike;
    out.spikes[i] = spike;
  }
  return out;
}

export const ifModel: NeuronModel<IfParams, IfState> = {
  kind: 'if',
  label: 'Integrate-and-fire',
  summary: 'Sums its input without leak and fires above θ; the neuron of ANN-to-SNN conversion.',
  schema: ifSchema,
  defaults: IF_DEFAULTS,
  paramDocs: {
    threshold: { unit: 'a.u.', doc: 'firing threshold θ' },
    reset: { unit: '', doc: "after a spike: 'subtract' θ (keeps the residue) or 'zero'" },
  },
  stateKeys: ['v', 's'],
  membraneKey: 'v',
  trainable: true,
  // LIF without leak: β = 1 (1·v is exact in float32, so the update is the IF step's).
  kernel: (p) => ({ model: KERNEL_MODELS.lif, reset: p.reset, params: [1, Math.fround(p.threshold), 0, 0] }),
  init: (n) => ({ v: new Float32Array(n), s: new Float32Array(n) }),
  step: ifStep,
};
