import type { Rng } from '../rng.ts';
import type { Samples } from './normalize.ts';
import type { RateEncoderSpec } from './schema.ts';

/** Rate (Bernoulli) coding of x ∈ [0, 1]: neuron c spikes at step t with probability maxProb·x[t][c]. */
export function rateEncode(s: Samples, spec: RateEncoderSpec, rng: Rng): Float32Array {
  const out = new Float32Array(s.steps * s.channels);
  for (let i = 0; i < out.length; i++) out[i] = rng.next() < spec.maxProb * (s.x[i] as number) ? 1 : 0;
  return out;
}
