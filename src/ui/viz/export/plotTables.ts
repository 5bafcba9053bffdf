import type { Signal } from '../../../core/data/signal.ts';
import type { MembraneTrace } from '../../../core/engine/types.ts';
import type { ClassMetrics } from '../../../core/train/metrics.ts';
import type { EpochReport } from '../../../core/train/trainer.ts';
import type { ClassSeries } from '../traces/readoutSeries.ts';
import { csvChunks, f32, rowsOf, stepMs, type PlotCsv } from './csvTable.ts';

/** The input signal: `sample,time_ms` then one column per channel (named `name (unit)`), one row per sample. */
export function signalCsv(sig: Signal): PlotCsv {
  const c = sig.channels.length;
  const dt = 1000 / sig.samplingHz;
  const header = ['sample', 'time_ms', ...sig.channels.map((name) => `${name} (${sig.unit})`)];
  return { what: 'signal', chunks: csvChunks(header, rowsOf(sig.length, (t) => [t, stepMs(t, dt), ...Array.from(sig.values.subarray(t * c, (t + 1) * c), f32)])) };
}

/** Recorded membranes: `step,time_ms` then one column per neuron (`layer[neuron]`, `#sample` when not the first). */
export function membraneCsv(traces: readonly MembraneTrace[], dtMs: number): PlotCsv {
  const steps = Math.max(0, ...traces.map((m) => m.values.length));
  const header = ['step', 'time_ms', ...traces.map((m) => `${m.layer}[${m.neuron}]${m.sample > 0 ? `#${m.sample}` : ''}`)];
  return { what: 'membrane', chunks: csvChunks(header, rowsOf(steps, (t) => [t, stepMs(t, dtMs), ...traces.map((m) => (t < m.values.length ? f32(m.values[t] ?? 0) : ''))])) };
}

/** The read-out over time: `step,time_ms` then one column per class, as the strip under the raster draws them. */
export function readoutCsv(series: readonly ClassSeries[], dtMs: number): PlotCsv {
  const steps = series[0]?.values.length ?? 0;
  return { what: 'readout', chunks: csvChunks(['step', 'time_ms', ...series.map((s) => s.name)], rowsOf(steps, (t) => [t, stepMs(t, dtMs), ...series.map((s) => f32(s.values[t] ?? 0))])) };
}

/**
 * The training curves: one row per epoch (counted from 1, as the x axis) with loss, validation
 * loss, accuracies in % (as drawn), ms per batch and spikes per validation sample of each layer.
 */
export function curvesCsv(epochs: readonly EpochReport[]): PlotCsv {
  const layers = [...new Set(epochs.flatMap((e) => Object.keys(e.layerSpikes)))];
  const header = ['epoch', 'loss', 'val_loss', 'train_acc_pct', 'val_acc_pct', 'ms_per_batch', ...layers.map((l) => `spikes_per_sample_${l}`)];
  const pct = (v: number) => String(Number((100 * v).toFixed(4)));
  return {
    what: 'curves',
    chunks: csvChunks(
      header,
      epochs.map((e) => [e.epoch + 1, e.loss, e.valLoss, pct(e.trainAccuracy), pct(e.valAccuracy), e.msPerBatch, ...layers.map((l) => e.layerSpikes[l] ?? '')]),
    ),
  };
}

/** The confusion matrix in long form: `true,predicted,count`, one row per cell (rows of the matrix in order). */
export function confusionCsv(metrics: ClassMetrics, classes: readonly string[]): PlotCsv {
  const name = (k: number) => classes[k] ?? String(k);
  return { what: 'confusion', chunks: csvChunks(['true', 'predicted', 'count'], metrics.confusion.flatMap((row, i) => row.map((v, j) => [name(i), name(j), v]))) };
}
