import { parseWorkspace } from '../../spec/parseWorkspace.ts';
import { WORKSPACE_SCHEMA_VERSION, type Workspace } from '../../spec/workspace.ts';

/**
 * The workspaces of the SparrowSNN study: one network shape per task, whose hidden layers are
 * SparrowSNN's quantised hybrid, integrate-and-fire, leaky integrate-and-fire or the ReLU twin.
 * Built from public/presets/ecg-mitbih.workspace.json (both leads, RR intervals, the beat window
 * held as one vector) and eeg.workspace.json, narrowed to fit the single-core ASIC (256 neurons,
 * 256 input axons: 131 inputs + 64 + 32 sources).
 */

/** Time steps of the spiking baselines, and the largest count of an SSF neuron: T. */
export const SPARROW_T = 8;

/** 72 beats per minute: one heartbeat classified per beat, as SparrowSNN's power figure assumes. */
export const BEATS_PER_S = 72 / 60;

/** Hidden layers of one system. */
export type SparrowHidden = 'sparrow' | 'if' | 'lif' | 'ann';

/**
 * A system's hidden layer (name `name`) as the network spec writes it. `ssfThreshold`: θ of the
 * SSF neurons; over one step of a held input it is 1/T, so floor(I / θ) = floor(T·I) counts what
 * an IF neuron of threshold 1 fires over T steps of the same current I.
 */
function hiddenLayer(kind: SparrowHidden, name: string, ssfThreshold: number): Record<string, unknown> {
  // SparrowSNN's SSF over one window: floor(Σ input / θ) clamped to T, a spike count carrying what
  // T IF steps carry. Its ANN layer is the same quantised ReLU (a float ReLU node cannot be placed
  // on a chip here: hardware/populations.ts), so both hidden layers of the hybrid are SSF.
  if (kind === 'sparrow') return { kind: 'spiking', name, neuron: { model: 'ssf', threshold: ssfThreshold, windowSteps: 0, maxSpikes: SPARROW_T } };
  if (kind === 'if') return { kind: 'spiking', name, neuron: { model: 'if', threshold: 1, reset: 'subtract' } };
  if (kind === 'lif') return { kind: 'spiking', name, neuron: { model: 'lif', beta: 0.9 } };
  return { kind: 'relu', name };
}

/** The ASIC target: weights stored at `bits`, static power over one period at `rateHz`. */
function asicTarget(bits: 4 | 8, rateHz: number) {
  return { id: 'asic', seed: 1, congestion: 0.5, overrides: {}, weightBits: bits, realTimeRateHz: rateHz };
}

/** Options of one study workspace. */
export interface SparrowWorkspaceOptions {
  readonly hidden: SparrowHidden;
  readonly quick: boolean;
  /** Quantisation-aware training at these bits; absent = float weights. */
  readonly weightBits?: 4 | 8;
  /** Bits the ASIC stores the weights with (the QAT bits, else 8). */
  readonly chipBits: 4 | 8;
}

/** 2 leads × 63 samples (0.7 s at 360 Hz, decimated by 4) + 5 RR features. */
const BEAT_INPUTS = 131;

/** A heartbeat workspace: MIT-BIH AAMI classes (synthetic beats when the records are not there). */
export function sparrowEcgWorkspace(o: SparrowWorkspaceOptions & { readonly split: 'intra' | 'inter' }): Workspace {
  // SSF and the ANN twin run the held beat window once; IF and LIF hold it for T steps.
  const steps = o.hidden === 'sparrow' || o.hidden === 'ann' ? 1 : SPARROW_T;
  return parseWorkspace({
    schemaVersion: WORKSPACE_SCHEMA_VERSION,
    name: `SparrowSNN study: heartbeats (${o.split}-patient), ${o.hidden}`,
    seed: 7,
    network: {
      layers: [
        { kind: 'input', name: 'beat', shape: [BEAT_INPUTS] },
        { kind: 'dense', name: 'fc1', units: 64, weightGain: 2 },
        hiddenLayer(o.hidden, 'h1', 1 / SPARROW_T),
        { kind: 'dense', name: 'fc2', units: 32, weightGain: 2 },
        hiddenLayer(o.hidden, 'h2', 1 / SPARROW_T),
        { kind: 'dense', name: 'fc3', units: 5, weightGain: 2 },
        { kind: 'readout', name: 'classes', mode: 'membrane', beta: 0.9, reduce: 'max' },
      ],
    },
    data: { kind: 'synthetic-ecg', durationS: 4, samplingHz: 360, heartRateBpm: 72, beatMix: { N: 6, V: 1, A: 1, F: 1 }, leads: 2 },
    encoder: { kind: 'direct', gain: 1 },
    training: {
      epochs: o.quick ? 3 : 30,
      batchSize: 64,
      learningRate: 0.003,
      lrDecay: 0.93,
      loss: 'ceMaxMembrane',
      patience: 5,
      ...(o.weightBits !== undefined ? { quantization: { weightBits: o.weightBits } } : {}),
      dataset: { kind: 'ecg-beats', beats: o.quick ? 600 : 200_000, decimate: 4, split: o.split, beforeS: 0.25, afterS: 0.45, input: 'window', leads: 2, rrFeatures: true, steps },
    },
    ...(o.hidden === 'ann' ? {} : { chip: asicTarget(o.chipBits, BEATS_PER_S) }),
  });
}

/** Seconds of one EEG epoch: one classification per epoch in real time. */
const EEG_EPOCH_S = 2;
const EEG_HZ = 80;

/** Steps of an EEG epoch: one per sample, as the delta encoder feeds it. */
export const EEG_STEPS = EEG_EPOCH_S * EEG_HZ;

/** An EEG workspace: the synthetic EEG classes (rest, motor imagery, focus), delta-coded channels. */
export function sparrowEegWorkspace(o: SparrowWorkspaceOptions): Workspace {
  return parseWorkspace({
    schemaVersion: WORKSPACE_SCHEMA_VERSION,
    name: `SparrowSNN study: EEG classes, ${o.hidden}`,
    seed: 3,
    network: {
      layers: [
        { kind: 'input', name: 'eeg', shape: [16] },
        { kind: 'dense', name: 'fc1', units: 32, weightGain: 3 },
        // The epoch is a sequence: an SSF sums its input over all of it (as IF would over the same
        // steps, so θ = 1) and fires once at the end.
        hiddenLayer(o.hidden, 'h1', 1),
        { kind: 'dense', name: 'fc2', units: 32, weightGain: 2 },
        hiddenLayer(o.hidden, 'h2', 1),
        { kind: 'dense', name: 'fc3', units: 4, weightGain: 2 },
        { kind: 'readout', name: 'classes', mode: 'count' },
      ],
    },
    data: { kind: 'synthetic-eeg', eegClass: 'rest', epochS: EEG_EPOCH_S, samplingHz: EEG_HZ },
    encoder: { kind: 'delta', threshold: 5 },
    training: {
      epochs: o.quick ? 2 : 12,
      batchSize: 16,
      learningRate: 0.005,
      loss: 'ceCount',
      patience: 4,
      ...(o.weightBits !== undefined ? { quantization: { weightBits: o.weightBits } } : {}),
      dataset: { kind: 'source-classes', perClass: o.quick ? 12 : 24, testPerClass: o.quick ? 4 : 8 },
    },
    ...(o.hidden === 'ann' ? {} : { chip: asicTarget(o.chipBits, 1 / EEG_EPOCH_S) }),
  });
}
