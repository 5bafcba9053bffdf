import type { Samples } from './normalize.ts';
import type { DeltaEncoderSpec } from './schema.ts';

/**
 * Send-on-delta coding of a signal in its own units. Each channel keeps a reference r (starting at
 * x[0]); when x − r ≥ θ the "up" neuron (2c) emits k = floor((x − r)/θ) spikes as one graded event
 * and r += kθ; symmetrically the "down" neuron (2c + 1). Hence |x − r| < θ after every step, which
 * is what makes the reconstruction exact to within one step size.
 */
export function deltaEncode(s: Samples, spec: DeltaEncoderSpec): Float32Array {
  const width = 2 * s.channels;
  const out = new Float32Array(s.steps * width);
  const th = spec.threshold;
  for (let c = 0; c < s.channels; c++) {
    let ref = s.x[c] as number;
    for (let t = 0; t < s.steps; t++) {
      const d = (s.x[t * s.channels + c] as number) - ref;
      const k = Math.floor(Math.abs(d) / th);
      if (k === 0) continue;
      out[t * width + 2 * c + (d > 0 ? 0 : 1)] = k;
      ref += (d > 0 ? k : -k) * th;
    }
  }
  return out;
}

/** Rebuilds channel c from delta spikes: x0 plus θ·(ups − downs) so far. */
export function reconstructDelta(spikes: Float32Array, steps: number, channels: number, c: number, threshold: number, x0: number): Float32Array {
  const out = new Float32Array(steps);
  let r = x0;
  for (let t = 0; t < steps; t++) {
    r += threshold * ((spikes[t * 2 * channels + 2 * c] as number) - (spikes[t * 2 * channels + 2 * c + 1] as number));
    out[t] = r;
  }
  return out;
}
