import { z } from 'zod';

/**
 * Parameters of the seeded synthetic ECG (a dynamical model in the style of McSharry et al.,
 * IEEE TBME 2003: P, Q, R, S, T as Gaussian events on a limit cycle). Amplitudes in mV.
 */
export const syntheticEcgSchema = z.object({
  kind: z.literal('synthetic-ecg'),
  durationS: z.number().positive().max(600).default(4),
  samplingHz: z.number().positive().max(2000).default(250),
  heartRateBpm: z.number().min(20).max(250).default(72),
  /** Standard deviation of RR intervals as a fraction of the mean (heart-rate variability). */
  hrvFraction: z.number().min(0).max(0.5).default(0.05),
  /** Additive white noise, mV (standard deviation). */
  noiseMv: z.number().min(0).max(5).default(0.02),
  /** Amplitude of the respiratory baseline wander, mV. */
  baselineWanderMv: z.number().min(0).max(5).default(0.05),
});

export type SyntheticEcgSpec = z.output<typeof syntheticEcgSchema>;
