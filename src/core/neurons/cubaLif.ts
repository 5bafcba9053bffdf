import { z } from 'zod';
import { KERNEL_MODELS } from './kernelNeuron.ts';
import { decayFromTau, type NeuronModel, type StepContext, type StepResult } from './types.ts';

/**
 * Current-based LIF: a synaptic current filters the input before the membrane integrates it
 * (snnTorch `Synaptic`, Norse `LIFCell`):
 *
 *   i[t] = α·i[t−1] + I[t]
 *   v[t] = β·v[t−1] + i[t] − θ·s[t−1]
 *   s[t] = 1 if v[t] > θ else 0
 *
 * α = exp(−Δt/τ_syn), β = exp(−Δt/τ_mem) when the time constants are given.
 * Source: Gerstner et al., Neuronal Dynamics (2014), ch. 1 and 13; Zenke & Ganguli (2018).
 */
export const cubaLifSchema = z
  .object({
    model: z.literal('cubaLif'),
    alpha: z.number().gt(0).lte(1).optional(),
    tauSynMs: z.number().positive().optional(),
    beta: z.number().gt(0).lte(1).optional(),
    tauMemMs: z.number().positive().optional(),
    threshold: z.number().positive().default(1),
  })
  .refine((p) => p.alpha === undefined || p.tauSynMs === undefined, { message: 'give either alpha or tauSynMs, not both', path: ['tauSynMs'] })
  .refine((p) => p.beta === undefined || p.tauMemMs === undefined, { message: 'give either beta or tauMemMs, not both', path: ['tauMemMs'] });

export type CubaLifParams = z.output<typeof cubaLifSchema>;
export type CubaLifState = { readonly i: Float32Array; readonly v: Float32Array; readonly s: Float32Array };
export const CUBA_LIF_DEFAULTS: CubaLifParams = { model: 'cubaLif', threshold: 1 };

/** α and β for a step length (defaults 0.8 and 0.9). */
export function cubaDecays(p: CubaLifParams, dtMs: number): { alpha: number; beta: number } {
  return {
    alpha: p.tauSynMs !== undefined ? decayFromTau(p.tauSynMs, dtMs) : Math.fround(p.alpha ?? 0.8),
    beta: p.tauMemMs !== undefined ? decayFromTau(p.tauMemMs, dtMs) : Math.fround(p.beta ?? 0.9),
  };
}

/** One current-based LIF step (float32 operation order of the tfjs step). */
export function cubaLifStep(state: CubaLifState, input: Float32Array, p: CubaLifParams, ctx: StepContext, into?: StepResult<CubaLifState>): StepResult<CubaLifState> {
  const n = state.v.length;
  const out = into ?? { spikes: new Float32Array(n), state: { i: new Float32Array(n), v: new Float32Array(n), s: new Float32Array(n) } };
  const { alpha, beta } = cubaDecays(p, ctx.dtMs);
  const theta = Math.fround(p.threshold);
  for (let k = 0; k < n; k++) {
    const i = Math.fround(Math.fround(alpha * (state.i[k] as number)) + (input[k] as number));
    const v = Math.fround(Math.fround(Math.fround(beta * (state.v[k] as number)) + i) - Math.fround(theta * (state.s[k] as number)));
    const spike = v > theta ? 1 : 0;
    out.state.i[k] = i;
    out.state.v[k] = v;
    out.state.s[k] = spike;
    out.spikes[k] = spike;
  }
  return out;
}

export const cubaLifModel: NeuronModel<CubaLifParams, CubaLifState> = {
  kind: 'cubaLif',
  label: 'Current-based LIF',
  summary: 'LIF driven by a decaying synaptic current: smoother, delayed responses to input spikes.',
  schema: cubaLifSchema,
  defaults: CUBA_LIF_DEFAULTS,
  paramDocs: {
    alpha: { unit: '1 per step', doc: 'synaptic current decay per step (default 0.8); or tauSynMs' },
    tauSynMs: { unit: 'ms', doc: 'synaptic time constant; α = exp(−Δt/τ_syn)' },
    beta: { unit: '1 per step', doc: 'membrane decay per step (default 0.9); or tauMemMs' },
    tauMemMs: { unit: 'ms', doc: 'membrane time constant' },
    threshold: { unit: 'a.u.', doc: 'firing threshold θ' },
  },
  stateKeys: ['i', 'v', 's'],
  membraneKey: 'v',
  trainable: true,
  kernel: (p, dtMs) => {
    const { alpha, beta } = cubaDecays(p, dtMs);
    return { model: KERNEL_MODELS.cubaLif, reset: 'subtract', params: [beta, Math.fround(p.threshold), alpha, 0] };
  },
  init: (n) => ({ i: new Float32Array(n), v: new Float32Array(n), s: new Float32Array(n) }),
  step: cubaLifStep,
};
