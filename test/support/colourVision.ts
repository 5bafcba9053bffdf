/**
 * Colour measurements for palette tests: WCAG 2 contrast, CIELAB and CIEDE2000 colour difference,
 * and how a colour looks with each full dichromacy. Written from the definitions:
 * - WCAG 2.x relative luminance and contrast ratio (sRGB, D65);
 * - CIE 1976 L*a*b* from XYZ with the D65 white point;
 * - CIEDE2000 as given by Sharma, Wu and Dalal, "The CIEDE2000 color-difference formula:
 *   implementation notes, supplementary test data, and mathematical observations" (2005);
 * - dichromat simulation by the severity-1 matrices of Machado, Oliveira and Fernandes,
 *   "A physiologically-based model for simulation of color vision deficiency" (2009), applied to
 *   linear RGB.
 */

/** Linear RGB, each channel 0 … 1. */
export type LinearRgb = readonly [number, number, number];
/** CIE L*a*b* (D65). */
export type Lab = readonly [number, number, number];

/** '#rrggbb' → linear RGB. */
export function linearRgb(hex: string): LinearRgb {
  if (!/^#[0-9a-f]{6}$/i.test(hex)) throw new Error(`not a #rrggbb colour: '${hex}'`);
  const v = parseInt(hex.slice(1), 16);
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return [lin((v >> 16) & 0xff), lin((v >> 8) & 0xff), lin(v & 0xff)];
}

/** WCAG relative luminance of linear RGB. */
export function luminance([r, g, b]: LinearRgb): number {
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG contrast ratio of two '#rrggbb' colours (1 … 21). */
export function contrastRatio(a: string, b: string): number {
  const la = luminance(linearRgb(a));
  const lb = luminance(linearRgb(b));
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

/** Linear RGB → CIELAB (sRGB primaries, D65 white). */
export function lab([r, g, b]: LinearRgb): Lab {
  const x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047;
  const y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  const z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
  const f = (t: number) => (t > (6 / 29) ** 3 ? Math.cbrt(t) : t / (3 * (6 / 29) ** 2) + 4 / 29);
  return [116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))];
}

const deg = Math.PI / 180;

/** CIEDE2000 difference of two Lab colours (kL = kC = kH = 1). About 1 is just noticeable; 10 and more is clearly another colour. */
export function deltaE2000([L1, a1, b1]: Lab, [L2, a2, b2]: Lab): number {
  const C1 = Math.hypot(a1, b1);
  const C2 = Math.hypot(a2, b2);
  const Cm7 = ((C1 + C2) / 2) ** 7;
  const G = 0.5 * (1 - Math.sqrt(Cm7 / (Cm7 + 25 ** 7)));
  const a1p = (1 + G) * a1;
  const a2p = (1 + G) * a2;
  const C1p = Math.hypot(a1p, b1);
  const C2p = Math.hypot(a2p, b2);
  const hue = (b: number, a: number) => (b === 0 && a === 0 ? 0 : (Math.atan2(b, a) / deg + 360) % 360);
  const h1p = hue(b1, a1p);
  const h2p = hue(b2, a2p);
  const dLp = L2 - L1;
  const dCp = C2p - C1p;
  let dhp = 0;
  if (C1p * C2p !== 0) {
    dhp = h2p - h1p;
    if (dhp > 180) dhp -= 360;
    else if (dhp < -180) dhp += 360;
  }
  const dHp = 2 * Math.sqrt(C1p * C2p) * Math.sin((dhp / 2) * deg);
  const Lpm = (L1 + L2) / 2;
  const Cpm = (C1p + C2p) / 2;
  let hpm = h1p + h2p;
  if (C1p * C2p !== 0) {
    if (Math.abs(h1p - h2p) <= 180) hpm = (h1p + h2p) / 2;
    else hpm = h1p + h2p < 360 ? (h1p + h2p + 360) / 2 : (h1p + h2p - 360) / 2;
  }
  const T = 1 - 0.17 * Math.cos((hpm - 30) * deg) + 0.24 * Math.cos(2 * hpm * deg) + 0.32 * Math.cos((3 * hpm + 6) * deg) - 0.2 * Math.cos((4 * hpm - 63) * deg);
  const dTheta = 30 * Math.exp(-(((hpm - 275) / 25) ** 2));
  const Cpm7 = Cpm ** 7;
  const Rc = 2 * Math.sqrt(Cpm7 / (Cpm7 + 25 ** 7));
  const Sl = 1 + (0.015 * (Lpm - 50) ** 2) / Math.sqrt(20 + (Lpm - 50) ** 2);
  const Sc = 1 + 0.045 * Cpm;
  const Sh = 1 + 0.015 * Cpm * T;
  const Rt = -Math.sin(2 * dTheta * deg) * Rc;
  return Math.sqrt((dLp / Sl) ** 2 + (dCp / Sc) ** 2 + (dHp / Sh) ** 2 + Rt * (dCp / Sc) * (dHp / Sh));
}

/** The colour visions a palette is checked under. */
export type Vision = 'normal' | 'protanopia' | 'deuteranopia' | 'tritanopia';

/** Machado et al. (2009), severity 1.0, rows of the 3×3 matrix on linear RGB. */
const DICHROMAT: Readonly<Record<Exclude<Vision, 'normal'>, readonly (readonly [number, number, number])[]>> = {
  protanopia: [
    [0.152286, 1.052583, -0.204868],
    [0.114503, 0.786281, 0.099216],
    [-0.003882, -0.048116, 1.051998],
  ],
  deuteranopia: [
    [0.367322, 0.860646, -0.227968],
    [0.280085, 0.672501, 0.047413],
    [-0.01182, 0.04294, 0.968881],
  ],
  tritanopia: [
    [1.255528, -0.076749, -0.178779],
    [-0.078411, 0.930809, 0.147602],
    [0.004733, 0.691367, 0.3039],
  ],
};

/** How '#rrggbb' looks with `vision`, in Lab. */
export function seenAs(hex: string, vision: Vision): Lab {
  const c = linearRgb(hex);
  if (vision === 'normal') return lab(c);
  const m = DICHROMAT[vision];
  const clamp = (v: number) => Math.min(1, Math.max(0, v));
  const row = (k: number) => {
    const [p = 0, q = 0, r = 0] = m[k] ?? [];
    return clamp(p * c[0] + q * c[1] + r * c[2]);
  };
  return lab([row(0), row(1), row(2)]);
}

/** The closest pair of a palette under `vision`: its indices and CIEDE2000 difference. */
export function closestPair(palette: readonly string[], vision: Vision): { i: number; j: number; dE: number } {
  let best = { i: -1, j: -1, dE: Infinity };
  for (let i = 0; i < palette.length; i++)
    for (let j = i + 1; j < palette.length; j++) {
      const dE = deltaE2000(seenAs(palette[i] as string, vision), seenAs(palette[j] as string, vision));
      if (dE < best.dE) best = { i, j, dE };
    }
  return best;
}
