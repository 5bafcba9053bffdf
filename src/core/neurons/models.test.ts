import { describe, expect, it } from 'vitest';
import { alifSchema, alifStep, type AlifState } from './alif.ts';
import type { CubaLifState } from './cubaLif.ts';
import type { IfState } from './if.ts';
import type { SsfState } from './ssf.ts';
import { cubaLifSchema, cubaLifStep } from './cubaLif.ts';
import { ifSchema, ifStep } from './if.ts';
import { IZHIKEVICH_PRESETS, izhikevichModel, izhikevichSchema, izhikevichStep, type IzhikevichState } from './izhikevich.ts';
import { ssfSchema, ssfStep } from './ssf.ts';

const ctx = (t: number, steps = 100, dtMs = 1) => ({ dtMs, t, steps });
const one = (x: number) => new Float32Array([x]);

describe('ifStep', () => {
  it('integrates without leak and keeps the residue after a spike (subtract)', () => {
    const p = ifSchema.parse({ model: 'if' });
    let st: IfState = { v: one(0), s: one(0) };
    const spikes: number[] = [];
    // Input 0.4 per step: v = 0.4, 0.8, 1.2 (spike), 1.2 + 0.4 − 1 = 0.6, 1.0, 1.4 (spike), 0.8, …
    for (let t = 0; t < 7; t++) {
      const r = ifStep(st, one(0.4), p, ctx(t));
      spikes.push(r.spikes[0] as number);
      st = r.state;
    }
    expect(spikes).toEqual([0, 0, 1, 0, 0, 1, 0]);
    expect(st.v[0]).toBeCloseTo(0.8, 5);
  });
  it('fires at rate I/θ on average under constant input', () => {
    const p = ifSchema.parse({ model: 'if', threshold: 2 });
    let st: IfState = { v: one(0), s: one(0) };
    let n = 0;
    for (let t = 0; t < 1000; t++) {
      const r = ifStep(st, one(0.5), p, ctx(t, 1000));
      n += r.spikes[0] as number;
      st = r.state;
    }
    expect(Math.abs(n - 250)).toBeLessThanOrEqual(1);
  });
});

describe('alifStep', () => {
  it('raises the threshold by β_a after each spike and lets it decay back with ρ', () => {
    const p = alifSchema.parse({ model: 'alif', beta: 0.5, rho: 0.8, adaptation: 0.5 });
    let st: AlifState = { v: one(0), a: one(0), s: one(0), th: one(1) };
    const r0 = alifStep(st, one(2), p, ctx(0));
    expect(r0.spikes[0]).toBe(1);
    expect(r0.state.th[0]).toBeCloseTo(1, 6);
    st = r0.state;
    // Next step: a = 0.8·0 + 1 = 1, θ = 1 + 0.5·1 = 1.5.
    const r1 = alifStep(st, one(0), p, ctx(1));
    expect(r1.state.a[0]).toBeCloseTo(1, 6);
    expect(r1.state.th[0]).toBeCloseTo(1.5, 6);
    st = r1.state;
    // Silence afterwards: θ − θ₀ = 0.5·0.8^k, decaying back towards 1.
    for (let k = 1; k <= 10; k++) st = alifStep(st, one(0), p, ctx(1 + k)).state;
    expect((st.th[0] as number) - 1).toBeCloseTo(0.5 * 0.8 ** 10, 5);
  });
  it('spikes less than LIF with the same input (adaptation)', () => {
    const p = alifSchema.parse({ model: 'alif', beta: 0.9, adaptation: 0.5 });
    const p0 = alifSchema.parse({ model: 'alif', beta: 0.9, adaptation: 0 });
    const count = (q: typeof p) => {
      let st: AlifState = { v: one(0), a: one(0), s: one(0), th: one(1) };
      let n = 0;
      for (let t = 0; t < 500; t++) {
        const r = alifStep(st, one(0.3), q, ctx(t, 500));
        n += r.spikes[0] as number;
        st = r.state;
      }
      return n;
    };
    expect(count(p)).toBeLessThan(0.8 * count(p0));
  });
});

describe('ssfStep', () => {
  it('emits floor(sum/θ) once at the end of each window and nothing before', () => {
    const p = ssfSchema.parse({ model: 'ssf', threshold: 0.7, windowSteps: 4 });
    let st: SsfState = { v: one(0) };
    const out: number[] = [];
    // Window 1: 0.5 × 4 = 2.0 → floor(2/0.7) = 2; window 2: 0.1 × 4 = 0.4 → 0.
    [0.5, 0.5, 0.5, 0.5, 0.1, 0.1, 0.1, 0.1].forEach((x, t) => {
      const r = ssfStep(st, one(x), p, ctx(t, 8));
      out.push(r.spikes[0] as number);
      st = r.state;
    });
    expect(out).toEqual([0, 0, 0, 2, 0, 0, 0, 0]);
  });
  it('uses the whole run as its window by default, and clamps negative sums to 0 and large ones to maxSpikes', () => {
    const p = ssfSchema.parse({ model: 'ssf', maxSpikes: 5 });
    let st: SsfState = { v: new Float32Array([0, 0]) };
    let last: Float32Array = new Float32Array(2);
    for (let t = 0; t < 10; t++) {
      const r = ssfStep(st, new Float32Array([-1, 3]), p, ctx(t, 10));
      if (t < 9) expect([...r.spikes]).toEqual([0, 0]);
      last = r.spikes;
      st = r.state;
    }
    expect([...last]).toEqual([0, 5]);
  });
});

describe('cubaLifStep', () => {
  it('filters input through the synaptic current before the membrane', () => {
    const p = cubaLifSchema.parse({ model: 'cubaLif', alpha: 0.5, beta: 0.5, threshold: 10 });
    let st: CubaLifState = { i: one(0), v: one(0), s: one(0) };
    // Pulse of 1 at t = 0: i = 1, 0.5, 0.25; v = 1, 0.5 + 0.5 = 1, 0.5 + 0.25 = 0.75.
    const vs: number[] = [];
    [1, 0, 0].forEach((x, t) => {
      st = cubaLifStep(st, one(x), p, ctx(t)).state;
      vs.push(st.v[0] as number);
    });
    expect(vs[0]).toBeCloseTo(1, 6);
    expect(vs[1]).toBeCloseTo(1, 6);
    expect(vs[2]).toBeCloseTo(0.75, 6);
  });
});

describe('izhikevichStep', () => {
  const run = (preset: keyof typeof IZHIKEVICH_PRESETS, I: number, ms: number) => {
    const p = izhikevichSchema.parse({ model: 'izhikevich', ...IZHIKEVICH_PRESETS[preset] });
    let st = izhikevichModel.init(1, p) as IzhikevichState;
    const spikes: number[] = [];
    const dt = 0.25;
    for (let t = 0; t < ms / dt; t++) {
      const r = izhikevichStep(st, one(I), p, ctx(t, ms / dt, dt));
      if (r.spikes[0] === 1) spikes.push(t * dt);
      st = r.state;
    }
    return spikes;
  };
  it('rests without input at the model fixed point (no spikes)', () => {
    expect(run('regularSpiking', 0, 500)).toEqual([]);
  });
  it('fires regular spiking with a lengthening interval (adaptation) and fast spiking faster', () => {
    const rs = run('regularSpiking', 10, 500);
    const fs = run('fastSpiking', 10, 500);
    expect(rs.length).toBeGreaterThan(3);
    expect(fs.length).toBeGreaterThan(rs.length);
    const isi = rs.slice(1).map((s, i) => s - (rs[i] as number));
    expect(isi[isi.length - 1]).toBeGreaterThan(isi[0] as number);
  });
  it('resets v to c after a spike', () => {
    const p = izhikevichSchema.parse({ model: 'izhikevich' });
    const st = { v: one(29.9), u: one(-13) };
    const r = izhikevichStep(st, one(100), p, ctx(0));
    expect(r.spikes[0]).toBe(1);
    expect(r.state.v[0]).toBe(-65);
    expect(r.state.u[0]).toBeGreaterThan(-13 + 7);
  });
});
