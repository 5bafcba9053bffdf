import type { SumPrecision } from '../spec/precision.ts';
import type { EventBatch } from './eventBatch.ts';
import type { AbortSignalLike } from '../errors.ts';
import type { NetworkWeights } from '../network/weights.ts';
import type { Shape } from '../network/shapes.ts';
import type { NetworkSpec } from '../spec/network.ts';
import type { RunNote } from './eventAllowance.ts';
import type { ActivityTally } from './activityTally.ts';
import type { SpikeTrain } from './recording.ts';

export type { RunNote } from './eventAllowance.ts';

/**
 * Input of a run: the encoded input of every step for every sample, dense, laid out
 * `values[(t·batch + b)·neurons + i]` (step-major, like WORKLOADS.md's x[t][b][i]). Spikes are 0/1;
 * a direct-current encoder gives real values.
 */
export interface SimInput {
  readonly steps: number;
  readonly batch: number;
  readonly neurons: number;
  readonly values: Float32Array;
  /**
   * The same input as event lists, when the caller already holds them (spike data, a bench's
   * untimed input): the wasm engine then reads the events of each step instead of copying and
   * scanning `values`. Must describe exactly `values` (malformed lists are refused).
   *
   * An input is data: neither `values` nor `events` may change once given to an engine (the split
   * engine keeps the slices of the last input it ran, and the lists are checked once).
   */
  readonly events?: EventBatch;
}

/** A neuron whose membrane (the model's `membraneKey`) is recorded at every step. */
export interface MembraneProbe {
  readonly layer: string;
  readonly neuron: number;
  /** Batch sample, default 0. */
  readonly sample?: number;
}

/** Options of one run. */
export interface SimOptions {
  /** Length of one step, ms (neuron models derive decays from it). */
  readonly dtMs: number;
  /** Record every spike (default true); false keeps only counts (benchmarks). */
  readonly recordSpikes?: boolean;
  readonly membrane?: readonly MembraneProbe[];
  /** Checked between steps; a fired signal ends the run with CancelledError. */
  readonly signal?: AbortSignalLike;
  /** Called at most every few steps with steps done / total. */
  readonly onProgress?: (done: number, total: number) => void;
  /** Events the run may record (default: the runEvents budget); past it the recording stops with a note. */
  readonly eventBudget?: number;
  /** How dense currents are summed (precision.ts); default float64, bit-identical across engines. */
  readonly precision?: SumPrecision;
  /** Count what NeuroBench's metrics need (activityTally.ts) into the result's `activity`; the event engine does. */
  readonly countActivity?: boolean;
}

/** What a run recorded for one layer that emits spikes (the input layer and spiking layers). */
export interface LayerRecording {
  readonly name: string;
  readonly kind: 'input' | 'spiking';
  readonly neurons: number;
  /** Total spikes over all samples and steps. */
  readonly spikeCount: number;
  /** One train per batch sample, when recordSpikes is on. */
  readonly spikes: readonly SpikeTrain[];
}

/** Membrane potential of one probed neuron, one value per step. */
export interface MembraneTrace {
  readonly layer: string;
  readonly neuron: number;
  readonly sample: number;
  readonly values: Float32Array;
}

/** Final values of a readout layer, `values[b·units + k]`. */
export interface ReadoutValues {
  readonly name: string;
  readonly units: number;
  readonly values: Float32Array;
}

/** Everything one run produced. */
export interface SimulationResult {
  readonly engine: EngineName;
  readonly steps: number;
  readonly batch: number;
  readonly dtMs: number;
  readonly layers: readonly LayerRecording[];
  readonly membranes: readonly MembraneTrace[];
  readonly readouts: readonly ReadoutValues[];
  /** Wall time of the run, ms. */
  readonly elapsedMs: number;
  /** What the run left out and why (a recording stopped at its budget); empty when nothing was. */
  readonly notes: readonly RunNote[];
  /** The run's activity counts, when options.countActivity asked for them. */
  readonly activity?: ActivityTally;
}

/** A network ready to run: validated spec, inferred shapes and weights. */
export interface CompiledNetwork {
  readonly spec: NetworkSpec;
  readonly shapes: readonly Shape[];
  readonly weights: NetworkWeights;
}

/** Engine identifiers, as used by the CLI and the UI. */
export type EngineName = 'events' | 'wasm' | 'tfjs-cpu' | 'tfjs-wasm' | 'tfjs-webgl';

/** What an engine runs on and why (e.g. why tfjs fell back from webgl to wasm). */
export interface EngineInfo {
  readonly name: EngineName;
  /** tfjs backend, 'typed-arrays' for the event engine, 'wasm-simd' for the wasm engine. */
  readonly backend: string;
  /** Plain sentence: why this backend was chosen, including any fallback. */
  readonly reason: string;
}

/** The one interface of every simulation engine (ARCHITECTURE.md rule 5). */
export interface Engine {
  info(): EngineInfo;
  simulate(net: CompiledNetwork, input: SimInput, options: SimOptions): Promise<SimulationResult>;
  /** Frees backend memory; the engine must not be used afterwards. */
  dispose(): void;
}
