/** Interleaved samples `x[t·channels + c]`: the common input of every encoder. */
export interface Samples {
  readonly steps: number;
  readonly channels: number;
  readonly x: Float32Array;
}

/** Per-channel min–max scaling to [0, 1]; a constant channel maps to 0. */
export function normalizePerChannel(s: Samples): Samples {
  const out = new Float32Array(s.x.length);
  for (let c = 0; c < s.channels; c++) {
    let lo = Infinity;
    let hi = -Infinity;
    for (let t = 0; t < s.steps; t++) {
      const v = s.x[t * s.channels + c] as number;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
    const span = hi - lo;
    for (let t = 0; t < s.steps; t++) {
      const i = t * s.channels + c;
      out[i] = span > 0 ? ((s.x[i] as number) - lo) / span : 0;
    }
  }
  return { steps: s.steps, channels: s.channels, x: out };
}

/** Mean of channel c over steps [t0, t1). */
export function windowMean(s: Samples, c: number, t0: number, t1: number): number {
  let sum = 0;
  for (let t = t0; t < t1; t++) sum += s.x[t * s.channels + c] as number;
  return t1 > t0 ? sum / (t1 - t0) : 0;
}

/** (x − mean) / sd over every value of the sample (all channels at once); a constant sample maps to 0. */
export function zscoreAll(s: Samples): Samples {
  let sum = 0;
  for (const v of s.x) sum += v;
  const mean = sum / Math.max(1, s.x.length);
  let ss = 0;
  for (const v of s.x) ss += (v - mean) * (v - mean);
  const sd = Math.sqrt(ss / Math.max(1, s.x.length));
  return { ...s, x: s.x.map((v) => (sd > 0 ? (v - mean) / sd : 0)) };
}

/** (x − mean) / sd of each channel over its steps; a constant channel maps to 0. */
export function zscorePerChannel(s: Samples): Samples {
  const out = new Float32Array(s.x.length);
  for (let c = 0; c < s.channels; c++) {
    let sum = 0;
    for (let t = 0; t < s.steps; t++) sum += s.x[t * s.channels + c] as number;
    const mean = sum / Math.max(1, s.steps);
    let ss = 0;
    for (let t = 0; t < s.steps; t++) ss += ((s.x[t * s.channels + c] as number) - mean) ** 2;
    const sd = Math.sqrt(ss / Math.max(1, s.steps));
    for (let t = 0; t < s.steps; t++) out[t * s.channels + c] = sd > 0 ? ((s.x[t * s.channels + c] as number) - mean) / sd : 0;
  }
  return { steps: s.steps, channels: s.channels, x: out };
}
