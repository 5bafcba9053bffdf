import { describe, expect, it } from 'vitest';
import { displayNumber } from './displayNumber.ts';

describe('displayNumber', () => {
  it('shows a value that went through float32 as the decimal it was written as', () => {
    // 0.6 read back from a Float32Array is the double 0.6000000238418579.
    expect(String(Math.fround(0.6))).toBe('0.6000000238418579');
    expect(displayNumber(Math.fround(0.6))).toBe('0.6');
    // Float64 arithmetic on float32 inputs (an imported NIR value): |v − 0.6| / 0.6 = 1.5e-8 < 2^-23.
    expect(displayNumber(0.599999991059303)).toBe('0.6');
    expect(displayNumber(Math.fround(-65.3))).toBe('-65.3');
    expect(displayNumber(Math.fround(1e-7))).toBe('1e-7');
    expect(displayNumber(Math.fround(0.95))).toBe('0.95');
  });

  it('shows at most 9 significant digits of a float32, within one float32 step of it', () => {
    for (const v of [Math.fround(1 / 3), Math.fround(Math.PI), Math.fround(123456.789), Math.fround(3.4e38), Math.fround(2.5e-12)]) {
      const shown = Number(displayNumber(v));
      expect(Math.abs(shown - v)).toBeLessThanOrEqual(Math.abs(v) * 2 ** -23);
      expect(displayNumber(v).replace(/e.*$/, '').replace(/[-.]/g, '').replace(/^0+/, '').length).toBeLessThanOrEqual(9);
    }
  });

  it('keeps the digits a value needs at float32 precision, and integers and non-finite values as JavaScript prints them', () => {
    expect(displayNumber(0.1)).toBe('0.1');
    expect(displayNumber(1.000001)).toBe('1.000001');
    // 1 + 1e-9 lies within a float32 step of 1 but is not an integer: it shows as 1.
    expect(displayNumber(1 + 1e-9)).toBe('1');
    expect(displayNumber(0.123456789012)).toBe('0.1234568');
    expect(displayNumber(Math.fround(1 / 3))).toBe('0.33333334');
    // Digits past float32's precision are not shown: the engines compute in float32.
    expect(displayNumber(1.00000123)).toBe('1.0000012');
    expect(displayNumber(250)).toBe('250');
    expect(displayNumber(Number.NaN)).toBe('NaN');
    expect(displayNumber(-Infinity)).toBe('-Infinity');
  });
});
