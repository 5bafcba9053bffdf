import type { Rng } from '../../rng.ts';

/**
 * First and second formant trajectories (Hz, start → end) of ten spoken-digit-like sweeps. They
 * are not real vowels of the digit names, just ten well-separated paths through the F1/F2 plane
 * (F1 250–850 Hz, F2 800–2500 Hz) so that the audio pipeline has learnable classes offline.
 */
export const DIGIT_FORMANTS: readonly (readonly [f1: readonly [number, number], f2: readonly [number, number]])[] = [
  [[300, 700], [2300, 1200]],
  [[700, 300], [1200, 2300]],
  [[400, 400], [900, 2200]],
  [[800, 500], [1300, 1300]],
  [[300, 300], [2400, 2400]],
  [[600, 800], [1000, 1700]],
  [[500, 250], [2000, 900]],
  [[250, 650], [1600, 1900]],
  [[750, 750], [2200, 1000]],
  [[450, 600], [800, 1500]],
];

/** Options of a synthetic utterance. */
export interface SyntheticAudioOptions {
  readonly samplingHz: number;
  readonly durationS: number;
  readonly noise: number;
}

export const SYNTHETIC_AUDIO_DEFAULTS: SyntheticAudioOptions = { samplingHz: 8000, durationS: 0.5, noise: 0.01 };

/**
 * One utterance of `digit`: a glottal pulse train (F0 100–140 Hz, random per utterance) shaped by
 * two resonances that glide along the digit's formant paths (±5 % per utterance, like different
 * speakers), under a raised-cosine envelope, plus white noise. Samples in [−1, 1].
 */
export function syntheticDigit(digit: number, rng: Rng, o: SyntheticAudioOptions = SYNTHETIC_AUDIO_DEFAULTS): Float32Array {
  const path = DIGIT_FORMANTS[digit];
  if (!path) throw new Error(`digit ${digit} is not 0…9`);
  const n = Math.round(o.durationS * o.samplingHz);
  const f0 = 100 + 40 * rng.next();
  const speaker = 0.95 + 0.1 * rng.next();
  const out = new Float32Array(n);
  const phase = [0, 0];
  let glottal = 0;
  for (let i = 0; i < n; i++) {
    const s = i / n;
    glottal += f0 / o.samplingHz;
    // A pulse train rich in harmonics: the sawtooth's spectrum falls as 1/k like a glottal source.
    const source = 2 * (glottal % 1) - 1;
    let v = 0;
    path.forEach(([a, b], k) => {
      const f = speaker * (a + (b - a) * s);
      phase[k] = (phase[k] as number) + (2 * Math.PI * f) / o.samplingHz;
      v += (k === 0 ? 0.6 : 0.4) * Math.sin(phase[k] as number) * (0.5 + 0.5 * source);
    });
    const env = Math.sin(Math.PI * s) ** 2;
    out[i] = Math.max(-1, Math.min(1, 0.8 * env * v + o.noise * rng.normal()));
  }
  return out;
}
