import { EngineError } from '../errors.ts';
import { shapeSize } from '../network/shapes.ts';
import { EventAllowance, recordingStoppedNote } from './eventAllowance.ts';
import { SpikeTrainBuilder } from './recording.ts';
import type { CompiledNetwork, EngineName, LayerRecording, MembraneTrace, ReadoutValues, SimInput, SimOptions, SimulationResult } from './types.ts';

/** Collects what a run records, step by step, the same way for every engine. */
export interface RunRecorder {
  /** Whether layer `index` needs its values read each step (a tfjs engine can skip the download otherwise). */
  wants(index: number): boolean;
  /**
   * Records layer `index` at step t: its output values (batch × size; undefined when the engine
   * counts spikes itself, see addCount) and its membrane, if any.
   */
  record(index: number, t: number, values: Float32Array | undefined, membrane: Float32Array | undefined): void;
  /** Adds spikes counted elsewhere (a tfjs engine sums on the device when spikes are not recorded). */
  addCount(index: number, count: number): void;
  finish(engine: EngineName, readouts: ReadoutValues[], elapsedMs: number): SimulationResult;
}

interface SpikeLayer {
  readonly name: string;
  readonly kind: 'input' | 'spiking';
  readonly neurons: number;
  readonly builders: SpikeTrainBuilder[];
  count: number;
}

interface Probe {
  readonly layerIndex: number;
  readonly trace: MembraneTrace;
  readonly offset: number;
}

/** Creates a recorder for one run of `net` on `input`. */
export function createRunRecorder(net: CompiledNetwork, input: SimInput, options: SimOptions): RunRecorder {
  const recordSpikes = options.recordSpikes ?? true;
  // One allowance for the whole run: every layer and sample draws on the same events-per-run budget.
  const allowance = new EventAllowance(options.eventBudget);
  const spikeLayers = new Map<number, SpikeLayer>();
  net.spec.layers.forEach((l, i) => {
    if (l.kind !== 'input' && l.kind !== 'spiking') return;
    const neurons = shapeSize(net.shapes[i] ?? [1]);
    const builders = recordSpikes ? Array.from({ length: input.batch }, () => new SpikeTrainBuilder(neurons, input.steps, allowance, l.name)) : [];
    spikeLayers.set(i, { name: l.name, kind: l.kind, neurons, builders, count: 0 });
  });
  const probes: Probe[] = (options.membrane ?? []).map((p) => {
    const layerIndex = net.spec.layers.findIndex((l) => l.name === p.layer);
    const sample = p.sample ?? 0;
    const size = shapeSize(net.shapes[layerIndex] ?? [0]);
    if (layerIndex < 0 || p.neuron >= size || sample >= input.batch) {
      throw new EngineError(`membrane probe ${p.layer}[${p.neuron}] (sample ${sample}) does not exist in this network`);
    }
    const trace = { layer: p.layer, neuron: p.neuron, sample, values: new Float32Array(input.steps) };
    return { layerIndex, trace, offset: sample * size + p.neuron };
  });
  const probedLayers = new Set(probes.map((p) => p.layerIndex));

  return {
    wants: (index) => (recordSpikes && spikeLayers.has(index)) || probedLayers.has(index),
    record(index, t, values, membrane) {
      const sl = spikeLayers.get(index);
      if (sl && values) {
        if (recordSpikes) {
          sl.builders.forEach((b, s) => b.pushDense(t, values, s * sl.neurons));
        } else {
          let c = 0;
          const n = sl.neurons * input.batch;
          for (let i = 0; i < n; i++) c += values[i] as number;
          sl.count += c;
        }
      }
      if (membrane && probedLayers.has(index)) {
        for (const p of probes) if (p.layerIndex === index) p.trace.values[t] = membrane[p.offset] as number;
      }
    },
    addCount(index, count) {
      const sl = spikeLayers.get(index);
      if (sl) sl.count += count;
    },
    finish(engine, readouts, elapsedMs) {
      const layers: LayerRecording[] = [...spikeLayers.values()].map((sl) => {
        const spikes = sl.builders.map((b) => b.finish());
        // Counts go on past a spent budget, so they cover the whole run even when the trains stop early.
        const spikeCount = recordSpikes ? sl.builders.reduce((a, b) => a + b.offered, 0) : sl.count;
        return { name: sl.name, kind: sl.kind, neurons: sl.neurons, spikeCount, spikes };
      });
      const stop = allowance.stopped;
      return {
        engine,
        steps: input.steps,
        batch: input.batch,
        dtMs: options.dtMs,
        layers,
        membranes: probes.map((p) => p.trace),
        readouts,
        elapsedMs,
        notes: stop ? [recordingStoppedNote(stop, allowance.limit, input.steps)] : [],
      };
    },
  };
}
