import type { EventRecord } from './formats/eventsRecord.ts';

/** Options of event binning. */
export interface BinOptions {
  /** Window per frame, µs. */
  readonly windowUs: number;
  /** Spatial downsampling factor (2 → each output pixel sums a 2×2 block). */
  readonly downsample: number;
  /** Two channels (OFF, ON) or one (both summed). */
  readonly polarityChannels: boolean;
}

/** Frames laid out [frame][y][x][channel] (channels last, as the conv2d layers expect). */
export interface EventFrames {
  readonly frames: number;
  readonly height: number;
  readonly width: number;
  readonly channels: number;
  readonly values: Float32Array;
}

/** Bins events into frames of event counts per pixel (and polarity), starting at the first event. */
export function binEvents(e: EventRecord, o: BinOptions): EventFrames {
  const n = e.t.length;
  const t0 = n > 0 ? (e.t[0] as number) : 0;
  const frames = n > 0 ? Math.floor(((e.t[n - 1] as number) - t0) / o.windowUs) + 1 : 0;
  const width = Math.ceil(e.width / o.downsample);
  const height = Math.ceil(e.height / o.downsample);
  const channels = o.polarityChannels ? 2 : 1;
  const values = new Float32Array(frames * height * width * channels);
  for (let k = 0; k < n; k++) {
    const f = Math.floor(((e.t[k] as number) - t0) / o.windowUs);
    const x = Math.floor((e.x[k] as number) / o.downsample);
    const y = Math.floor((e.y[k] as number) / o.downsample);
    const c = o.polarityChannels ? (e.p[k] as number) : 0;
    values[((f * height + y) * width + x) * channels + c]! += 1;
  }
  return { frames, height, width, channels, values };
}

/**
 * Background-activity filter (Delbruck 2008): keeps an event only if one of its 8 neighbours had an
 * event within the last `dtUs`. Real edges move across neighbouring
 * pixels; isolated noise events do not. Returns the filtered recording.
 */
export function denoiseBackgroundActivity(e: EventRecord, dtUs: number): EventRecord {
  const last = new Float64Array(e.width * e.height).fill(-Infinity);
  const keep: number[] = [];
  for (let k = 0; k < e.t.length; k++) {
    const x = e.x[k] as number;
    const y = e.y[k] as number;
    const t = e.t[k] as number;
    let support = false;
    for (let dy = -1; dy <= 1 && !support; dy++) {
      for (let dx = -1; dx <= 1; dx++) {
        const xx = x + dx;
        const yy = y + dy;
        if (xx < 0 || yy < 0 || xx >= e.width || yy >= e.height || (dx === 0 && dy === 0)) continue;
        if (t - (last[yy * e.width + xx] as number) <= dtUs) {
          support = true;
          break;
        }
      }
    }
    last[y * e.width + x] = t;
    if (support) keep.push(k);
  }
  return selectEvents(e, keep);
}

/**
 * Refractory filter: drops an event when the same pixel already fired less than `refractoryUs`
 * before (a hot or flickering pixel), keeping the first of each burst.
 */
export function refractoryFilter(e: EventRecord, refractoryUs: number): EventRecord {
  const last = new Float64Array(e.width * e.height).fill(-Infinity);
  const keep: number[] = [];
  for (let k = 0; k < e.t.length; k++) {
    const i = (e.y[k] as number) * e.width + (e.x[k] as number);
    const t = e.t[k] as number;
    if (t - (last[i] as number) >= refractoryUs) {
      keep.push(k);
      last[i] = t;
    }
  }
  return selectEvents(e, keep);
}

/** The events at the given indices, in order. */
export function selectEvents(e: EventRecord, keep: readonly number[]): EventRecord {
  return {
    ...e,
    x: Uint16Array.from(keep, (k) => e.x[k] as number),
    y: Uint16Array.from(keep, (k) => e.y[k] as number),
    p: Uint8Array.from(keep, (k) => e.p[k] as number),
    t: Float64Array.from(keep, (k) => e.t[k] as number),
  };
}
