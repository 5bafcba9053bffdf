import type { LayerRecording } from '../../../core/engine/types.ts';
import { csvField, stepMs as ms } from './csvTable.ts';

/**
 * Every recorded spike of a run as CSV: a header line, then one row per spike
 * `layer,neuron,step,time_ms` (with a leading `sample` column when the run recorded more than one
 * batch sample), layer by layer in run order, each in time order. A graded spike of k (SSF) is k
 * rows, as it is k entries in the recording. Returns the text in chunks (a million spikes are
 * about 25 MB) for a Blob to take as they are.
 */
export function spikesCsvChunks(layers: readonly LayerRecording[], dtMs: number): string[] {
  const batched = layers.some((l) => l.spikes.length > 1);
  const chunks = [batched ? 'sample,layer,neuron,step,time_ms\n' : 'layer,neuron,step,time_ms\n'];
  for (const layer of layers) {
    const name = csvField(layer.name);
    layer.spikes.forEach((train, sample) => {
      const prefix = batched ? `${sample},${name}` : name;
      let rows: string[] = [];
      for (let k = 0; k < train.times.length; k++) {
        const t = train.times[k] ?? 0;
        rows.push(`${prefix},${train.ids[k] ?? 0},${t},${ms(t, dtMs)}\n`);
        // Joined every 10,000 rows so no single string grows with the run.
        if (rows.length === 10_000) {
          chunks.push(rows.join(''));
          rows = [];
        }
      }
      if (rows.length > 0) chunks.push(rows.join(''));
    });
  }
  return chunks;
}

/** The same CSV as one string. */
export function spikesCsv(layers: readonly LayerRecording[], dtMs: number): string {
  return spikesCsvChunks(layers, dtMs).join('');
}
