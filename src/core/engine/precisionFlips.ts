import { EngineError } from '../errors.ts';
import type { SimulationResult } from './types.ts';

/** How far a run's spikes are from a reference run of the same network and input (another precision). */
export interface SpikeFlips {
  /** Spikes of the reference (float64) run, over every spiking layer and sample. */
  readonly reference: number;
  /** (step, neuron, sample) places where exactly one of the two runs spiked. */
  readonly flipped: number;
  /** flipped per million reference spikes. */
  readonly perMillion: number;
}

/**
 * Counts the spikes that differ between `run` and `reference` (the same network and input under
 * another precision), over their spiking layers; both must have been recorded spike by spike.
 * A spike moved by one step counts twice (gone at one step, new at the next).
 */
export function spikeFlips(reference: SimulationResult, run: SimulationResult): SpikeFlips {
  let total = 0;
  let flipped = 0;
  reference.layers.forEach((layer, li) => {
    if (layer.kind !== 'spiking') return;
    const other = run.layers[li];
    if (!other || other.name !== layer.name) throw new EngineError(`the runs differ in their layers ('${layer.name}' has no counterpart)`);
    // A recording cut at its event budget (or counts only) holds fewer spikes than the layer fired.
    const recorded = (r: typeof layer) => r.spikes.reduce((a, s) => a + s.times.length, 0);
    if (recorded(layer) !== layer.spikeCount || recorded(other) !== other.spikeCount) throw new EngineError(`layer '${layer.name}' was not recorded in full: flips cannot be counted`);
    total += layer.spikeCount;
    layer.spikes.forEach((a, b) => {
      const o = other.spikes[b];
      if (!o) throw new EngineError(`sample ${b} of layer '${layer.name}' is missing from the second run`);
      // Both trains are in (step, neuron) order: a merge counts the places in one only.
      let i = 0;
      let j = 0;
      while (i < a.times.length || j < o.times.length) {
        const ka = i < a.times.length ? (a.times[i] as number) * a.neurons + (a.ids[i] as number) : Infinity;
        const kb = j < o.times.length ? (o.times[j] as number) * o.neurons + (o.ids[j] as number) : Infinity;
        if (ka === kb) {
          i++;
          j++;
        } else {
          flipped++;
          if (ka < kb) i++;
          else j++;
        }
      }
    });
  });
  return { reference: total, flipped, perMillion: total > 0 ? (flipped / total) * 1e6 : 0 };
}
