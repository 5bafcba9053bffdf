import type { Rng } from '../../rng.ts';
import type { EventRecord } from '../formats/eventsRecord.ts';

/** Scenes the DVS generator renders; each is a labelled class. */
export const DVS_CLASSES = ['bar-right', 'bar-left', 'bar-down', 'bar-up', 'disk-circle', 'square-zigzag'] as const;
export type DvsClass = (typeof DVS_CLASSES)[number];

/** Options of a synthetic DVS recording. */
export interface SyntheticDvsOptions {
  readonly width: number;
  readonly height: number;
  readonly durationMs: number;
  /** Log-intensity change that makes one event (DVS contrast threshold), ±20 % pixel mismatch. */
  readonly contrast: number;
  /** Background-activity noise, events per pixel per second. */
  readonly noiseHz: number;
}

export const SYNTHETIC_DVS_DEFAULTS: SyntheticDvsOptions = { width: 32, height: 32, durationMs: 300, contrast: 0.15, noiseHz: 0.5 };

/** Intensity in [0.1, 1] of the scene at (x, y) and time s ∈ [0, 1] of the recording (soft 1-pixel edges). */
function intensity(cls: DvsClass, x: number, y: number, s: number, w: number, h: number): number {
  const soft = (d: number) => 1 / (1 + Math.exp(-2 * d));
  let inside: number;
  switch (cls) {
    case 'bar-right':
      inside = soft(3 - Math.abs(x - s * w));
      break;
    case 'bar-left':
      inside = soft(3 - Math.abs(x - (1 - s) * w));
      break;
    case 'bar-down':
      inside = soft(3 - Math.abs(y - s * h));
      break;
    case 'bar-up':
      inside = soft(3 - Math.abs(y - (1 - s) * h));
      break;
    case 'disk-circle': {
      const a = 2 * Math.PI * s;
      const cx = w / 2 + (w / 4) * Math.cos(a);
      const cy = h / 2 + (h / 4) * Math.sin(a);
      inside = soft(w / 8 - Math.hypot(x - cx, y - cy));
      break;
    }
    case 'square-zigzag': {
      const cx = w * (0.2 + 0.6 * s);
      const cy = h / 2 + (h / 4) * (4 * Math.abs(((2 * s) % 1) - 0.5) - 1);
      inside = soft(w / 10 - Math.max(Math.abs(x - cx), Math.abs(y - cy)));
      break;
    }
  }
  return 0.1 + 0.9 * inside;
}

/**
 * Renders a moving bright shape on a dark background as DVS polarity events: each pixel keeps the
 * log intensity of its last event and fires ON (OFF) events while the current log intensity is
 * above (below) it by its contrast threshold (Lichtsteiner et al., IEEE JSSC 2008). Thresholds vary
 * ±20 % between pixels, and background-activity noise fires at `noiseHz`. 1 ms time resolution.
 */
export function syntheticDvs(cls: DvsClass, rng: Rng, o: SyntheticDvsOptions = SYNTHETIC_DVS_DEFAULTS): EventRecord {
  const { width: w, height: h } = o;
  const ref = new Float32Array(w * h);
  const thr = new Float32Array(w * h);
  for (let i = 0; i < w * h; i++) {
    ref[i] = Math.log(intensity(cls, i % w, Math.floor(i / w), 0, w, h));
    thr[i] = o.contrast * (0.8 + 0.4 * rng.next());
  }
  const xs: number[] = [];
  const ys: number[] = [];
  const ps: number[] = [];
  const ts: number[] = [];
  const noiseP = o.noiseHz / 1000;
  for (let ms = 1; ms <= o.durationMs; ms++) {
    const s = ms / o.durationMs;
    for (let i = 0; i < w * h; i++) {
      const x = i % w;
      const y = Math.floor(i / w);
      const l = Math.log(intensity(cls, x, y, s, w, h));
      const th = thr[i] as number;
      let d = l - (ref[i] as number);
      const t0 = (ms - 1) * 1000;
      while (Math.abs(d) >= th) {
        const on = d > 0 ? 1 : 0;
        xs.push(x);
        ys.push(y);
        ps.push(on);
        ts.push(t0 + rng.int(1000));
        ref[i] = (ref[i] as number) + (on ? th : -th);
        d = l - (ref[i] as number);
      }
      if (rng.next() < noiseP) {
        xs.push(x);
        ys.push(y);
        ps.push(rng.next() < 0.5 ? 1 : 0);
        ts.push(t0 + rng.int(1000));
      }
    }
  }
  // Events were stamped at random within their millisecond: sort by time, as a sensor delivers them.
  const order = ts.map((_, k) => k).sort((a, b) => (ts[a] as number) - (ts[b] as number) || a - b);
  return {
    format: 'synthetic',
    file: `synthetic-${cls}`,
    width: w,
    height: h,
    x: Uint16Array.from(order, (k) => xs[k] as number),
    y: Uint16Array.from(order, (k) => ys[k] as number),
    p: Uint8Array.from(order, (k) => ps[k] as number),
    t: Float64Array.from(order, (k) => ts[k] as number),
  };
}
