import type { EventRecord } from '../../../core/data/formats/eventsRecord.ts';
import { csvChunks, f32, rowsOf, stepMs, type PlotCsv } from './csvTable.ts';

/** Camera events as recorded: `t_us,x,y,polarity` (1 = ON), one row per event, in file order. */
export function eventsCsv(e: EventRecord): PlotCsv {
  return { what: 'events', chunks: csvChunks(['t_us', 'x', 'y', 'polarity'], rowsOf(e.t.length, (i) => [e.t[i] ?? 0, e.x[i] ?? 0, e.y[i] ?? 0, e.p[i] ?? 0])) };
}

/** An input image: `row,col,value` (grey level 0 … 1 as encoded), row by row. */
export function imageCsv(img: { readonly width: number; readonly height: number; readonly pixels: Float32Array }): PlotCsv {
  return { what: 'image', chunks: csvChunks(['row', 'col', 'value'], rowsOf(img.width * img.height, (i) => [Math.floor(i / img.width), i % img.width, f32(img.pixels[i] ?? 0)])) };
}

/** ECG beats as fed: one row per beat, its place in the signal, code and vector (`v0` … `v{width−1}`). */
export function beatsCsv(src: { readonly vectors: Float32Array; readonly width: number; readonly beats: readonly { readonly sample: number; readonly symbol: string }[] }): PlotCsv {
  const header = ['beat', 'sample', 'symbol', ...Array.from({ length: src.width }, (_, k) => `v${k}`)];
  return {
    what: 'beats',
    chunks: csvChunks(header, rowsOf(src.beats.length, (b) => [b, src.beats[b]?.sample ?? 0, src.beats[b]?.symbol ?? '', ...Array.from(src.vectors.subarray(b * src.width, (b + 1) * src.width), f32)])),
  };
}

/** A data-set sample as fed ([steps × neurons]): `step,time_ms` then `n0` … one column per input neuron. */
export function sampleCsv(src: { readonly steps: number; readonly neurons: number; readonly values: Float32Array }, dtMs: number): PlotCsv {
  const header = ['step', 'time_ms', ...Array.from({ length: src.neurons }, (_, k) => `n${k}`)];
  return { what: 'sample', chunks: csvChunks(header, rowsOf(src.steps, (t) => [t, stepMs(t, dtMs), ...Array.from(src.values.subarray(t * src.neurons, (t + 1) * src.neurons), f32)])) };
}
