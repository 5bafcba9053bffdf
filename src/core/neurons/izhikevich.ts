import { z } from 'zod';
import type { NeuronModel, StepContext, StepResult } from './types.ts';

/** Izhikevich's named parameter sets (a, b, c, d), Izhikevich, IEEE TNN 14(6), 2003, Fig. 2. */
export const IZHIKEVICH_PRESETS = {
  regularSpiking: { a: 0.02, b: 0.2, c: -65, d: 8 },
  intrinsicallyBursting: { a: 0.02, b: 0.2, c: -55, d: 4 },
  chattering: { a: 0.02, b: 0.2, c: -50, d: 2 },
  fastSpiking: { a: 0.1, b: 0.2, c: -65, d: 2 },
  lowThresholdSpiking: { a: 0.02, b: 0.25, c: -65, d: 2 },
} as const;

/**
 * Izhikevich's simple model (for teaching the variety of firing patterns), forward Euler with Δt in ms:
 *
 *   v ← v + Δt·(0.04 v² + 5 v + 140 − u + I)       (v in mV, I in mV/ms)
 *   u ← u + Δt·a·(b v − u)
 *   if v ≥ 30 mV: spike, v ← c, u ← u + d
 *
 * Euler is accurate for Δt ≤ 1 ms; larger steps distort the dynamics (the UI warns).
 */
export const izhikevichSchema = z.object({
  model: z.literal('izhikevich'),
  a: z.number().default(0.02),
  b: z.number().default(0.2),
  c: z.number().default(-65),
  d: z.number().default(8),
  vPeakMv: z.number().default(30),
});

export type IzhikevichParams = z.output<typeof izhikevichSchema>;
export type IzhikevichState = { readonly v: Float32Array; readonly u: Float32Array };
export const IZHIKEVICH_DEFAULTS: IzhikevichParams = { model: 'izhikevich', ...IZHIKEVICH_PRESETS.regularSpiking, vPeakMv: 30 };

const f = Math.fround;
const K2 = f(0.04);

/** One Izhikevich step (float32 operation order of the tfjs step). */
export function izhikevichStep(state: IzhikevichState, input: Float32Array, p: IzhikevichParams, ctx: StepContext, into?: StepResult<IzhikevichState>): StepResult<IzhikevichState> {
  const n = state.v.length;
  const out = into ?? { spikes: new Float32Array(n), state: { v: new Float32Array(n), u: new Float32Array(n) } };
  const dt = f(ctx.dtMs);
  const [a, b, c, d, peak] = [f(p.a), f(p.b), f(p.c), f(p.d), f(p.vPeakMv)];
  for (let k = 0; k < n; k++) {
    const v = state.v[k] as number;
    const u = state.u[k] as number;
    const dv = f(dt * f(f(f(f(f(K2 * f(v * v)) + f(5 * v)) + 140) - u) + (input[k] as number)));
    const vn = f(v + dv);
    const un = f(u + f(dt * f(a * f(f(b * v) - u))));
    const spike = vn >= peak;
    out.state.v[k] = spike ? c : vn;
    out.state.u[k] = spike ? f(un + d) : un;
    out.spikes[k] = spike ? 1 : 0;
  }
  return out;
}

export const izhikevichModel: NeuronModel<IzhikevichParams, IzhikevichState> = {
  kind: 'izhikevich',
  label: 'Izhikevich',
  summary: 'Two-variable model reproducing regular, bursting, chattering and fast spiking (teaching).',
  schema: izhikevichSchema,
  defaults: IZHIKEVICH_DEFAULTS,
  paramDocs: {
    a: { unit: '1/ms', doc: 'recovery time scale' },
    b: { unit: '1', doc: 'sensitivity of recovery u to v' },
    c: { unit: 'mV', doc: 'reset potential after a spike' },
    d: { unit: 'mV/ms', doc: 'recovery jump after a spike' },
    vPeakMv: { unit: 'mV', doc: 'spike cut-off' },
  },
  stateKeys: ['v', 'u'],
  membraneKey: 'v',
  trainable: false,
  init: (n, params) => {
    const p = params as IzhikevichParams;
    return { v: new Float32Array(n).fill(p.c), u: new Float32Array(n).fill(f(f(p.b) * f(p.c))) };
  },
  step: izhikevichStep,
};
