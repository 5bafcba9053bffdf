import { z } from 'zod';
import { KERNEL_MODELS } from './kernelNeuron.ts';
import { decayFromTau, type NeuronModel, type StepContext, type StepResult } from './types.ts';

/**
 * Leaky integrate-and-fire, discrete time (snnTorch `Leaky` convention, WORKLOADS.md):
 *
 *   m[t] = β·m[t−1] + I[t] − θ·s[t−1]      (reset 'subtract'; the spike of the previous step resets)
 *   m[t] = β·m[t−1]·(1 − s[t−1]) + I[t]    (reset 'zero')
 *   s[t] = 1 if m[t] > θ else 0            (strictly greater)
 *
 * β = exp(−Δt/τ_mem) when `tauMemMs` is given. During a refractory period of `refractoryMs` after
 * a spike the input is ignored. With constant input I the membrane relaxes to I/(1−β), i.e. the
 * continuous LIF τ dV/dt = −V + R·I with R·I = I/(1−β).
 * Source: Gerstner et al., Neuronal Dynamics (2014), ch. 1.3; Eshraghian et al., Proc. IEEE (2023).
 */
export const lifSchema = z
  .object({
    model: z.literal('lif'),
    beta: z.number().gt(0).lte(1).optional(),
    tauMemMs: z.number().positive().optional(),
    threshold: z.number().positive().default(1),
    reset: z.enum(['subtract', 'zero', 'none']).default('subtract'),
    refractoryMs: z.number().min(0).default(0),
  })
  .refine((p) => p.beta === undefined || p.tauMemMs === undefined, {
    message: 'give either beta or tauMemMs, not both',
    path: ['tauMemMs'],
  });

/** LIF parameters after defaults are applied. */
export type LifParams = z.output<typeof lifSchema>;

/** LIF state: membrane `v`, spikes of the previous step `s`, refractory steps left `r`. */
export type LifState = { readonly v: Float32Array; readonly s: Float32Array; readonly r: Float32Array };

/** Defaults: β = 0.9, θ = 1, reset by subtraction, no refractory period. */
export const LIF_DEFAULTS: LifParams = { model: 'lif', threshold: 1, reset: 'subtract', refractoryMs: 0 };

/** β of the parameters for a step length (β given directly wins; default 0.9). */
export function lifBeta(p: LifParams, dtMs: number): number {
  if (p.tauMemMs !== undefined) return decayFromTau(p.tauMemMs, dtMs);
  return Math.fround(p.beta ?? 0.9);
}

/** Refractory period in whole steps. */
export function refractorySteps(refractoryMs: number, dtMs: number): number {
  return Math.round(refractoryMs / dtMs);
}

/** One LIF step over n elements (see lifSchema for the equations). */
export function lifStep(
  state: LifState,
  input: Float32Array,
  p: LifParams,
  ctx: StepContext,
  into?: StepResult<LifState>,
): StepResult<LifState> {
  const n = state.v.length;
  const out = into ?? { spikes: new Float32Array(n), state: { v: new Float32Array(n), s: new Float32Array(n), r: new Float32Array(n) } };
  const beta = lifBeta(p, ctx.dtMs);
  const theta = Math.fround(p.threshold);
  const refr = refractorySteps(p.refractoryMs, ctx.dtMs);
  const { v, s, r } = state;
  const { v: v2, s: s2, r: r2 } = out.state;
  const spikes = out.spikes;
  for (let i = 0; i < n; i++) {
    const vi = v[i] as number;
    const si = s[i] as number;
    const ri = r[i] as number;
    const inp = ri > 0 ? 0 : (input[i] as number);
    let m: number;
    if (p.reset === 'subtract') m = Math.fround(Math.fround(Math.fround(beta * vi) + inp) - Math.fround(theta * si));
    else if (p.reset === 'zero') m = Math.fround(Math.fround(Math.fround(beta * vi) * (1 - si)) + inp);
    else m = Math.fround(Math.fround(beta * vi) + inp);
    const spike = m > theta ? 1 : 0;
    v2[i] = m;
    s2[i] = spike;
    spikes[i] = spike;
    r2[i] = spike === 1 ? refr : ri > 0 ? ri - 1 : 0;
  }
  return out;
}

/** The LIF model descriptor for the registry. */
export const lifModel: NeuronModel<LifParams, LifState> = {
  kind: 'lif',
  label: 'Leaky integrate-and-fire',
  summary: 'Membrane leaks towards rest with factor β per step; spikes above θ; the workhorse of SNN training.',
  schema: lifSchema,
  defaults: LIF_DEFAULTS,
  paramDocs: {
    beta: { unit: '1 per step', doc: 'membrane decay factor per step (default 0.9); or set tauMemMs' },
    tauMemMs: { unit: 'ms', doc: 'membrane time constant; β = exp(−Δt/τ)' },
    threshold: { unit: 'a.u.', doc: 'firing threshold θ (spike when v > θ)' },
    reset: { unit: '', doc: "after a spike: 'subtract' θ, set to 'zero', or 'none'" },
    refractoryMs: { unit: 'ms', doc: 'input is ignored for this long after a spike' },
  },
  stateKeys: ['v', 's', 'r'],
  membraneKey: 'v',
  trainable: true,
  // A refractory period needs a counter per neuron that no kernel update keeps.
  kernel: (p, dtMs) => (refractorySteps(p.refractoryMs, dtMs) > 0 ? 'has a refractory period' : { model: KERNEL_MODELS.lif, reset: p.reset, params: [lifBeta(p, dtMs), Math.fround(p.threshold), 0, 0] }),
  init: (n) => ({ v: new Float32Array(n), s: new Float32Array(n), r: new Float32Array(n) }),
  step: lifStep,
};
