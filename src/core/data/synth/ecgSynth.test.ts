import { describe, expect, it } from 'vitest';
import { createRng } from '../../rng.ts';
import { syntheticEcgSchema } from './ecgSchema.ts';
import { generateSyntheticEcg } from './ecgSynth.ts';

const spec = (over: Record<string, unknown> = {}) => syntheticEcgSchema.parse({ kind: 'synthetic-ecg', ...over });

describe('generateSyntheticEcg', () => {
  it('annotates R peaks whose mean rate is within 2 % of heartRateBpm over 60 s', () => {
    const s = generateSyntheticEcg(spec({ durationS: 60, heartRateBpm: 80 }), createRng(1));
    const r = s.annotations.map((a) => a.sample);
    const meanRrS = (r[r.length - 1]! - r[0]!) / (r.length - 1) / s.samplingHz;
    expect(Math.abs(60 / meanRrS - 80) / 80).toBeLessThan(0.02);
  });

  it('has RR variability close to hrvFraction × mean RR', () => {
    const s = generateSyntheticEcg(spec({ durationS: 120, heartRateBpm: 60, hrvFraction: 0.08 }), createRng(2));
    const r = s.annotations.map((a) => a.sample / s.samplingHz);
    const rr = r.slice(1).map((x, i) => x - r[i]!);
    const mean = rr.reduce((a, b) => a + b, 0) / rr.length;
    const sd = Math.sqrt(rr.reduce((a, b) => a + (b - mean) ** 2, 0) / rr.length);
    // 120 beats: the sample sd of a Gaussian is within ±25 % of the true 0.08 s with high probability.
    expect(sd).toBeGreaterThan(0.06);
    expect(sd).toBeLessThan(0.1);
  });

  it('puts the largest deflection of each beat at its R annotation, about 1 mV', () => {
    const s = generateSyntheticEcg(spec({ durationS: 10, noiseMv: 0, baselineWanderMv: 0 }), createRng(3));
    for (const a of s.annotations.slice(1, -1)) {
      const win = s.values.subarray(a.sample - 40, a.sample + 40);
      const peak = Math.max(...win);
      expect(Math.abs((s.values[a.sample] ?? 0) - peak)).toBeLessThan(0.05);
      expect(peak).toBeGreaterThan(0.9);
      expect(peak).toBeLessThan(1.2);
    }
  });

  it('places the P wave before the QRS and the T wave after it', () => {
    const s = generateSyntheticEcg(spec({ durationS: 5, noiseMv: 0, baselineWanderMv: 0, hrvFraction: 0 }), createRng(4));
    const r = s.annotations[1]!.sample;
    const rrSamples = s.annotations[2]!.sample - r;
    // P peak: the local maximum in the 30 % of the cycle before R (excluding the QRS); T after.
    const before = s.values.subarray(r - Math.round(0.3 * rrSamples), r - Math.round(0.05 * rrSamples));
    const after = s.values.subarray(r + Math.round(0.1 * rrSamples), r + Math.round(0.45 * rrSamples));
    expect(Math.max(...before)).toBeGreaterThan(0.08);
    expect(Math.max(...after)).toBeGreaterThan(0.15);
    // The S wave is a dip just after R.
    expect(Math.min(...s.values.subarray(r, r + Math.round(0.06 * rrSamples)))).toBeLessThan(-0.1);
  });

  it('is reproducible from its seed and differs for another seed', () => {
    const a = generateSyntheticEcg(spec(), createRng(5));
    const b = generateSyntheticEcg(spec(), createRng(5));
    const c = generateSyntheticEcg(spec(), createRng(6));
    expect(b.values).toEqual(a.values);
    expect(c.values).not.toEqual(a.values);
    expect(a.values.every((v) => Number.isFinite(v))).toBe(true);
    expect(a.length).toBe(1000);
  });
});

describe('synthetic ECG beat classes', () => {
  const mixed = generateSyntheticEcg(spec({ durationS: 300, noiseMv: 0, baselineWanderMv: 0, beatMix: { N: 7, V: 1, A: 1, F: 1 } }), createRng(9));
  const ann = mixed.annotations;
  const rrBefore = (i: number) => (ann[i]!.sample - ann[i - 1]!.sample) / mixed.samplingHz;

  it('annotates each class about as often as beatMix says (ectopic beats never follow each other)', () => {
    const n = ann.length;
    const count = (s: string) => ann.filter((a) => a.symbol === s).length;
    // Weights 7:1:1:1, and an ectopic draw right after an ectopic beat becomes N, so the ectopic
    // share is p/(1+p) of draws with p = 0.3 → 0.3/1.3 ≈ 23 %, about 7.7 % per class.
    for (const s of ['V', 'A', 'F']) {
      expect(count(s) / n).toBeGreaterThan(0.045);
      expect(count(s) / n).toBeLessThan(0.11);
    }
    for (let i = 1; i < n; i++) expect(ann[i]!.symbol !== 'N' && ann[i - 1]!.symbol !== 'N').toBe(false);
  });

  it('makes PVCs premature with a compensatory pause, taller and wider than normal beats', () => {
    const meanRr = 60 / 72;
    const vs = ann.map((a, i) => [a, i] as const).filter(([a, i]) => a.symbol === 'V' && i > 0 && i < ann.length - 1);
    expect(vs.length).toBeGreaterThan(10);
    for (const [, i] of vs) {
      expect(rrBefore(i)).toBeLessThan(0.8 * meanRr);
      expect(rrBefore(i) + rrBefore(i + 1)).toBeGreaterThan(1.7 * meanRr);
    }
    const width = (i: number) => {
      // Samples of the QRS above half its peak (a width measure that needs no filter).
      const s = ann[i]!.sample;
      const peak = mixed.values[s]!;
      let w = 0;
      for (let k = s - 40; k < s + 40; k++) if (mixed.values[k]! > peak / 2) w++;
      return w;
    };
    const normal = ann.findIndex((a, i) => i > 2 && a.symbol === 'N');
    const [, v] = vs[0]!;
    expect(mixed.values[ann[v]!.sample]!).toBeGreaterThan(mixed.values[ann[normal]!.sample]! * 1.3);
    expect(width(v)).toBeGreaterThan(1.8 * width(normal));
  });

  it('refuses a mix with no weight', () => {
    expect(() => spec({ beatMix: { N: 0 } })).toThrow(/at least one beat class/);
  });
});
