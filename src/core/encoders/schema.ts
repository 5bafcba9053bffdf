import { z } from 'zod';

/** Rate (Bernoulli) coding: each step spikes with probability maxProb·x, x normalised to [0, 1]. */
export const rateEncoderSchema = z.object({
  kind: z.literal('rate'),
  maxProb: z.number().min(0).max(1).default(0.5),
});

/** Latency (time-to-first-spike) coding: one spike per window, earlier for larger x; x ≤ cutoff is silent. */
export const latencyEncoderSchema = z.object({
  kind: z.literal('latency'),
  windowSteps: z.number().int().min(1).max(100_000).default(20),
  cutoff: z.number().min(0).max(1).default(0.05),
});

/** Hybrid rate + timing coding (NeuEdge): per window the first spike's latency and the spike count both grow with x. */
export const hybridEncoderSchema = z.object({
  kind: z.literal('hybrid'),
  windowSteps: z.number().int().min(1).max(100_000).default(20),
  maxSpikes: z.number().int().min(1).max(100_000).default(4),
  cutoff: z.number().min(0).max(1).default(0.05),
});

/** Delta (send-on-delta) coding: an up or down spike whenever x moves by `threshold` from the last reference; 2 neurons per channel. */
export const deltaEncoderSchema = z.object({
  kind: z.literal('delta'),
  threshold: z.number().positive().default(0.05),
});

/** Level-crossing coding: `levels` evenly spaced levels over [min, max]; crossing level k upward fires neuron k, downward fires neuron levels + k. */
export const levelCrossingEncoderSchema = z.object({
  kind: z.literal('levelCrossing'),
  levels: z.number().int().min(1).max(1024).default(16),
  min: z.number().optional(),
  max: z.number().optional(),
});

/**
 * Direct current: the (normalised) signal itself is the input current, times gain; no spikes.
 * 'minmax' scales each channel to [0, 1] on its own; 'zscore' subtracts the mean and divides by
 * the standard deviation of the whole sample (all channels together), so relative levels across
 * channels (a spectrum's shape) survive and the current has no common offset; 'zscoreChannel' does
 * it per channel (for a log spectrogram: cepstral mean and variance normalisation, which removes a
 * speaker's or microphone's fixed spectral tilt).
 */
export const directEncoderSchema = z.object({
  kind: z.literal('direct'),
  gain: z.number().default(1),
  normalize: z.enum(['minmax', 'zscore', 'zscoreChannel']).default('minmax'),
});

/** Any encoder, discriminated by `kind`. */
export const encoderSchema = z.discriminatedUnion('kind', [
  rateEncoderSchema,
  latencyEncoderSchema,
  hybridEncoderSchema,
  deltaEncoderSchema,
  levelCrossingEncoderSchema,
  directEncoderSchema,
]);

export type EncoderSpec = z.output<typeof encoderSchema>;
export type RateEncoderSpec = z.output<typeof rateEncoderSchema>;
export type LatencyEncoderSpec = z.output<typeof latencyEncoderSchema>;
export type HybridEncoderSpec = z.output<typeof hybridEncoderSchema>;
export type DeltaEncoderSpec = z.output<typeof deltaEncoderSchema>;
export type LevelCrossingEncoderSpec = z.output<typeof levelCrossingEncoderSchema>;
export type DirectEncoderSpec = z.output<typeof directEncoderSchema>;

/** Number of input neurons an encoder produces from `channels` signal channels. */
export function encodedWidth(enc: EncoderSpec, channels: number): number {
  switch (enc.kind) {
    case 'delta':
      return 2 * channels;
    case 'levelCrossing':
      return 2 * enc.levels * channels;
    default:
      return channels;
  }
}
