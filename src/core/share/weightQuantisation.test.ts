import { describe, expect, it } from 'vitest';
import { LinkError } from '../errors.ts';
import { createRng } from '../rng.ts';
import type { NetworkSpec } from '../spec/network.ts';
import { base64urlToBytes, bytesToBase64url } from './base64url.ts';
import { dequantiseWeights, maxCode, quantiseWeights } from './weightQuantisation.ts';

/** in[3] → dense 5 → spiking: one weighted layer of 3 × 5 = 15 values (an odd count of codes). */
const NET: NetworkSpec = {
  layers: [
    { kind: 'input', name: 'in', shape: [3] },
    { kind: 'dense', name: 'fc', units: 5, weightGain: 1 },
    { kind: 'spiking', name: 'out', neuron: { model: 'if', threshold: 1, reset: 'subtract' } },
  ],
};

const weightsOf = (values: number[]) => ({ fc: { shape: [3, 5], values: Float32Array.from(values) } });

describe('quantiseWeights and dequantiseWeights', () => {
  it('give back exactly the values that are whole multiples of the scale', () => {
    // max|w| = 3 at 3 bits: qmax = 3, scale = 1, so every integer in ±3 is a code.
    const values = [-3, -2, -1, 0, 1, 2, 3, 3, 2, 1, 0, -1, -2, -3, 0];
    const q = quantiseWeights(NET, weightsOf(values), 3);
    expect(q.layers).toEqual([{ name: 'fc', shape: [3, 5], scale: 1 }]);
    expect(q.payload.length).toBe(Math.ceil((15 * 3) / 8));
    expect([...(dequantiseWeights(NET, q)['fc']?.values ?? [])]).toEqual(values);
  });

  it('round to the nearest code and clamp nothing: |w − ŵ| ≤ scale / 2', () => {
    const rng = createRng(5, 'quantisation');
    for (const bits of [2, 5, 8, 11, 16]) {
      // Rounded to float32 first, as the Float32Array holding them will.
      const values = Array.from({ length: 15 }, () => Math.fround(rng.normal() * 0.3));
      const q = quantiseWeights(NET, weightsOf(values), bits);
      const scale = q.layers[0]?.scale ?? 0;
      expect(scale).toBeCloseTo(Math.max(...values.map(Math.abs)) / maxCode(bits), 12);
      const back = dequantiseWeights(NET, q)['fc']?.values ?? new Float32Array(0);
      values.forEach((v, i) => expect(Math.abs(v - (back[i] ?? NaN)), `${bits} bits, value ${i}`).toBeLessThanOrEqual(scale / 2 + 1e-7));
    }
  });

  it('quantises all-zero weights to zeros with a zero scale', () => {
    const q = quantiseWeights(NET, weightsOf(new Array<number>(15).fill(0)), 8);
    expect(q.layers[0]?.scale).toBe(0);
    expect([...(dequantiseWeights(NET, q)['fc']?.values ?? [])]).toEqual(new Array<number>(15).fill(0));
  });

  it('refuses the one code a symmetric range leaves unused (all ones)', () => {
    const q = quantiseWeights(NET, weightsOf(new Array<number>(15).fill(0.5)), 2);
    // 2 bits: codes 0, 1, 2 mean −1, 0, +1; 3 is never written.
    const bad = { ...q, payload: q.payload.map(() => 0xff) };
    expect(() => dequantiseWeights(NET, bad)).toThrow(LinkError);
    expect(() => dequantiseWeights(NET, bad)).toThrow(/outside ±1/);
  });
});

describe('base64url', () => {
  it('matches RFC 4648 §5 (unpadded) for every length from 0 to 40 bytes', () => {
    const rng = createRng(11, 'base64url');
    for (let n = 0; n <= 40; n++) {
      const bytes = Uint8Array.from({ length: n }, () => rng.int(256));
      const text = bytesToBase64url(bytes);
      expect(text).toBe(Buffer.from(bytes).toString('base64url'));
      expect([...base64urlToBytes(text)]).toEqual([...bytes]);
    }
  });

  it('has one accepted spelling per byte string: stray low bits are refused', () => {
    expect([...base64urlToBytes('AA')]).toEqual([0]);
    expect(() => base64urlToBytes('AB')).toThrow(/stray bits/);
    expect(() => base64urlToBytes('AA==')).toThrow(/not base64url/);
  });
});
