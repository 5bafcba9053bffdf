/**
 * One wave of a beat on the limit cycle: a Gaussian bump at phase `theta` (radians, R at 0), of
 * amplitude `a` (mV) and width `b` (radians). Normal values follow McSharry et al., "A dynamical
 * model for generating synthetic electrocardiogram signals", IEEE TBME 50(3), 2003, Table 1, with
 * amplitudes rescaled so that the R wave is about 1 mV above baseline.
 */
export interface EcgWave {
  readonly name: 'P' | 'Q' | 'R' | 'S' | 'T';
  readonly theta: number;
  readonly a: number;
  readonly b: number;
}

/** Beat classes the generator makes, by MIT-BIH symbol: normal, PVC, atrial premature, fusion. */
export type SynthBeatClass = 'N' | 'V' | 'A' | 'F';

/**
 * Morphology per class. PVC (V): no P wave, a wide tall QRS and a discordant (inverted) T —
 * the ventricles depolarise without the conduction system. APB (A): an early, smaller P wave of
 * ectopic atrial origin, normal QRS. Fusion (F): halfway between N and V.
 */
export const BEAT_MORPHOLOGY: Readonly<Record<SynthBeatClass, readonly EcgWave[]>> = {
  N: [
    { name: 'P', theta: -Math.PI / 3, a: 0.12, b: 0.25 },
    { name: 'Q', theta: -Math.PI / 12, a: -0.05, b: 0.1 },
    { name: 'R', theta: 0, a: 1.0, b: 0.1 },
    { name: 'S', theta: Math.PI / 12, a: -0.25, b: 0.1 },
    { name: 'T', theta: Math.PI / 2, a: 0.25, b: 0.4 },
  ],
  V: [
    { name: 'Q', theta: -Math.PI / 10, a: -0.15, b: 0.15 },
    { name: 'R', theta: 0, a: 1.5, b: 0.24 },
    { name: 'S', theta: Math.PI / 7, a: -0.6, b: 0.2 },
    { name: 'T', theta: Math.PI / 2, a: -0.4, b: 0.45 },
  ],
  A: [
    { name: 'P', theta: -Math.PI / 4, a: 0.07, b: 0.18 },
    { name: 'Q', theta: -Math.PI / 12, a: -0.05, b: 0.1 },
    { name: 'R', theta: 0, a: 1.0, b: 0.1 },
    { name: 'S', theta: Math.PI / 12, a: -0.25, b: 0.1 },
    { name: 'T', theta: Math.PI / 2, a: 0.25, b: 0.4 },
  ],
  F: [
    { name: 'P', theta: -Math.PI / 3, a: 0.06, b: 0.25 },
    { name: 'Q', theta: -Math.PI / 11, a: -0.1, b: 0.12 },
    { name: 'R', theta: 0, a: 1.25, b: 0.17 },
    { name: 'S', theta: Math.PI / 9, a: -0.42, b: 0.15 },
    { name: 'T', theta: Math.PI / 2, a: -0.08, b: 0.42 },
  ],
};

/**
 * Timing of an ectopic beat relative to the mean RR: `before` scales the interval that ends at
 * the beat (prematurity), `after` the one that starts there (a PVC's full compensatory pause
 * makes the two sum to 2 RR; an APB resets the sinus node, so its pause is shorter).
 */
export const BEAT_TIMING: Readonly<Record<SynthBeatClass, { readonly before: number; readonly after: number }>> = {
  N: { before: 1, after: 1 },
  V: { before: 0.65, after: 1.35 },
  A: { before: 0.75, after: 1.1 },
  F: { before: 0.95, after: 1.05 },
};

/**
 * Gain of each wave in the second (V1-like) lead: the same cardiac events seen from the right
 * chest, where a normal QRS is a small r and a deep S (rS) and a left-ventricular PVC points up.
 */
const V1_GAIN: Readonly<Record<SynthBeatClass, Readonly<Record<EcgWave['name'], number>>>> = {
  N: { P: 0.6, Q: 0, R: 0.3, S: 2.4, T: 0.5 },
  A: { P: -0.8, Q: 0, R: 0.3, S: 2.4, T: 0.5 },
  V: { P: 0, Q: 0.5, R: 0.9, S: 0.3, T: 1.2 },
  F: { P: 0.3, Q: 0.3, R: 0.6, S: 1.4, T: 0.8 },
};

/** Sum of a class's Gaussian waves at phase θ in lead 0 (MLII) or 1 (V1), widths scaled by `widthScale`. */
export function beatValue(cls: SynthBeatClass, theta: number, widthScale: number, lead = 0): number {
  let v = 0;
  for (const w of BEAT_MORPHOLOGY[cls]) {
    const d = theta - w.theta * widthScale;
    const b = w.b * widthScale;
    v += (lead === 0 ? 1 : V1_GAIN[cls][w.name]) * w.a * Math.exp(-(d * d) / (2 * b * b));
  }
  return v;
}
