import { describe, expect, it } from 'vitest';
import { canonicalSymmetric, canonicalU, createRng, lowbias32 } from './rng.ts';

describe('canonical RNG (WORKLOADS.md reference values)', () => {
  it('lowbias32(1) is 0x688990c0', () => {
    expect(lowbias32(1)).toBe(0x688990c0);
  });
  it('u(1, 0..3) matches the Python reference to the last bit', () => {
    expect([0, 1, 2, 3].map((k) => canonicalU(1, k))).toEqual([
      0.3474927544593811, 0.8217079043388367, 0.7929670214653015, 0.8920949697494507,
    ]);
  });
  it('U(0.17; 2, 0) is W1[0][0] = -0.0978299156 in float32', () => {
    expect(canonicalSymmetric(0.17, 2, 0)).toBeCloseTo(-0.0978299156, 9);
  });
});

describe('createRng', () => {
  it('gives the same sequence for the same seed and purpose, and another for another seed', () => {
    const a = createRng(7, 'x');
    const b = createRng(7, 'x');
    const c = createRng(8, 'x');
    const sa = [a.next(), a.next(), a.next()];
    expect([b.next(), b.next(), b.next()]).toEqual(sa);
    expect(c.next()).not.toBe(sa[0]);
  });
  it('normal() has mean near 0 and variance near 1 over 20,000 draws', () => {
    const r = createRng(3);
    let s = 0;
    let s2 = 0;
    const n = 20_000;
    for (let i = 0; i < n; i++) {
      const x = r.normal();
      s += x;
      s2 += x * x;
    }
    expect(Math.abs(s / n)).toBeLessThan(0.03);
    expect(Math.abs(s2 / n - 1)).toBeLessThan(0.05);
  });
});
