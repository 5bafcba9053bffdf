import { EngineError } from '../errors.ts';
import { isConnectionKind } from '../network/synapseFanOut.ts';
import { inferShapes, shapeSize } from '../network/shapes.ts';
import type { LayerSpec } from '../spec/network.ts';
import type { CompiledNetwork } from './types.ts';

/**
 * What the input of one connection node (dense, conv2d) looked like over a scored set: for each
 * input element, how many (step, sample) pairs it was non-zero in, split by whether that sample's
 * whole input to the node at that step was binary (every value −1, 0 or 1: spikes, so the
 * synapses only accumulate) or not (real values: multiply-accumulates). NeuroBench makes the same
 * split per forward call (neurobench/metrics/utils/layers/input.py, binary_inputs); we make it per
 * sample, which is NeuroBench's with a batch of one and does not depend on how samples are batched.
 */
export interface ConnectionInputTally {
  readonly layer: string;
  readonly index: number;
  readonly binary: Float64Array;
  readonly real: Float64Array;
}

/** Non-zero outputs of one activation node (spiking, relu) over every step and sample. */
export interface ActivationTally {
  readonly layer: string;
  readonly index: number;
  readonly neurons: number;
  nonZero: number;
  /** Sum of the outputs: spikes, where a graded spike (an SSF count) counts as that many. */
  total: number;
}

/**
 * Activity of a network over the runs of a scored set, counted during those runs by the engine that
 * scored it: what NeuroBench's hooks record (activation outputs, connection inputs), reduced to counts.
 */
export interface ActivityTally {
  /** Samples run so far. */
  samples: number;
  /** Steps of each run. */
  steps: number;
  readonly inputs: readonly ConnectionInputTally[];
  readonly activations: readonly ActivationTally[];
}

/** The activation kinds: NeuroBench hooks snnTorch's spiking neurons and nn.ReLU (blocks/activation.py); read-outs and accumulators are not activations. */
const ACTIVATION_KINDS: ReadonlySet<LayerSpec['kind']> = new Set(['spiking', 'relu']);

/** Whether a node of this kind is an activation whose outputs activation sparsity counts. */
export const isActivationKind = (kind: LayerSpec['kind']): boolean => ACTIVATION_KINDS.has(kind);

/** An empty tally for `net`: one entry per connection node and per activation node. */
export function createActivityTally(net: CompiledNetwork): ActivityTally {
  const { inShapes } = inferShapes(net.spec);
  const inputs: ConnectionInputTally[] = [];
  const activations: ActivationTally[] = [];
  net.spec.layers.forEach((l, index) => {
    if (isConnectionKind(l.kind)) {
      // The node's input: its sources summed, the same size for every source.
      const n = shapeSize(inShapes[index] ?? [0]);
      inputs.push({ layer: l.name, index, binary: new Float64Array(n), real: new Float64Array(n) });
    }
    if (ACTIVATION_KINDS.has(l.kind)) activations.push({ layer: l.name, index, neurons: shapeSize(net.shapes[index] ?? [0]), nonZero: 0, total: 0 });
  });
  return { samples: 0, steps: 0, inputs, activations };
}

/** Adds `from` into `into` (tallies of the same network, e.g. of two batches). */
export function addTally(into: ActivityTally, from: ActivityTally): void {
  if (into.samples > 0 && from.samples > 0 && into.steps !== from.steps) throw new EngineError(`cannot add a tally of ${from.steps} steps to one of ${into.steps}`);
  into.samples += from.samples;
  if (from.samples > 0) into.steps = from.steps;
  from.inputs.forEach((f, k) => {
    const t = into.inputs[k];
    if (!t || t.layer !== f.layer) throw new EngineError(`tallies of different networks: '${f.layer}' has no match`);
    for (let i = 0; i < f.binary.length; i++) {
      t.binary[i] = (t.binary[i] as number) + (f.binary[i] as number);
      t.real[i] = (t.real[i] as number) + (f.real[i] as number);
    }
  });
  from.activations.forEach((f, k) => {
    const t = into.activations[k];
    if (!t || t.layer !== f.layer) throw new EngineError(`tallies of different networks: '${f.layer}' has no match`);
    t.nonZero += f.nonZero;
    t.total += f.total;
  });
}
