import { describe, expect, it } from 'vitest';
import { contrastRatio, luminance, parseHex } from './contrast.ts';

describe('contrastRatio (WCAG 2)', () => {
  it('is 21 for black on white and 1 for a colour on itself, in either order', () => {
    expect(contrastRatio('#000', '#ffffff')).toBeCloseTo(21, 6);
    expect(contrastRatio('#ffffff', '#000000')).toBeCloseTo(21, 6);
    expect(contrastRatio('#0072B2', '#0072b2')).toBe(1);
  });

  it('puts #777 on white just under AA for text and #666 over it (the greys app.css moved between)', () => {
    expect(contrastRatio('#777777', '#fff')).toBeCloseTo(4.48, 2);
    expect(contrastRatio('#777777', '#fff')).toBeLessThan(4.5);
    expect(contrastRatio('#666666', '#fff')).toBeCloseTo(5.74, 2);
  });

  it('uses the sRGB linear segment near black', () => {
    // 10/255 ≈ 0.0392 is under the 0.04045 knee: luminance = (10/255) / 12.92 for a grey.
    expect(luminance('#0a0a0a')).toBeCloseTo(10 / 255 / 12.92, 9);
  });

  it('refuses a colour it cannot read, naming it', () => {
    expect(() => parseHex('rgb(0,0,0)')).toThrow(/'rgb\(0,0,0\)' is not a hex colour/);
    expect(() => parseHex('#12345')).toThrow(/not a hex colour/);
  });
});
