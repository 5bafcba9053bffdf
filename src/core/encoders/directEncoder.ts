import type { Samples } from './normalize.ts';
import type { DirectEncoderSpec } from './schema.ts';

/** Direct current coding: the normalised value itself, times gain, is the input current. */
export function directEncode(s: Samples, spec: DirectEncoderSpec): Float32Array {
  return s.x.map((v) => Math.fround(spec.gain * v));
}
