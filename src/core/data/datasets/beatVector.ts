import type { Beat } from './ecgBeats.ts';
import type { EcgBeatsDataset } from '../../spec/trainingConfig.ts';

/** Half the amplitude range mapped onto [0, 1], mV: QRS complexes of MIT-BIH stay within ±3 mV. */
const HALF_RANGE_MV = 3;
/** RR intervals are mapped onto [0, 1] by dividing by this, s (a heart rate of 30 bpm). */
const RR_SCALE_S = 2;

/** Number of RR features `beatVector` appends. */
export const RR_FEATURES = 5;

/** Length of the beat vector a dataset config gives at a sampling rate: leads × decimated samples (+ RR). */
export function beatVectorWidth(d: Pick<EcgBeatsDataset, 'beforeS' | 'afterS' | 'decimate' | 'leads' | 'rrFeatures'>, samplingHz: number): number {
  const n = Math.round(d.beforeS * samplingHz) + Math.round(d.afterS * samplingHz);
  return d.leads * Math.floor(n / d.decimate) + (d.rrFeatures ? RR_FEATURES : 0);
}

/** Every `decimate`-th sample of each lead, interleaved `x[t·leads + l]` (the encoders' layout). */
export function decimateBeat(b: Beat, decimate: number): { steps: number; x: Float32Array } {
  const n = b.values.length / b.leads;
  const steps = Math.floor(n / decimate);
  const x = new Float32Array(steps * b.leads);
  for (let t = 0; t < steps; t++) for (let l = 0; l < b.leads; l++) x[t * b.leads + l] = b.values[l * n + t * decimate] as number;
  return { steps, x };
}

const unit = (v: number) => Math.min(1, Math.max(0, v));

function median(values: Float32Array): number {
  const s = Float32Array.from(values).sort();
  return s.length === 0 ? 0 : (s[s.length >> 1] as number);
}

/**
 * One beat as a vector in [0, 1]: each lead's decimated samples (interleaved input `x[t·leads + l]`)
 * minus that lead's median (baseline wander removed, amplitude kept: a ventricular beat is tall
 * and wide) mapped from ±3 mV; then, if asked, the RR features — previous, next and local mean
 * interval over 2 s, and previous / local and next / previous over 2 — which carry prematurity.
 * Output layout: lead 0 samples, lead 1 samples, …, RR features. `signed` (for direct current
 * coding, where negative current is fine) maps ±3 mV onto [−1, 1] instead: no common offset of
 * 0.5 on every input, which would otherwise drive every hidden neuron alike.
 */
export function beatVector(x: Float32Array, beat: Beat, rrFeatures: boolean, signed = false): Float32Array {
  const leads = beat.leads;
  const steps = x.length / leads;
  const out = new Float32Array(x.length + (rrFeatures ? RR_FEATURES : 0));
  for (let l = 0; l < leads; l++) {
    const lead = Float32Array.from({ length: steps }, (_, t) => x[t * leads + l] as number);
    const base = median(lead);
    for (let t = 0; t < steps; t++) {
      const u = ((lead[t] as number) - base) / HALF_RANGE_MV;
      out[l * steps + t] = signed ? Math.max(-1, Math.min(1, u)) : unit(0.5 + u / 2);
    }
  }
  if (rrFeatures) {
    const { preS, postS, localS } = beat.rr;
    const f = [preS / RR_SCALE_S, postS / RR_SCALE_S, localS / RR_SCALE_S, preS / localS / 2, postS / preS / 2];
    f.forEach((v, k) => (out[x.length + k] = unit(v)));
  }
  return out;
}
