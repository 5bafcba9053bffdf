import { z } from 'zod';
import { KERNEL_MODELS } from './kernelNeuron.ts';
import { decayFromTau, type NeuronModel, type StepContext, type StepResult } from './types.ts';

/**
 * Adaptive LIF (Bellec et al., "Long short-term memory and learning-to-learn in networks of
 * spiking neurons", NeurIPS 2018): each spike raises the neuron's threshold, which then relaxes.
 *
 *   a[t]  = ρ·a[t−1] + s[t−1]                 (adaptation variable)
 *   θ[t]  = θ₀ + β_a·a[t]                     (effective threshold)
 *   v[t]  = β·v[t−1] + I[t] − θ[t−1]·s[t−1]   (reset subtracts the threshold it crossed)
 *   s[t]  = 1 if v[t] > θ[t] else 0
 *
 * ρ = exp(−Δt/τ_a) when tauAdaptMs is given. Strong input drives the threshold up (fewer spikes,
 * NeuEdge's energy argument); weak input lets it fall back to θ₀.
 */
export const alifSchema = z
  .object({
    model: z.literal('alif'),
    beta: z.number().gt(0).lte(1).optional(),
    tauMemMs: z.number().positive().optional(),
    rho: z.number().gt(0).lte(1).optional(),
    tauAdaptMs: z.number().positive().optional(),
    threshold: z.number().positive().default(1),
    adaptation: z.number().min(0).default(0.2),
  })
  .refine((p) => p.beta === undefined || p.tauMemMs === undefined, { message: 'give either beta or tauMemMs, not both', path: ['tauMemMs'] })
  .refine((p) => p.rho === undefined || p.tauAdaptMs === undefined, { message: 'give either rho or tauAdaptMs, not both', path: ['tauAdaptMs'] });

export type AlifParams = z.output<typeof alifSchema>;
/** v membrane, a adaptation, s previous spikes, th threshold of the previous step. */
export type AlifState = { readonly v: Float32Array; readonly a: Float32Array; readonly s: Float32Array; readonly th: Float32Array };
export const ALIF_DEFAULTS: AlifParams = { model: 'alif', threshold: 1, adaptation: 0.2 };

/** β and ρ for a step length (defaults 0.9 and 0.97). */
export function alifDecays(p: AlifParams, dtMs: number): { beta: number; rho: number } {
  return {
    beta: p.tauMemMs !== undefined ? decayFromTau(p.tauMemMs, dtMs) : Math.fround(p.beta ?? 0.9),
    rho: p.tauAdaptMs !== undefined ? decayFromTau(p.tauAdaptMs, dtMs) : Math.fround(p.rho ?? 0.97),
  };
}

/** One ALIF step (float32 operation order of the tfjs step). */
export function alifStep(state: AlifState, input: Float32Array, p: AlifParams, ctx: StepContext, into?: StepResult<AlifState>): StepResult<AlifState> {
  const n = state.v.length;
  const out = into ?? { spikes: new Float32Array(n), state: { v: new Float32Array(n), a: new Float32Array(n), s: new Float32Array(n), th: new Float32Array(n) } };
  const { beta, rho } = alifDecays(p, ctx.dtMs);
  const th0 = Math.fround(p.threshold);
  const ba = Math.fround(p.adaptation);
  for (let k = 0; k < n; k++) {
    const s = state.s[k] as number;
    const a = Math.fround(Math.fround(rho * (state.a[k] as number)) + s);
    const th = Math.fround(th0 + Math.fround(ba * a));
    const v = Math.fround(Math.fround(Math.fround(beta * (state.v[k] as number)) + (input[k] as number)) - Math.fround((state.th[k] as number) * s));
    const spike = v > th ? 1 : 0;
    out.state.v[k] = v;
    out.state.a[k] = a;
    out.state.th[k] = th;
    out.state.s[k] = spike;
    out.spikes[k] = spike;
  }
  return out;
}

export const alifModel: NeuronModel<AlifParams, AlifState> = {
  kind: 'alif',
  label: 'Adaptive LIF',
  summary: 'LIF whose threshold rises with each spike and relaxes back: fewer spikes for strong input.',
  schema: alifSchema,
  defaults: ALIF_DEFAULTS,
  paramDocs: {
    beta: { unit: '1 per step', doc: 'membrane decay per step (default 0.9); or tauMemMs' },
    tauMemMs: { unit: 'ms', doc: 'membrane time constant' },
    rho: { unit: '1 per step', doc: 'adaptation decay per step (default 0.97); or tauAdaptMs' },
    tauAdaptMs: { unit: 'ms', doc: 'adaptation time constant' },
    threshold: { unit: 'a.u.', doc: 'baseline threshold θ₀' },
    adaptation: { unit: 'a.u. per spike', doc: 'threshold increase β_a per unit of adaptation' },
  },
  stateKeys: ['v', 'a', 's', 'th'],
  membraneKey: 'v',
  trainable: true,
  kernel: (p, dtMs) => {
    const { beta, rho } = alifDecays(p, dtMs);
    // The reset subtracts the threshold the spike crossed, which the update keeps itself.
    return { model: KERNEL_MODELS.alif, reset: 'subtract', params: [beta, Math.fround(p.threshold), rho, Math.fround(p.adaptation)] };
  },
  init: (n, p) => ({ v: new Float32Array(n), a: new Float32Array(n), s: new Float32Array(n), th: new Float32Array(n).fill(Math.fround((p as AlifParams).threshold)) }),
  step: alifStep,
};
