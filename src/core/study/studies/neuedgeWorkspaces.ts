import { parseWorkspace } from '../../spec/parseWorkspace.ts';
import { WORKSPACE_SCHEMA_VERSION, type Workspace } from '../../spec/workspace.ts';

/**
 * The workspaces of the NeuEdge study. Each task has one network shape; the systems differ in the
 * hidden neurons (NeuEdge's input-adaptive threshold, fixed-threshold LIF, spike-adaptive ALIF or
 * the ReLU twin), the input coding (audio only: event cameras already give spikes) and the chip
 * energy term of the loss. Built from public/presets/dvs-shapes, dvs-nmnist and audio-digits.
 */

/** Hidden neurons of one system. */
export type NeuEdgeHidden = 'adaptive' | 'lif' | 'alif' | 'ann';

/** Input coding of an audio system: NeuEdge's hybrid rate + timing code, plain rate code, or the ANN's real values. */
export type NeuEdgeCoding = 'hybrid' | 'rate' | 'direct';

/** Options of one study workspace. */
export interface NeuEdgeWorkspaceOptions {
  readonly hidden: NeuEdgeHidden;
  readonly quick: boolean;
  /** Weight of the chip energy term (nJ⁻¹, training.energyLoss); 0 = off. */
  readonly energyWeight: number;
  /** Audio only (default: hybrid for spiking systems, direct for the ANN). */
  readonly coding?: NeuEdgeCoding;
}

/** The energy-loss weight of the NeuEdge system (per nJ of estimated energy per sample). */
export const NEUEDGE_ENERGY_WEIGHT = 0.01;

/** The weights the accuracy–energy sweep trains, 0 (accuracy only) first. */
export const NEUEDGE_SWEEP_WEIGHTS = [0, 0.003, 0.01, 0.03] as const;

/**
 * The input-adaptive threshold (neurons/inputAdaptive.ts): θ₀ = 0.8 below LIF's θ = 1, so a
 * neuron with weak input is more excitable; κ = 0.5 per unit of mean input and half the spread on
 * top, so a strongly driven one rises above 1 and fires less; statistics over ~10 steps.
 */
const ADAPTIVE = { model: 'inputAdaptive', beta: 0.9, threshold: 0.8, inputGain: 0.5, spreadGain: 0.5, statDecay: 0.9, thresholdFloor: 0.2 };

/** A hidden layer of `kind` named `name`, with the task's membrane decay β. */
function hiddenLayer(kind: NeuEdgeHidden, name: string, beta: number): Record<string, unknown> {
  if (kind === 'adaptive') return { kind: 'spiking', name, neuron: { ...ADAPTIVE, beta } };
  if (kind === 'lif') return { kind: 'spiking', name, neuron: { model: 'lif', beta } };
  if (kind === 'alif') return { kind: 'spiking', name, neuron: { model: 'alif', beta, rho: 0.95, adaptation: 0.2 } };
  return { kind: 'relu', name };
}

const energyLoss = (w: number) => (w > 0 ? { energyLoss: { weight: w } } : {});

/** The training every NeuEdge workspace shares: Adam on the max membrane, the energy term when weighted; sizes per task. */
function neuedgeTraining(o: NeuEdgeWorkspaceOptions, size: { readonly epochs: number; readonly batchSize: number; readonly learningRate: number; readonly perClass: number; readonly testPerClass: number }) {
  return {
    epochs: size.epochs,
    batchSize: size.batchSize,
    learningRate: size.learningRate,
    loss: 'ceMaxMembrane',
    patience: o.quick ? 0 : 4,
    ...energyLoss(o.energyWeight),
    dataset: { kind: 'source-classes', perClass: size.perClass, testPerClass: size.testPerClass },
  };
}
/** Loihi for the chip term and the mapping (the ANN twin is costed on its device instead). */
const LOIHI = { id: 'loihi', seed: 1, congestion: 0.5, overrides: {} };

/** Event-camera shapes (synthetic DVS, 6 classes; 32×32, 16×16 when quick): a strided conv, the hidden layer, a sum pool, a dense read-out. */
export function neuedgeDvsWorkspace(o: NeuEdgeWorkspaceOptions): Workspace {
  // The quick run sees a 16×16 sensor: a quarter of the neurons, so the page's study stays short.
  const side = o.quick ? 16 : 32;
  return parseWorkspace({
    schemaVersion: WORKSPACE_SCHEMA_VERSION,
    name: `NeuEdge study: event-camera shapes, ${o.hidden}${o.energyWeight > 0 ? `, energy loss ${o.energyWeight}` : ''}`,
    seed: 11,
    network: {
      layers: [
        { kind: 'input', name: 'events', shape: [side, side, 2] },
        { kind: 'conv2d', name: 'conv1', filters: 8, kernel: 3, stride: 2, padding: 'same', weightGain: 2 },
        hiddenLayer(o.hidden, 'h1', 0.8),
        { kind: 'pool2d', name: 'pool1', mode: 'sum', size: 2 },
        { kind: 'flatten', name: 'flat' },
        { kind: 'dense', name: 'fc', units: 6, weightGain: 2 },
        { kind: 'readout', name: 'classes', mode: 'membrane', beta: 0.9, reduce: 'max' },
      ],
    },
    data: { kind: 'synthetic-dvs', scene: 'bar-right', width: side, height: side, durationMs: 200, noiseHz: 0.5, stepUs: 10000 },
    encoder: { kind: 'rate', maxProb: 0.5 },
    training: neuedgeTraining(o, { epochs: o.quick ? 1 : 4, batchSize: 16, learningRate: 0.005, perClass: o.quick ? 3 : 12, testPerClass: o.quick ? 2 : 6 }),
    chip: LOIHI,
  });
}

/** N-MNIST digits (event files, 34×34): flatten, 128 hidden, 10 read-out units; used when the host has the recordings. */
export function neuedgeNmnistWorkspace(o: NeuEdgeWorkspaceOptions): Workspace {
  return parseWorkspace({
    schemaVersion: WORKSPACE_SCHEMA_VERSION,
    name: `NeuEdge study: N-MNIST, ${o.hidden}${o.energyWeight > 0 ? `, energy loss ${o.energyWeight}` : ''}`,
    seed: 13,
    network: {
      layers: [
        { kind: 'input', name: 'events', shape: [34, 34, 2] },
        { kind: 'flatten', name: 'flat' },
        { kind: 'dense', name: 'fc1', units: 128, weightGain: 2 },
        hiddenLayer(o.hidden, 'h1', 0.9),
        { kind: 'dense', name: 'fc2', units: 10, weightGain: 2 },
        { kind: 'readout', name: 'digits', mode: 'membrane', beta: 0.9, reduce: 'max' },
      ],
    },
    data: { kind: 'event-file', file: '60001.bs2', checksum: 'crc32:b4414a91:16650', width: 34, height: 34, downsample: 1, stepUs: 10000, durationUs: 300000 },
    encoder: { kind: 'rate', maxProb: 0.5 },
    training: neuedgeTraining(o, { epochs: o.quick ? 2 : 15, batchSize: 32, learningRate: 0.003, perClass: 20, testPerClass: 10 }),
    chip: LOIHI,
  });
}

/** How an audio system feeds the mel bands: hybrid windows of 4 frames of up to 3 spikes, Bernoulli rates, or the values. */
function audioEncoder(coding: NeuEdgeCoding): Record<string, unknown> {
  if (coding === 'hybrid') return { kind: 'hybrid', windowSteps: 4, maxSpikes: 3, cutoff: 0.05 };
  if (coding === 'rate') return { kind: 'rate', maxProb: 0.5 };
  return { kind: 'direct', gain: 1, normalize: 'zscoreChannel' };
}

/** Spoken digits (built-in formant sweeps, or FSDD with the recordings): a conv across 32 mel bands, the hidden layer, a dense read-out. */
export function neuedgeAudioWorkspace(o: NeuEdgeWorkspaceOptions): Workspace {
  const coding = o.coding ?? (o.hidden === 'ann' ? 'direct' : 'hybrid');
  return parseWorkspace({
    schemaVersion: WORKSPACE_SCHEMA_VERSION,
    name: `NeuEdge study: spoken digits, ${o.hidden}, ${coding} coding${o.energyWeight > 0 ? `, energy loss ${o.energyWeight}` : ''}`,
    seed: 5,
    network: {
      layers: [
        { kind: 'input', name: 'mel', shape: [32, 1, 1] },
        { kind: 'conv2d', name: 'conv1', filters: 16, kernel: 5, padding: 'same', weightGain: 2 },
        hiddenLayer(o.hidden, 'h1', 0.95),
        { kind: 'flatten', name: 'flat' },
        { kind: 'dense', name: 'fc', units: 10, weightGain: 2 },
        { kind: 'readout', name: 'digits', mode: 'membrane', beta: 0.95, reduce: 'max' },
      ],
    },
    data: { kind: 'synthetic-audio', digit: 3, durationS: 0.5, bands: 32 },
    encoder: audioEncoder(coding),
    training: neuedgeTraining(o, { epochs: o.quick ? 1 : 6, batchSize: 16, learningRate: 0.005, perClass: o.quick ? 3 : 12, testPerClass: o.quick ? 2 : 6 }),
    chip: LOIHI,
  });
}
