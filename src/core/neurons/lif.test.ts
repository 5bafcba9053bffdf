import { describe, expect, it } from 'vitest';
import { lifSchema, lifStep, type LifParams, type LifState } from './lif.ts';

/** Spike steps of one LIF neuron under constant input I for `steps` steps. */
function spikeSteps(p: LifParams, I: number, steps: number, dtMs = 1): number[] {
  let st: LifState = { v: new Float32Array(1), s: new Float32Array(1), r: new Float32Array(1) };
  const input = new Float32Array([I]);
  const out: number[] = [];
  for (let t = 0; t < steps; t++) {
    const res = lifStep(st, input, p, { dtMs, t, steps });
    if (res.spikes[0] === 1) out.push(t);
    st = res.state;
  }
  return out;
}

describe('lifStep under constant suprathreshold current', () => {
  // Continuous LIF τ dV/dt = −V + R·I from V = 0 reaches θ at t = −τ ln(1 − θ/(R·I)). The discrete
  // model v[t] = β v[t−1] + I is its exact sampling with β = exp(−Δt/τ) and R·I = I/(1 − β):
  // v[t] = R·I (1 − β^{t+1}). So the first spike (strict >) is at most one step after t/Δt, and
  // with reset to zero each inter-spike interval restarts from V = 0: period = t + t_ref (+ ≤ 1 step).
  const dt = 1;
  const tau = 10;
  const beta = Math.exp(-dt / tau);
  it.each([0.12, 0.2, 0.5, 1.5])('fires first at the closed-form time within one step (I = %f)', (I) => {
    const p = lifSchema.parse({ model: 'lif', tauMemMs: tau, reset: 'zero' });
    const tClosed = -tau * Math.log(1 - 1 / (I / (1 - beta)));
    const first = spikeSteps(p, I, 400, dt)[0] ?? NaN;
    // Step index t is time (t + 1)·Δt after the start (v[0] already includes one step of input).
    expect(Math.abs((first + 1) * dt - tClosed)).toBeLessThanOrEqual(dt);
  });

  it.each([
    [0.3, 0],
    [0.3, 5],
    [0.8, 3],
  ])('fires at the closed-form rate 1/(t + t_ref) within one step of period (I = %f, t_ref = %f ms)', (I, tRef) => {
    const p = lifSchema.parse({ model: 'lif', tauMemMs: tau, reset: 'zero', refractoryMs: tRef });
    const spikes = spikeSteps(p, I, 2000, dt);
    const periods = spikes.slice(1).map((s, i) => s - (spikes[i] as number));
    const mean = periods.reduce((a, b) => a + b, 0) / periods.length;
    const closed = -tau * Math.log(1 - 1 / (I / (1 - beta))) + tRef;
    expect(Math.abs(mean * dt - closed)).toBeLessThanOrEqual(dt);
  });

  it('stays silent below rheobase (R·I ≤ θ)', () => {
    const p = lifSchema.parse({ model: 'lif', beta: 0.9 });
    expect(spikeSteps(p, 0.1, 500)).toEqual([]);
  });

  it('resets by subtraction with the spike of the previous step (snnTorch reset_delay)', () => {
    const p = lifSchema.parse({ model: 'lif', beta: 0.5 });
    // v0 = 1.5 > 1 spikes; v1 = 0.5·1.5 + 0 − 1·1 = −0.25.
    const st = { v: new Float32Array([0]), s: new Float32Array([0]), r: new Float32Array([0]) };
    const a = lifStep(st, new Float32Array([1.5]), p, { dtMs: 1, t: 0, steps: 2 });
    expect(a.spikes[0]).toBe(1);
    const b = lifStep(a.state, new Float32Array([0]), p, { dtMs: 1, t: 1, steps: 2 });
    expect(b.state.v[0]).toBeCloseTo(-0.25, 6);
    expect(b.spikes[0]).toBe(0);
  });

  it('does not fire at exactly the threshold (strictly greater)', () => {
    const p = lifSchema.parse({ model: 'lif', beta: 0.5 });
    const st = { v: new Float32Array([0]), s: new Float32Array([0]), r: new Float32Array([0]) };
    expect(lifStep(st, new Float32Array([1]), p, { dtMs: 1, t: 0, steps: 1 }).spikes[0]).toBe(0);
  });
});
