import type { Rng } from '../../rng.ts';
import type { Signal, SignalAnnotation } from '../signal.ts';
import type { SyntheticEcgSpec } from './ecgSchema.ts';
import { BEAT_TIMING, beatValue, type SynthBeatClass } from './ecgMorphology.ts';

export { BEAT_MORPHOLOGY, type EcgWave, type SynthBeatClass } from './ecgMorphology.ts';

/** The rhythm: each beat's class and the RR interval (s) from its R peak to the next. */
export interface Rhythm {
  readonly classes: readonly SynthBeatClass[];
  readonly rr: readonly number[];
}

const CLASS_ORDER: readonly SynthBeatClass[] = ['N', 'V', 'A', 'F'];

/**
 * Beat classes drawn from `beatMix` (weights; the first two beats are normal) and RR intervals:
 * mean 60/HR with Gaussian variability (sd hrvFraction·mean, clipped to ±3 sd), an ectopic beat
 * shortening the interval before it and lengthening the one after (BEAT_TIMING).
 */
export function makeRhythm(spec: SyntheticEcgSpec, rng: Rng): Rhythm {
  const mean = 60 / spec.heartRateBpm;
  const sd = spec.hrvFraction * mean;
  const weights = CLASS_ORDER.map((c) => spec.beatMix[c]);
  const total = weights.reduce((a, b) => a + b, 0);
  const classes: SynthBeatClass[] = [];
  const rr: number[] = [];
  // The first R peak is half a beat before t = 0 so the record starts mid-cycle.
  let t = -mean / 2;
  while (t < spec.durationS + mean) {
    let cls: SynthBeatClass = 'N';
    const u = rng.next() * total;
    let acc = 0;
    for (const [i, c] of CLASS_ORDER.entries()) {
      acc += weights[i] ?? 0;
      if (u < acc) {
        cls = c;
        break;
      }
    }
    if (classes.length < 2 || classes[classes.length - 1] !== 'N') cls = 'N';
    const z = Math.max(-3, Math.min(3, rng.normal()));
    const base = Math.max(0.2, mean + sd * z);
    // The interval that ends at this beat takes its prematurity; this beat's own interval its pause.
    const k = rr.length - 1;
    if (k >= 0) rr[k] = Math.max(0.2, (rr[k] ?? mean) * BEAT_TIMING[cls].before);
    classes.push(cls);
    rr.push(base * BEAT_TIMING[cls].after);
    t += rr[k] ?? 0;
  }
  return { classes, rr };
}

/**
 * Seeded synthetic ECG. The phase θ advances by 2π per RR interval (the limit cycle of McSharry's
 * model, each beat's RR setting its angular speed, R at θ = 0). Samples after R_k (θ ∈ [0, π]) take
 * beat k's waves, samples before R_{k+1} (θ ∈ (−π, 0)) beat k+1's, so an ectopic beat's P and Q
 * precede its own R. Wave widths scale with √(RR/mean) (QT shortens at faster rates); a 0.25 Hz
 * respiratory wander and white noise are added. R peaks are annotated with the beat class.
 */
export function generateSyntheticEcg(spec: SyntheticEcgSpec, rng: Rng): Signal {
  const n = Math.max(1, Math.round(spec.durationS * spec.samplingHz));
  const leads = spec.leads;
  const values = new Float32Array(n * leads);
  const { classes, rr } = makeRhythm(spec, rng.fork('rr'));
  const noise = rng.fork('noise');
  const meanRr = 60 / spec.heartRateBpm;
  const respPhase = 2 * Math.PI * rng.fork('resp').next();
  const peaks: number[] = [];
  let r = -meanRr / 2;
  for (const x of rr) {
    peaks.push(r);
    r += x;
  }
  let beat = 0;
  for (let i = 0; i < n; i++) {
    const t = i / spec.samplingHz;
    while (beat < peaks.length - 1 && t >= (peaks[beat + 1] ?? Infinity)) beat++;
    const interval = rr[beat] ?? meanRr;
    let theta = (2 * Math.PI * (t - (peaks[beat] ?? 0))) / interval;
    let owner = beat;
    if (theta > Math.PI) {
      theta -= 2 * Math.PI;
      owner = beat + 1;
    }
    const wander = spec.baselineWanderMv * Math.sin(2 * Math.PI * 0.25 * t + respPhase);
    for (let l = 0; l < leads; l++) values[i * leads + l] = beatValue(classes[owner] ?? 'N', theta, Math.sqrt(interval / meanRr), l) + wander + spec.noiseMv * noise.normal();
  }
  const annotations: SignalAnnotation[] = [];
  peaks.forEach((peak, k) => {
    const sample = Math.round(peak * spec.samplingHz);
    if (sample >= 0 && sample < n) annotations.push({ sample, symbol: classes[k] ?? 'N' });
  });
  return { samplingHz: spec.samplingHz, channels: leads === 1 ? ['ECG'] : ['MLII', 'V1'], unit: 'mV', length: n, values, annotations };
}
