import { describe, expect, it } from 'vitest';
import { createRng } from '../rng.ts';
import { reconstructDelta } from './deltaEncoder.ts';
import { encodeSamples, encodeStatic } from './index.ts';
import { encoderSchema, encodedWidth } from './schema.ts';

const enc = (o: Record<string, unknown>) => encoderSchema.parse(o);

describe('rate encoder', () => {
  it.each([0.05, 0.2, 0.5])('spikes with probability maxProb·x, within 4 binomial sigmas (p = %f)', (p) => {
    const steps = 20_000;
    const out = encodeStatic(new Float32Array([1, 0.5, 0]), steps, enc({ kind: 'rate', maxProb: p }), createRng(1));
    for (const [i, x] of [1, 0.5, 0].entries()) {
      let n = 0;
      for (let t = 0; t < steps; t++) n += out.values[t * 3 + i] as number;
      const q = p * x;
      const sigma = Math.sqrt(steps * q * (1 - q));
      expect(Math.abs(n - steps * q)).toBeLessThanOrEqual(4 * sigma);
    }
  });
  it('is reproducible from the seed and differs for another seed', () => {
    const spec = enc({ kind: 'rate' });
    const a = encodeStatic(new Float32Array(50).fill(0.5), 100, spec, createRng(2)).values;
    expect(encodeStatic(new Float32Array(50).fill(0.5), 100, spec, createRng(2)).values).toEqual(a);
    expect(encodeStatic(new Float32Array(50).fill(0.5), 100, spec, createRng(3)).values).not.toEqual(a);
  });
});

function firstSpike(values: Float32Array, neurons: number, i: number): number {
  for (let t = 0; t * neurons < values.length; t++) if ((values[t * neurons + i] as number) > 0) return t;
  return -1;
}

describe('latency and hybrid encoders', () => {
  it('fire earlier for larger intensity, and not at all at or below the cutoff', () => {
    const x = new Float32Array([1, 0.8, 0.5, 0.2, 0.01]);
    const out = encodeStatic(x, 20, enc({ kind: 'latency', windowSteps: 20 }), createRng(1));
    const times = [0, 1, 2, 3].map((i) => firstSpike(out.values, 5, i));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(times[0]).toBe(0);
    expect(new Set(times).size).toBe(4);
    expect(firstSpike(out.values, 5, 4)).toBe(-1);
  });
  it('hybrid: first spike earlier and more spikes for larger intensity', () => {
    const out = encodeStatic(new Float32Array([1, 0.5, 0.25]), 20, enc({ kind: 'hybrid', windowSteps: 20, maxSpikes: 8 }), createRng(1));
    const count = (i: number) => [...Array(20).keys()].reduce((a, t) => a + (out.values[t * 3 + i] as number), 0);
    expect([count(0), count(1), count(2)]).toEqual([8, 4, 2]);
    expect(firstSpike(out.values, 3, 0)).toBeLessThan(firstSpike(out.values, 3, 1));
    expect(firstSpike(out.values, 3, 1)).toBeLessThan(firstSpike(out.values, 3, 2));
  });
});

describe('delta encoder', () => {
  const check = (x: Float32Array, th: number) => {
    const out = encodeSamples({ steps: x.length, channels: 1, x }, enc({ kind: 'delta', threshold: th }), createRng(1), false);
    expect(out.neurons).toBe(2);
    const rec = reconstructDelta(out.values, x.length, 1, 0, th, x[0] as number);
    let maxErr = 0;
    for (let t = 0; t < x.length; t++) maxErr = Math.max(maxErr, Math.abs((rec[t] as number) - (x[t] as number)));
    // Invariant |x − r| < θ after each step; float32 storage of x adds at most ~1e-6.
    expect(maxErr).toBeLessThan(th + 1e-5);
    return out;
  };
  it('reconstructs a sine within its step size', () => {
    const x = Float32Array.from({ length: 500 }, (_, t) => Math.sin(t / 20));
    const out = check(x, 0.05);
    expect(out.values.some((v) => v > 0)).toBe(true);
  });
  it('reconstructs a random walk within its step size', () => {
    const r = createRng(9);
    let v = 0;
    const x = Float32Array.from({ length: 2000 }, () => (v += 0.1 * r.normal()));
    check(x, 0.03);
  });
});

describe('level-crossing encoder', () => {
  it('fires once per level on a ramp up and once per level on the way down', () => {
    const up = Array.from({ length: 50 }, (_, t) => t / 49);
    const x = Float32Array.from([...up, ...up.slice().reverse()]);
    const out = encodeSamples({ steps: x.length, channels: 1, x }, enc({ kind: 'levelCrossing', levels: 8 }), createRng(1), false);
    expect(out.neurons).toBe(16);
    const counts = new Array<number>(16).fill(0);
    for (let t = 0; t < x.length; t++) for (let i = 0; i < 16; i++) counts[i]! += out.values[t * 16 + i] as number;
    expect(counts).toEqual(new Array<number>(16).fill(1));
  });
});

describe('direct encoder and widths', () => {
  it('passes gain × normalised value through as current', () => {
    const out = encodeStatic(new Float32Array([0.25, 1]), 3, enc({ kind: 'direct', gain: 2 }), createRng(1));
    expect([...out.values]).toEqual([0.5, 2, 0.5, 2, 0.5, 2]);
  });
  it('produces encodedWidth neurons for every encoder', () => {
    for (const kind of ['rate', 'latency', 'hybrid', 'delta', 'levelCrossing', 'direct']) {
      const spec = enc({ kind });
      const out = encodeSamples({ steps: 10, channels: 3, x: new Float32Array(30).map((_, i) => i % 7) }, spec, createRng(1), false);
      expect(out.neurons).toBe(encodedWidth(spec, 3));
      expect(out.values.length).toBe(10 * out.neurons);
    }
  });
});

describe('direct current with z-score normalisation', () => {
  it('centres the whole sample on 0 with unit variance, keeping levels across channels', () => {
    // Two channels, two steps: channel 0 at 1 and 3, channel 1 at 5 and 7 → mean 4, sd √5.
    const e = encodeSamples({ steps: 2, channels: 2, x: Float32Array.from([1, 5, 3, 7]) }, { kind: 'direct', gain: 2, normalize: 'zscore' }, createRng(1), false);
    const sd = Math.sqrt(5);
    [(1 - 4) / sd, (5 - 4) / sd, (3 - 4) / sd, (7 - 4) / sd].forEach((v, i) => expect(e.values[i]).toBeCloseTo(2 * v, 5));
  });
});

describe('direct current with per-channel z-score (cepstral mean and variance normalisation)', () => {
  it('gives every channel mean 0 and sd 1 over its steps, so a constant offset per channel vanishes', () => {
    // Channel 0: 1, 3 (mean 2, sd 1); channel 1: 10, 30 (mean 20, sd 10).
    const e = encodeSamples({ steps: 2, channels: 2, x: Float32Array.from([1, 10, 3, 30]) }, { kind: 'direct', gain: 1, normalize: 'zscoreChannel' }, createRng(1), false);
    expect(Array.from(e.values)).toEqual([-1, -1, 1, 1]);
  });
});
