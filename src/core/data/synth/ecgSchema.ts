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
  /** Leads: 1 (MLII-like) or 2 (adds a V1-like chest lead: small R, deep S, as on MIT-BIH's second channel). */
  leads: z.number().int().min(1).max(2).default(1),
  /**
   * Relative frequency of each beat class (weights): normal, premature ventricular (PVC),
   * atrial premature (APB), fusion. An ectopic beat is always followed by a normal one.
   */
  beatMix: z
    .object({ N: z.number().min(0).default(1), V: z.number().min(0).default(0), A: z.number().min(0).default(0), F: z.number().min(0).default(0) })
    .refine((m) => m.N + m.V + m.A + m.F > 0, { message: 'at least one beat class needs a weight above 0' })
    .default({ N: 1, V: 0, A: 0, F: 0 }),
});

export type SyntheticEcgSpec = z.output<typeof syntheticEcgSchema>;
