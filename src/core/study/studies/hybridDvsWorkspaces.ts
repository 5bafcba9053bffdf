import { parseWorkspace } from '../../spec/parseWorkspace.ts';
import { WORKSPACE_SCHEMA_VERSION, type Workspace } from '../../spec/workspace.ts';

/**
 * The workspaces of the hybrid event-camera study. One front end for every system: a strided
 * convolution into LIF neurons, sum-pooled, then a dense layer into a second LIF layer (the
 * "conv SNN"). The systems differ in what follows it:
 * - 'hybrid': an accumulator counts the second layer's spikes (over the run, or a window), and a
 *   small ReLU ANN classifies the counts (value read-out); trained end to end on tfjs (surrogate
 *   gradients through the spikes, ordinary ones through the ANN). Loihi runs the SNN, the counts
 *   cross the host link, a Jetson Nano runs the ANN.
 * - 'snn': the same SNN with a dense layer into a membrane read-out (Loihi alone).
 * - 'ann': the events summed over the run into one frame (an accumulator straight after the input:
 *   every node after it is an ANN run once per frame), then the same layers with ReLU units (a
 *   small CNN) on a Jetson Nano.
 */
export type HybridSystemKind = 'hybrid' | 'snn' | 'ann';

/** Options of one study workspace. */
export interface HybridWorkspaceOptions {
  readonly kind: HybridSystemKind;
  readonly quick: boolean;
  /** The hybrid's accumulator window in steps (absent = the whole run: one transfer per inference). */
  readonly window?: number;
}

/** Sizes of one task's networks and training. */
interface TaskSize {
  readonly side: number;
  readonly filters: number;
  /** Neurons of the second spiking layer: the counts the hybrid sends. */
  readonly hidden: number;
  /** ReLU units of the ANN head. */
  readonly head: number;
  readonly classes: number;
  readonly epochs: number;
  readonly learningRate: number;
}

/** Background events per pixel per second of the dvs-shapes task. */
export const DVS_NOISE_HZ = 20;

const lif = (name: string, beta: number) => ({ kind: 'spiking', name, neuron: { model: 'lif', beta } });
const relu = (name: string) => ({ kind: 'relu', name });

/** The layers of one system (see the module comment). */
function layersOf(o: HybridWorkspaceOptions, size: TaskSize): Record<string, unknown>[] {
  const ann = o.kind === 'ann';
  const front = [
    { kind: 'input', name: 'events', shape: [size.side, size.side, 2] },
    // The ANN sees the run's events summed into one frame.
    ...(ann ? [{ kind: 'accumulator', name: 'frame' }] : []),
    { kind: 'conv2d', name: 'conv1', filters: size.filters, kernel: 3, stride: 2, padding: 'same', weightGain: 2 },
    ann ? relu('h1') : lif('h1', 0.8),
    { kind: 'pool2d', name: 'pool1', mode: ann ? 'avg' : 'sum', size: 2 },
    { kind: 'flatten', name: 'flat' },
    { kind: 'dense', name: 'fc1', units: size.hidden, weightGain: 2 },
    ann ? relu('h2') : lif('h2', 0.9),
  ];
  if (o.kind === 'snn') return [...front, { kind: 'dense', name: 'fc2', units: size.classes, weightGain: 2 }, { kind: 'readout', name: 'classes', mode: 'membrane', beta: 0.9, reduce: 'max' }];
  const head = [
    { kind: 'dense', name: 'head1', units: size.head, bias: true },
    relu('head_relu'),
    { kind: 'dense', name: 'head2', units: size.classes, bias: true },
    { kind: 'readout', name: 'classes', mode: 'value', reduce: 'last' },
  ];
  if (ann) return [...front, ...head];
  return [...front, { kind: 'accumulator', name: 'counts', ...(o.window !== undefined ? { window: o.window } : {}) }, ...head];
}

/** Training shared by the systems: Adam, the membrane's max for the SNN, cross-entropy of the values for the others. */
function training(o: HybridWorkspaceOptions, size: TaskSize, perClass: number, testPerClass: number) {
  return {
    epochs: size.epochs,
    batchSize: 16,
    learningRate: size.learningRate,
    loss: o.kind === 'snn' ? 'ceMaxMembrane' : 'ceCount',
    patience: o.quick ? 0 : 4,
    dataset: { kind: 'source-classes', perClass, testPerClass },
  };
}

const title = (o: HybridWorkspaceOptions) => (o.kind === 'hybrid' ? `hybrid SNN → ANN${o.window !== undefined ? `, window ${o.window}` : ''}` : o.kind === 'snn' ? 'SNN alone' : 'ANN on event frames');

/** The built-in event-camera scenes (6 classes, 20 steps of 10 ms; 32×32, 16×16 when quick). */
export function hybridDvsWorkspace(o: HybridWorkspaceOptions): Workspace {
  const size: TaskSize = o.quick
    ? { side: 16, filters: 4, hidden: 16, head: 16, classes: 6, epochs: 1, learningRate: 0.01 }
    : { side: 32, filters: 8, hidden: 64, head: 32, classes: 6, epochs: 8, learningRate: 0.005 };
  return parseWorkspace({
    schemaVersion: WORKSPACE_SCHEMA_VERSION,
    name: `Hybrid study: event-camera shapes, ${title(o)}`,
    seed: 17,
    network: { layers: layersOf(o, size) },
    // Heavy background noise (20 events per pixel per second, 40× the source's default): at 0.5 Hz
    // and 16 samples per class every system classified all test scenes; at 20 Hz the ANN on frames
    // lost some (moving bars summed into a frame keep their polarity, not their motion).
    data: { kind: 'synthetic-dvs', scene: 'bar-right', width: size.side, height: size.side, durationMs: 200, noiseHz: DVS_NOISE_HZ, stepUs: 10000 },
    encoder: { kind: 'rate', maxProb: 0.5 },
    training: training(o, size, o.quick ? 3 : 24, o.quick ? 2 : 16),
    chip: { id: 'loihi', seed: 1, congestion: 0.5, overrides: {}, ...(o.kind === 'hybrid' ? { head: {} } : {}) },
  });
}

/** N-MNIST digits (event files, 34×34, 30 steps of 10 ms); used when the host has the recordings. */
export function hybridNmnistWorkspace(o: HybridWorkspaceOptions): Workspace {
  // The recordings' 1000 training samples, not a per-class cut: few epochs keep a CLI run near ten minutes.
  const size: TaskSize = { side: 34, filters: 8, hidden: 64, head: 32, classes: 10, epochs: o.quick ? 1 : 4, learningRate: 0.003 };
  return parseWorkspace({
    schemaVersion: WORKSPACE_SCHEMA_VERSION,
    name: `Hybrid study: N-MNIST, ${title(o)}`,
    seed: 19,
    network: { layers: layersOf(o, size) },
    data: { kind: 'event-file', file: '60001.bs2', checksum: 'crc32:b4414a91:16650', width: 34, height: 34, downsample: 1, stepUs: 10000, durationUs: 300000 },
    encoder: { kind: 'rate', maxProb: 0.5 },
    training: training(o, size, 20, 10),
    chip: { id: 'loihi', seed: 1, congestion: 0.5, overrides: {}, ...(o.kind === 'hybrid' ? { head: {} } : {}) },
  });
}
