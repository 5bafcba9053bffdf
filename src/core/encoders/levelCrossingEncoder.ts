import type { Samples } from './normalize.ts';
import type { LevelCrossingEncoderSpec } from './schema.ts';

/** Level k of L over [lo, hi]: lo + (k + ½)(hi − lo)/L (centred, so a flat signal at lo never fires). */
export function levelValue(k: number, levels: number, lo: number, hi: number): number {
  return lo + ((k + 0.5) * (hi - lo)) / levels;
}

/**
 * Level-crossing coding (an asynchronous ADC): between steps t−1 and t, each level the signal passes
 * upward fires neuron c·2L + k, downward c·2L + L + k. [lo, hi] defaults to the channel's range.
 */
export function levelCrossingEncode(s: Samples, spec: LevelCrossingEncoderSpec): Float32Array {
  const L = spec.levels;
  const width = 2 * L * s.channels;
  const out = new Float32Array(s.steps * width);
  for (let c = 0; c < s.channels; c++) {
    let lo = spec.min ?? Infinity;
    let hi = spec.max ?? -Infinity;
    if (spec.min === undefined || spec.max === undefined) {
      for (let t = 0; t < s.steps; t++) {
        const v = s.x[t * s.channels + c] as number;
        if (spec.min === undefined) lo = Math.min(lo, v);
        if (spec.max === undefined) hi = Math.max(hi, v);
      }
    }
    if (!(hi > lo)) continue;
    for (let t = 1; t < s.steps; t++) {
      const a = s.x[(t - 1) * s.channels + c] as number;
      const b = s.x[t * s.channels + c] as number;
      for (let k = 0; k < L; k++) {
        const level = levelValue(k, L, lo, hi);
        if (a < level && b >= level) out[t * width + c * 2 * L + k] = 1;
        else if (a >= level && b < level) out[t * width + c * 2 * L + L + k] = 1;
      }
    }
  }
  return out;
}
