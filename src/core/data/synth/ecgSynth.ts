import type { Rng } from '../../rng.ts';
import type { Signal, SignalAnnotation } from '../signal.ts';
import type { SyntheticEcgSpec } from './ecgSchema.ts';

/**
 * One wave of a beat on the limit cycle: a Gaussian bump at phase `theta` (radians, R at 0), of
 * amplitude `a` (mV) and width `b` (radians). Values follow McSharry et al., "A dynamical model for
 * generating synthetic electrocardiogram signals", IEEE TBME 50(3), 2003, Table 1, with amplitudes
 * rescaled so that the R wave is about 1 mV above baseline.
 */
export interface EcgWave {
  readonly name: 'P' | 'Q' | 'R' | 'S' | 'T';
  readonly theta: number;
  readonly a: number;
  readonly b: number;
}

/** Normal sinus beat morphology (later issues add PVC, APB and fusion tables). */
export const NORMAL_BEAT: readonly EcgWave[] = [
  { name: 'P', theta: -Math.PI / 3, a: 0.12, b: 0.25 },
  { name: 'Q', theta: -Math.PI / 12, a: -0.05, b: 0.1 },
  { name: 'R', theta: 0, a: 1.0, b: 0.1 },
  { name: 'S', theta: Math.PI / 12, a: -0.25, b: 0.1 },
  { name: 'T', theta: Math.PI / 2, a: 0.25, b: 0.4 },
];

/** RR intervals (s) covering `durationS`: mean 60/HR, Gaussian variability with sd hrvFraction·mean, clipped to ±3 sd. */
export function rrIntervals(spec: SyntheticEcgSpec, rng: Rng): number[] {
  const mean = 60 / spec.heartRateBpm;
  const sd = spec.hrvFraction * mean;
  const out: number[] = [];
  // The first R peak is half a beat before t = 0 so the record starts mid-cycle.
  let t = -mean / 2;
  while (t < spec.durationS + mean) {
    const z = Math.max(-3, Math.min(3, rng.normal()));
    const rr = Math.max(0.2, mean + sd * z);
    out.push(rr);
    t += rr;
  }
  return out;
}

/**
 * Seeded synthetic ECG. The phase θ advances by 2π per RR interval (the limit cycle of McSharry's
 * model, with the RR of each beat setting its angular speed, R at θ = 0); the waveform is the sum of the five
 * Gaussian waves, with their widths scaled by √(RR/mean) (the QT interval shortens at faster rates),
 * plus a respiratory baseline wander at 0.25 Hz and white noise. R peaks are annotated 'N'.
 */
export function generateSyntheticEcg(spec: SyntheticEcgSpec, rng: Rng): Signal {
  const n = Math.max(1, Math.round(spec.durationS * spec.samplingHz));
  const values = new Float32Array(n);
  const annotations: SignalAnnotation[] = [];
  const rrs = rrIntervals(spec, rng.fork('rr'));
  const noise = rng.fork('noise');
  const meanRr = 60 / spec.heartRateBpm;
  const respPhase = 2 * Math.PI * rng.fork('resp').next();
  // Beat k runs from its R peak R_k for rr_k seconds: θ = 2π(t − R_k)/rr_k, wrapped into (−π, π],
  // so the P wave of the next beat sits in the second half and R-to-R intervals equal rr_k exactly.
  const peaks: number[] = [];
  let r = -meanRr / 2;
  for (const rr of rrs) {
    peaks.push(r);
    r += rr;
  }
  let beat = 0;
  for (let i = 0; i < n; i++) {
    const t = i / spec.samplingHz;
    while (beat < peaks.length - 1 && t >= (peaks[beat + 1] ?? Infinity)) beat++;
    const rr = rrs[beat] ?? meanRr;
    let theta = (2 * Math.PI * (t - (peaks[beat] ?? 0))) / rr;
    if (theta > Math.PI) theta -= 2 * Math.PI;
    const widthScale = Math.sqrt(rr / meanRr);
    let v = 0;
    for (const w of NORMAL_BEAT) {
      const d = theta - w.theta * widthScale;
      const b = w.b * widthScale;
      v += w.a * Math.exp(-(d * d) / (2 * b * b));
    }
    v += spec.baselineWanderMv * Math.sin(2 * Math.PI * 0.25 * t + respPhase);
    v += spec.noiseMv * noise.normal();
    values[i] = v;
  }
  for (const peak of peaks) {
    const sample = Math.round(peak * spec.samplingHz);
    if (sample >= 0 && sample < n) annotations.push({ sample, symbol: 'N' });
  }
  return { samplingHz: spec.samplingHz, channels: ['ECG'], unit: 'mV', length: n, values, annotations };
}
