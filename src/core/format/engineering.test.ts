import { describe, expect, it } from 'vitest';
import { formatCount, formatEngineering } from './engineering.ts';

describe('engineering format', () => {
  it('picks the SI prefix that leaves 1 … 999 before it', () => {
    expect(formatEngineering(1.478706745e-4, 'J')).toBe('148 µJ');
    expect(formatEngineering(2.2375e-6, 'J')).toBe('2.24 µJ');
    expect(formatEngineering(9.92e-9, 'J')).toBe('9.92 nJ');
    expect(formatEngineering(8.0013, 's')).toBe('8.00 s');
    expect(formatEngineering(465e-9, 's')).toBe('465 ns');
    expect(formatEngineering(3.36e-6, 's', 2)).toBe('3.4 µs');
  });

  it('rounds up across a prefix boundary instead of printing 1000', () => {
    expect(formatEngineering(999.9e-6, 'J')).toBe('1.00 mJ');
  });

  it('writes zero plainly and non-finite values as a dash', () => {
    expect(formatEngineering(0, 'J')).toBe('0 J');
    expect(formatEngineering(NaN, 'J')).toBe('—');
    expect(formatEngineering(-3e-3, 'W')).toBe('-3.00 mW');
  });

  it('groups counts below a million and prefixes larger ones', () => {
    expect(formatCount(94810)).toBe('94\u2009810');
    expect(formatCount(3.2e6)).toBe('3.20 M');
  });
});
