import { latencyStep } from './latencyEncoder.ts';
import { windowMean, type Samples } from './normalize.ts';
import type { HybridEncoderSpec } from './schema.ts';

/**
 * Hybrid rate + timing coding (NeuEdge): per window of w steps and channel with mean intensity
 * x > cutoff, k = max(1, round(x·maxSpikes)) spikes; the first at the latency step l of
 * latencyEncoder (earlier for larger x) and the other k − 1 spread evenly over the steps after it.
 * The timing of the first spike carries the value at once; the count refines it. Deterministic.
 */
export function hybridEncode(s: Samples, spec: HybridEncoderSpec): Float32Array {
  const out = new Float32Array(s.steps * s.channels);
  for (let t0 = 0; t0 < s.steps; t0 += spec.windowSteps) {
    const w = Math.min(s.steps, t0 + spec.windowSteps) - t0;
    for (let c = 0; c < s.channels; c++) {
      const x = windowMean(s, c, t0, t0 + w);
      if (x <= spec.cutoff) continue;
      const l = latencyStep(x, w);
      const room = w - l;
      const k = Math.min(room, Math.max(1, Math.round(x * spec.maxSpikes)));
      for (let j = 0; j < k; j++) out[(t0 + l + Math.floor((j * room) / k)) * s.channels + c] = 1;
    }
  }
  return out;
}
