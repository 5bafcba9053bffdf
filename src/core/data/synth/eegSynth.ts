import type { Rng } from '../../rng.ts';

/** EEG classes the generator makes, each a band-power pattern over the scalp. */
export const EEG_CLASSES = ['rest', 'left', 'right', 'focus'] as const;
export type EegClass = (typeof EEG_CLASSES)[number];

/** Channels (10-20 names) of the synthetic montage. */
export const EEG_CHANNELS = ['Fz', 'C3', 'Cz', 'C4', 'Pz', 'O1', 'Oz', 'O2'] as const;

/** Options of synthetic EEG epochs. */
export interface SyntheticEegOptions {
  readonly samplingHz: number;
  readonly epochS: number;
  /** Standard deviation of the 1/f background, µV. */
  readonly backgroundUv: number;
}

export const SYNTHETIC_EEG_DEFAULTS: SyntheticEegOptions = { samplingHz: 160, epochS: 2, backgroundUv: 10 };

/**
 * Rhythm amplitudes (µV) per class and channel. rest: strong occipital alpha (10 Hz). left / right
 * motor imagery: the sensorimotor mu rhythm (10 Hz over C3/C4) is suppressed over the hemisphere
 * opposite the imagined hand (event-related desynchronisation, Pfurtscheller & Lopes da Silva 1999).
 * focus: beta (20 Hz) rises frontally and alpha drops. theta (6 Hz) is a weak constant.
 */
function rhythms(cls: EegClass, ch: string): { alpha: number; mu: number; beta: number; theta: number } {
  const occipital = ch.startsWith('O') || ch === 'Pz';
  const motor = ch === 'C3' || ch === 'C4' || ch === 'Cz';
  const alpha = occipital ? (cls === 'rest' ? 20 : cls === 'focus' ? 5 : 12) : 3;
  let mu = motor ? 12 : 0;
  if ((cls === 'left' && ch === 'C4') || (cls === 'right' && ch === 'C3')) mu = 3;
  const beta = cls === 'focus' ? (ch === 'Fz' || ch === 'Cz' ? 9 : 5) : 2;
  return { alpha, mu, beta, theta: 3 };
}

/**
 * Pink (1/f) noise by Paul Kellet's economy filter: three one-pole low-passes of white noise, a
 * ±0.05 dB fit of the 1/f slope above 1 % of the sampling rate; scaled to unit variance.
 */
function pinkNoise(n: number, rng: Rng): Float32Array {
  const out = new Float32Array(n);
  let b0 = 0;
  let b1 = 0;
  let b2 = 0;
  let sumSq = 0;
  for (let i = 0; i < n; i++) {
    const w = rng.normal();
    b0 = 0.99765 * b0 + w * 0.099046;
    b1 = 0.963 * b1 + w * 0.2965164;
    b2 = 0.57 * b2 + w * 1.0526913;
    const v = b0 + b1 + b2 + w * 0.1848;
    out[i] = v;
    sumSq += v * v;
  }
  const scale = 1 / Math.sqrt(sumSq / Math.max(1, n));
  for (let i = 0; i < n; i++) out[i] = (out[i] as number) * scale;
  return out;
}

/** One epoch of `cls`: values[t·channels + c] in µV, rhythms with random phases and slow amplitude wobble. */
export function syntheticEegEpoch(cls: EegClass, rng: Rng, o: SyntheticEegOptions = SYNTHETIC_EEG_DEFAULTS): Float32Array {
  const n = Math.round(o.epochS * o.samplingHz);
  const C = EEG_CHANNELS.length;
  const out = new Float32Array(n * C);
  EEG_CHANNELS.forEach((ch, c) => {
    const r = rhythms(cls, ch);
    const bg = pinkNoise(n, rng);
    const bands = [
      [10 + 0.5 * rng.normal(), r.alpha],
      [10.5 + 0.5 * rng.normal(), r.mu],
      [20 + rng.normal(), r.beta],
      [6 + 0.3 * rng.normal(), r.theta],
    ] as const;
    const phases = bands.map(() => 2 * Math.PI * rng.next());
    const wobble = 2 * Math.PI * rng.next();
    for (let t = 0; t < n; t++) {
      const s = t / o.samplingHz;
      let v = o.backgroundUv * (bg[t] as number);
      bands.forEach(([f, a], k) => (v += a * (1 + 0.2 * Math.sin(2 * Math.PI * 0.5 * s + wobble)) * Math.sin(2 * Math.PI * f * s + (phases[k] as number))));
      out[t * C + c] = v;
    }
  });
  return out;
}

/** A labelled set of epochs: `perClass` of each class, in a seeded shuffled order. */
export function syntheticEegDataset(perClass: number, rng: Rng, o: SyntheticEegOptions = SYNTHETIC_EEG_DEFAULTS): { label: EegClass; values: Float32Array }[] {
  const labels = EEG_CLASSES.flatMap((c) => Array.from({ length: perClass }, () => c));
  for (let i = labels.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [labels[i], labels[j]] = [labels[j] as EegClass, labels[i] as EegClass];
  }
  return labels.map((label, i) => ({ label, values: syntheticEegEpoch(label, rng.fork(`epoch${i}`), o) }));
}
