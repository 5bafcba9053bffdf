import type { Signal } from '../data/signal.ts';
import type { Rng } from '../rng.ts';
import { deltaEncode } from './deltaEncoder.ts';
import { directEncode } from './directEncoder.ts';
import { hybridEncode } from './hybridEncoder.ts';
import { latencyEncode } from './latencyEncoder.ts';
import { levelCrossingEncode } from './levelCrossingEncoder.ts';
import { normalizePerChannel, zscoreAll, zscorePerChannel, type Samples } from './normalize.ts';
import { rateEncode } from './rateEncoder.ts';
import { encodedWidth, type EncoderSpec } from './schema.ts';

/** Encoder output: `values[t·neurons + i]`, one step per signal sample. */
export interface EncodedInput {
  readonly steps: number;
  readonly neurons: number;
  readonly values: Float32Array;
}

/**
 * Encodes samples. Delta and level crossing work on the signal in its own units; rate, latency,
 * hybrid and direct on values in [0, 1] (`normalized` says whether `s` already is).
 */
export function encodeSamples(s: Samples, spec: EncoderSpec, rng: Rng, normalized: boolean): EncodedInput {
  const unit = (): Samples => (normalized ? s : normalizePerChannel(s));
  let values: Float32Array;
  switch (spec.kind) {
    case 'rate':
      values = rateEncode(unit(), spec, rng);
      break;
    case 'latency':
      values = latencyEncode(unit(), spec);
      break;
    case 'hybrid':
      values = hybridEncode(unit(), spec);
      break;
    case 'direct':
      values = directEncode(spec.normalize === 'minmax' ? unit() : spec.normalize === 'zscore' ? zscoreAll(s) : zscorePerChannel(s), spec);
      break;
    case 'delta':
      values = deltaEncode(s, spec);
      break;
    case 'levelCrossing':
      values = levelCrossingEncode(s, spec);
      break;
  }
  return { steps: s.steps, neurons: encodedWidth(spec, s.channels), values };
}

/** Encodes a signal into input spikes (or currents, for 'direct'), one step per sample. */
export function encodeSignal(signal: Signal, spec: EncoderSpec, rng: Rng): EncodedInput {
  return encodeSamples({ steps: signal.length, channels: signal.channels.length, x: signal.values }, spec, rng, false);
}

/** Encodes a static vector in [0, 1] (an image's pixels) held for `steps` steps. */
export function encodeStatic(values: Float32Array, steps: number, spec: EncoderSpec, rng: Rng): EncodedInput {
  const x = new Float32Array(steps * values.length);
  for (let t = 0; t < steps; t++) x.set(values, t * values.length);
  return encodeSamples({ steps, channels: values.length, x }, spec, rng, true);
}
