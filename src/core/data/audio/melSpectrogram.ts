import { fft } from './fft.ts';

/** Options of the mel front end (defaults suit 8–16 kHz speech). */
export interface MelOptions {
  readonly frameMs: number;
  readonly hopMs: number;
  readonly bands: number;
  readonly fMinHz: number;
  /** Upper edge; default half the sampling rate. */
  readonly fMaxHz?: number;
}

export const MEL_DEFAULTS: MelOptions = { frameMs: 25, hopMs: 10, bands: 32, fMinHz: 50 };

/** Mel scale (O'Shaughnessy 1987, as in HTK): m = 2595·log10(1 + f/700). */
export const hzToMel = (f: number): number => 2595 * Math.log10(1 + f / 700);
export const melToHz = (m: number): number => 700 * (10 ** (m / 2595) - 1);

/** Log-mel spectrogram: values[frame·bands + band] = ln(energy + 1e-6). */
export interface MelSpectrogram {
  readonly frames: number;
  readonly bands: number;
  readonly hopMs: number;
  /** Centre frequency of each band, Hz. */
  readonly centersHz: Float64Array;
  readonly values: Float32Array;
}

/** Samples between frame starts: the hop rounded to whole samples (at least one). */
export function hopSamples(hopMs: number, samplingHz: number): number {
  return Math.max(1, Math.round((hopMs / 1000) * samplingHz));
}

/**
 * Hann-windowed frames → power spectrum (FFT, zero-padded to a power of two) → triangular mel
 * filters → log energy. The cochlea's place code is roughly logarithmic above 1 kHz, which is what
 * the mel scale approximates; each band can drive one input neuron.
 */
export function melSpectrogram(x: Float32Array, samplingHz: number, o: MelOptions = MEL_DEFAULTS): MelSpectrogram {
  const frameLen = Math.round((o.frameMs / 1000) * samplingHz);
  const hop = hopSamples(o.hopMs, samplingHz);
  const nfft = 2 ** Math.ceil(Math.log2(frameLen));
  const frames = x.length >= frameLen ? Math.floor((x.length - frameLen) / hop) + 1 : 0;
  const fMax = o.fMaxHz ?? samplingHz / 2;
  const melEdges = Array.from({ length: o.bands + 2 }, (_, i) => melToHz(hzToMel(o.fMinHz) + ((hzToMel(fMax) - hzToMel(o.fMinHz)) * i) / (o.bands + 1)));
  const binHz = samplingHz / nfft;
  const centersHz = Float64Array.from(melEdges.slice(1, -1));
  const values = new Float32Array(frames * o.bands);
  const re = new Float64Array(nfft);
  const im = new Float64Array(nfft);
  const hann = Float64Array.from({ length: frameLen }, (_, i) => 0.5 - 0.5 * Math.cos((2 * Math.PI * i) / (frameLen - 1)));
  for (let f = 0; f < frames; f++) {
    re.fill(0);
    im.fill(0);
    for (let i = 0; i < frameLen; i++) re[i] = (x[f * hop + i] as number) * (hann[i] as number);
    fft(re, im);
    for (let b = 0; b < o.bands; b++) {
      const lo = melEdges[b] as number;
      const mid = melEdges[b + 1] as number;
      const hi = melEdges[b + 2] as number;
      let e = 0;
      for (let k = Math.floor(lo / binHz); k <= Math.min(nfft / 2, Math.ceil(hi / binHz)); k++) {
        const hz = k * binHz;
        const wgt = hz <= lo || hz >= hi ? 0 : hz <= mid ? (hz - lo) / (mid - lo) : (hi - hz) / (hi - mid);
        if (wgt > 0) e += wgt * ((re[k] as number) ** 2 + (im[k] as number) ** 2);
      }
      values[f * o.bands + b] = Math.log(e + 1e-6);
    }
  }
  return { frames, bands: o.bands, hopMs: (hop / samplingHz) * 1000, centersHz, values };
}
