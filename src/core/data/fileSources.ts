import { quoteInput } from '../format/inputText.ts';
import { DataFormatError, SpikelabError } from '../errors.ts';
import type { DataRecord } from './formats/loadFiles.ts';
import type { EventRecord } from './formats/eventsRecord.ts';
import type { Signal } from './signal.ts';
import type { EventFileSource, ImageFileSource, SignalFileSource } from './sourceSchemas.ts';
import { eventSourceWidth } from './sourceSchemas.ts';

/** Parsed user files by checksum: the worker keeps one; tests and the CLI build their own. */
export interface FileResolver {
  /** The record of a file, or undefined when that file has not been provided. */
  get(checksum: string): DataRecord | undefined;
}

/** A workspace names a file that is not loaded: the user must drop it (again). */
export class MissingFileError extends SpikelabError {
  constructor(
    readonly file: string,
    readonly checksum: string,
  ) {
    super('file_missing', `this workspace uses '${quoteInput(file)}' (${quoteInput(checksum)}); drop that file onto the page to continue`);
    this.name = 'MissingFileError';
  }
}

function resolve(files: FileResolver | undefined, file: string, checksum: string): DataRecord {
  const r = files?.get(checksum);
  if (!r) throw new MissingFileError(file, checksum);
  return r;
}

/**
 * The chosen channel of a signal file, cut to the source's time window (annotations shifted into
 * it). The mel front end, if any, is applied by the pipeline, which also keeps this waveform.
 */
export function signalFromFile(src: SignalFileSource, files: FileResolver | undefined): Signal {
  const r = resolve(files, src.file, src.checksum);
  let full: Signal;
  if (r.format === 'edf' || r.format === 'bdf') {
    const s = r.signals[src.channel];
    if (!s) throw new DataFormatError(src.file, 'channel', 0, `channel ${src.channel} does not exist; the file has ${r.signals.length} signals`);
    full = { samplingHz: s.samplingHz, channels: [s.label], unit: s.unit, length: s.values.length, values: s.values, annotations: r.annotations.map((a) => ({ sample: Math.round(a.onsetS * s.samplingHz), symbol: a.text })) };
  } else if (r.format === 'wfdb' || r.format === 'wav' || r.format === 'csv') full = r.signal;
  else throw new DataFormatError(src.file, 'format', 0, `a ${r.format} file holds events or images, not a signal`);
  const C = full.channels.length;
  const K = src.channels;
  if (src.channel + K > C) throw new DataFormatError(src.file, 'channel', 0, K === 1 ? `channel ${src.channel} does not exist; the file has ${C}` : `channels ${src.channel}–${src.channel + K - 1} do not exist; the file has ${C}`);
  const from = Math.min(full.length, Math.round(src.startS * full.samplingHz));
  const to = Math.min(full.length, from + Math.round(src.durationS * full.samplingHz));
  const values = new Float32Array((to - from) * K);
  for (let t = from; t < to; t++) for (let k = 0; k < K; k++) values[(t - from) * K + k] = full.values[t * C + src.channel + k] as number;
  const window: Signal = {
    samplingHz: full.samplingHz,
    channels: Array.from({ length: K }, (_, k) => full.channels[src.channel + k] ?? `channel ${src.channel + k}`),
    unit: full.unit,
    length: to - from,
    values,
    annotations: full.annotations.filter((a) => a.sample >= from && a.sample < to).map((a) => ({ sample: a.sample - from, symbol: a.symbol })),
  };
  return window;
}

/**
 * The events of an event file inside the source's time window, which starts `startUs` after the
 * file's first event; `t0` is that start (µs, the file's clock).
 */
export function eventsFromFile(src: EventFileSource, files: FileResolver | undefined): { events: EventRecord; t0: number } {
  const r = resolve(files, src.file, src.checksum);
  if (!('p' in r)) throw new DataFormatError(src.file, 'format', 0, `a ${r.format} file holds no events`);
  const t0 = (r.t[0] ?? 0) + src.startUs;
  const t1 = t0 + src.durationUs;
  let a = 0;
  while (a < r.t.length && (r.t[a] as number) < t0) a++;
  let b = a;
  while (b < r.t.length && (r.t[b] as number) < t1) b++;
  return { events: { ...r, x: r.x.slice(a, b), y: r.y.slice(a, b), p: r.p.slice(a, b), t: r.t.slice(a, b) }, t0 };
}

/**
 * Events as network input, one step per `stepUs`: neuron ((y·W' + x)·2 + p) of the downsampled
 * sensor counts the events of its pixel and polarity in that step (usually 0 or 1).
 */
export function eventsToInput(
  e: EventRecord,
  t0: number,
  src: Pick<EventFileSource, 'width' | 'height' | 'downsample' | 'stepUs' | 'durationUs'>,
): { steps: number; neurons: number; values: Float32Array } {
  const steps = Math.max(1, Math.ceil(src.durationUs / src.stepUs));
  const w = Math.ceil(src.width / src.downsample);
  const neurons = eventSourceWidth(src);
  const values = new Float32Array(steps * neurons);
  for (let k = 0; k < e.t.length; k++) {
    const step = Math.floor(((e.t[k] as number) - t0) / src.stepUs);
    const x = Math.floor((e.x[k] as number) / src.downsample);
    const y = Math.floor((e.y[k] as number) / src.downsample);
    if (step >= steps || x >= w || y * w * 2 >= neurons) continue;
    values[step * neurons + (y * w + x) * 2 + (e.p[k] as number)]! += 1;
  }
  return { steps, neurons, values };
}

/** One image of an image file as pixels in [0, 1], with its size. */
export function imageFromFile(src: ImageFileSource, files: FileResolver | undefined): { width: number; height: number; pixels: Float32Array } {
  const r = resolve(files, src.file, src.checksum);
  if (r.format !== 'idx' || r.dims.length !== 3) throw new DataFormatError(src.file, 'format', 0, 'not an image file (an IDX array of images)');
  const [count = 0, height = 0, width = 0] = r.dims;
  if (src.index >= count) throw new DataFormatError(src.file, 'image index', 0, `image ${src.index} does not exist; the file has ${count}`);
  if (height !== src.height || width !== src.width) throw new DataFormatError(src.file, 'image size', 0, `images are ${width}×${height}, the workspace expects ${src.width}×${src.height}`);
  const size = width * height;
  return { width, height, pixels: Float32Array.from(r.data.subarray(src.index * size, (src.index + 1) * size), (v) => v / 255) };
}
