import { z } from 'zod';
import { decayFromTau, type NeuronModel, type StepContext, type StepResult } from './types.ts';

/**
 * LIF whose threshold follows statistics of its own input current (NeuEdge's adaptive threshold;
 * SEEDS.md §1). ALIF adapts to the neuron's own spikes; this one to what drives it, so a neuron
 * fed a strong input raises its threshold before it has fired at all, and one fed a weak input
 * keeps a low threshold (it stays excitable):
 *
 *   μ[t] = a·μ[t−1] + (1−a)·I[t]                     (running mean of the input)
 *   q[t] = a·q[t−1] + (1−a)·(I[t] − μ[t])²           (running mean square deviation; σ = √q)
 *   θ[t] = max(θ_floor, θ₀ + κ·(μ[t] + c·σ[t]))
 *   v[t] = β·v[t−1] + I[t] − θ[t−1]·s[t−1]           (reset subtracts the threshold it crossed)
 *   s[t] = 1 if v[t] > θ[t] else 0
 *
 * For a constant input I from rest: μ[t] = I·(1 − a^(t+1)) and q[t] = I²·a^(t+2)·(1 − a^(t+1))
 * (t counted from 0; derivation in inputAdaptive.test.ts), so θ settles at θ₀ + κ·I: the firing
 * rate of a strong input approaches I/(θ₀ + κI) → 1/κ (divisive normalisation) instead of I/θ.
 * A net inhibitory input (μ < 0) lowers θ towards the floor. a = exp(−Δt/τ_stat) when tauStatMs
 * is given. The statistics carry no gradient in training (they are slow averages, as ALIF's
 * adaptation is driven by detached spikes); the membrane path carries the surrogate gradient.
 * Sources: the NeuEdge summary (SEEDS.md §1); running mean/variance as in Welford (1962), exponentially weighted (Finch 2009).
 */
export const inputAdaptiveSchema = z
  .object({
    model: z.literal('inputAdaptive'),
    beta: z.number().gt(0).lte(1).optional(),
    tauMemMs: z.number().positive().optional(),
    statDecay: z.number().gt(0).lt(1).optional(),
    tauStatMs: z.number().positive().optional(),
    threshold: z.number().positive().default(1),
    inputGain: z.number().min(0).default(0.5),
    spreadGain: z.number().min(0).default(1),
    thresholdFloor: z.number().positive().default(0.1),
  })
  .refine((p) => p.beta === undefined || p.tauMemMs === undefined, { message: 'give either beta or tauMemMs, not both', path: ['tauMemMs'] })
  .refine((p) => p.statDecay === undefined || p.tauStatMs === undefined, { message: 'give either statDecay or tauStatMs, not both', path: ['tauStatMs'] });

export type InputAdaptiveParams = z.output<typeof inputAdaptiveSchema>;
/** v membrane, m running mean of the input, q its running mean square deviation, s previous spikes, th previous threshold. */
export type InputAdaptiveState = {
  readonly v: Float32Array;
  readonly m: Float32Array;
  readonly q: Float32Array;
  readonly s: Float32Array;
  readonly th: Float32Array;
};
export const INPUT_ADAPTIVE_DEFAULTS: InputAdaptiveParams = { model: 'inputAdaptive', threshold: 1, inputGain: 0.5, spreadGain: 1, thresholdFloor: 0.1 };

/** β (default 0.9), the statistics' decay a (default 0.95) and 1 − a, for a step length, as float32. */
export function inputAdaptiveDecays(p: InputAdaptiveParams, dtMs: number): { beta: number; a: number; oneMinusA: number } {
  const a = p.tauStatMs !== undefined ? decayFromTau(p.tauStatMs, dtMs) : Math.fround(p.statDecay ?? 0.95);
  return {
    beta: p.tauMemMs !== undefined ? decayFromTau(p.tauMemMs, dtMs) : Math.fround(p.beta ?? 0.9),
    a,
    oneMinusA: Math.fround(1 - a),
  };
}

/** The threshold at rest: the floor-clamped θ₀ (no input seen yet). */
export function restingThreshold(p: InputAdaptiveParams): number {
  return Math.max(Math.fround(p.thresholdFloor), Math.fround(p.threshold));
}

/** One step (float32 operation order of the tfjs step in inputAdaptive.tf.ts). */
export function inputAdaptiveStep(
  state: InputAdaptiveState,
  input: Float32Array,
  p: InputAdaptiveParams,
  ctx: StepContext,
  into?: StepResult<InputAdaptiveState>,
): StepResult<InputAdaptiveState> {
  const n = state.v.length;
  const out = into ?? { spikes: new Float32Array(n), state: { v: new Float32Array(n), m: new Float32Array(n), q: new Float32Array(n), s: new Float32Array(n), th: new Float32Array(n) } };
  const { beta, a, oneMinusA } = inputAdaptiveDecays(p, ctx.dtMs);
  const th0 = Math.fround(p.threshold);
  const k = Math.fround(p.inputGain);
  const c = Math.fround(p.spreadGain);
  const floor = Math.fround(p.thresholdFloor);
  for (let i = 0; i < n; i++) {
    const x = input[i] as number;
    const s = state.s[i] as number;
    const m = Math.fround(Math.fround(a * (state.m[i] as number)) + Math.fround(oneMinusA * x));
    const d = Math.fround(x - m);
    const q = Math.fround(Math.fround(a * (state.q[i] as number)) + Math.fround(oneMinusA * Math.fround(d * d)));
    const th = Math.max(floor, Math.fround(th0 + Math.fround(k * Math.fround(m + Math.fround(c * Math.fround(Math.sqrt(q)))))));
    const v = Math.fround(Math.fround(Math.fround(beta * (state.v[i] as number)) + x) - Math.fround((state.th[i] as number) * s));
    const spike = v > th ? 1 : 0;
    out.state.v[i] = v;
    out.state.m[i] = m;
    out.state.q[i] = q;
    out.state.th[i] = th;
    out.state.s[i] = spike;
    out.spikes[i] = spike;
  }
  return out;
}

export const inputAdaptiveModel: NeuronModel<InputAdaptiveParams, InputAdaptiveState> = {
  kind: 'inputAdaptive',
  label: 'Input-adaptive threshold LIF',
  summary: 'LIF whose threshold tracks the running mean and spread of its own input: strong input raises it, weak input keeps it low (NeuEdge).',
  schema: inputAdaptiveSchema,
  defaults: INPUT_ADAPTIVE_DEFAULTS,
  paramDocs: {
    beta: { unit: '1 per step', doc: 'membrane decay per step (default 0.9); or tauMemMs' },
    tauMemMs: { unit: 'ms', doc: 'membrane time constant' },
    statDecay: { unit: '1 per step', doc: 'decay a of the input mean and spread per step (default 0.95); or tauStatMs' },
    tauStatMs: { unit: 'ms', doc: 'time constant of the input statistics' },
    threshold: { unit: 'a.u.', doc: 'baseline threshold θ₀ (with no input)' },
    inputGain: { unit: 'a.u. per a.u. of input', doc: 'κ: how much the threshold rises per unit of mean input (and spread)' },
    spreadGain: { unit: '', doc: 'c: weight of the input spread σ beside its mean' },
    thresholdFloor: { unit: 'a.u.', doc: 'the threshold never falls below this (inhibitory input lowers it)' },
  },
  stateKeys: ['v', 'm', 'q', 's', 'th'],
  membraneKey: 'v',
  trainable: true,
  // No `kernel`: the kernels' updates keep one state word per neuron (a current or an adaptation);
  // this model keeps two input statistics, so wasm engines fall back to events or tfjs.
  init: (n, p) => ({
    v: new Float32Array(n),
    m: new Float32Array(n),
    q: new Float32Array(n),
    s: new Float32Array(n),
    th: new Float32Array(n).fill(restingThreshold(p as InputAdaptiveParams)),
  }),
  step: inputAdaptiveStep,
};
