import { windowMean, type Samples } from './normalize.ts';
import type { LatencyEncoderSpec } from './schema.ts';

/**
 * Step within a window of `w` steps at which intensity x ∈ (cutoff, 1] fires: round((1 − x)(w − 1)),
 * so x = 1 fires at once and smaller x later (time-to-first-spike coding).
 */
export function latencyStep(x: number, w: number): number {
  return Math.round((1 - Math.min(1, Math.max(0, x))) * (w - 1));
}

/** Latency coding: one spike per channel per window of `windowSteps`, at latencyStep(mean x); silent at x ≤ cutoff. */
export function latencyEncode(s: Samples, spec: LatencyEncoderSpec): Float32Array {
  const out = new Float32Array(s.steps * s.channels);
  for (let t0 = 0; t0 < s.steps; t0 += spec.windowSteps) {
    const t1 = Math.min(s.steps, t0 + spec.windowSteps);
    for (let c = 0; c < s.channels; c++) {
      const x = windowMean(s, c, t0, t1);
      if (x <= spec.cutoff) continue;
      out[(t0 + latencyStep(x, t1 - t0)) * s.channels + c] = 1;
    }
  }
  return out;
}
