import * as tf from '@tensorflow/tfjs';
import { delayDepth, delayedOutput, statelessNode, sumInputs } from '../engine/tfjs/tfGraphOps.ts';
import { tfNeuronInit, tfNeuronStep } from '../engine/tfjs/tfNeuronSteps.ts';
import type { CompiledNetwork } from '../engine/types.ts';
import { EngineError } from '../errors.ts';
import { inferShapes } from '../network/shapes.ts';
import { biasKey } from '../network/weights.ts';
import type { LearnedParams, SpikeOps, TfState } from '../neurons/tfTypes.ts';
import { decisionReduce } from '../engine/readout/readoutDecision.ts';
import type { TrainingConfig } from '../spec/trainingConfig.ts';
import { isActivationKind } from '../engine/activityTally.ts';
import { isConnectionKind } from '../network/synapseFanOut.ts';
import type { TfActivityTally } from './tfActivityTally.ts';

/** Trainable weights by key: dense [in, out], conv2d [kh, kw, cIn/groups, cOut], and `<name>.bias`. */
export type WeightVariables = Record<string, tf.Variable>;

/** The weights a forward pass reads: the variables themselves, or tensors made from them (fake-quantised). */
export type WeightTensors = Readonly<Record<string, tf.Tensor>>;

/** Uploads a network's weights (biases included) as trainable variables. */
export function createVariables(net: CompiledNetwork): WeightVariables {
  const out: WeightVariables = {};
  for (const [name, w] of Object.entries(net.weights)) {
    // tf.variable keeps its initial tensor alive: free it once the variable holds the values.
    const init = tf.tensor(w.values, [...w.shape], 'float32');
    out[name] = tf.variable(init, true);
    init.dispose();
  }
  return out;
}

/** What a forward pass gives the loss: logits per sample and the mean firing of the hidden layers. */
export interface ForwardOutput {
  /** [batch, classes]: spike counts (or the read-out's count / max / mean membrane, or its value). */
  readonly logits: tf.Tensor2D;
  /** Mean spikes per neuron per step over all spiking layers (for the rate regulariser). */
  readonly rate: tf.Scalar;
  /** [spiking layers]: spikes of each spiking layer summed over the batch and all steps. */
  readonly layerSpikes: tf.Tensor1D;
}

/**
 * Runs the network's graph over T steps on a batch x [T, B, N] with autograd-friendly ops: the
 * engines' neuron steps (given surrogate SpikeOps when training) and node ops (tfGraphOps.ts).
 * Nodes step in list order, each on the sum of its inputs in edge order; a recurrent edge reads its
 * source's output of the step before (zeros at t = 0), so the gradient flows back through time
 * across loops as it does along the unrolled steps. Layer-1 currents of all steps are computed in
 * one matMul when the first node is a dense reading only the input. `learned` gives trainable neuron
 * parameters by layer name (see neuronParams.ts). With `steps` and a one-step x, x is held for
 * `steps` steps (static input: the first layer's currents are computed once). With `tally`, the
 * pass also counts its connection inputs and activations into it (NeuroBench's metrics).
 */
export function forward(
  net: CompiledNetwork,
  vars: WeightTensors,
  x: tf.Tensor3D,
  dtMs: number,
  ops: SpikeOps,
  loss: TrainingConfig['loss'],
  learned: Readonly<Record<string, LearnedParams>> = {},
  steps?: number,
  tally?: TfActivityTally,
): ForwardOutput {
  // x of one step with `steps` > 1 is an input held for every step: its currents are computed once.
  const [X, B, N] = x.shape;
  const T = steps ?? X;
  const layers = net.spec.layers;
  const { graph, inShapes } = inferShapes(net.spec);
  const inShape = net.shapes[0] ?? [N];
  const first = layers[1];
  const firstEdges = graph.inputsOf[1] ?? [];
  const firstReadsInputOnly = firstEdges.length === 1 && firstEdges[0]?.from === 0 && !firstEdges[0].recurrent;
  let firstCurrents: tf.Tensor[] | undefined;
  if (first?.kind === 'dense' && inShape.length === 1 && firstReadsInputOnly) {
    const w = vars[first.name];
    if (!w) throw new EngineError(`no weights for '${first.name}'`);
    let currents: tf.Tensor = tf.matMul(tf.reshape(x, [X * B, N]), w);
    const bias = first.bias ? vars[biasKey(first.name)] : undefined;
    if (bias) currents = tf.add(currents, bias);
    // unstack's gradient fails on a single slice: a held input is just reshaped.
    firstCurrents = X === 1 ? [currents] : tf.unstack(tf.reshape(currents, [X, B, first.units]));
    // All steps' inputs at once; a held input is the same at each of the T steps.
    tally?.input(1, tf.reshape(x, [X * B, N]), T / X);
  }
  // The raw input is needed unless the precomputed currents are its only reader.
  const inputRead = (graph.consumersOf[0] ?? []).some((e) => !(firstCurrents && e.to === 1));
  const xs = inputRead ? (X === 1 ? [tf.reshape(x, [B, N])] : tf.unstack(x)) : undefined;
  const states: Record<number, TfState> = {};
  const readout: Record<number, { m: tf.Tensor; max: tf.Tensor; sum: tf.Tensor }> = {};
  const accs: Record<number, tf.Tensor> = {};
  const delayed: Record<number, tf.Tensor[]> = {};
  let prevOuts: Record<number, tf.Tensor> = {};
  let spikeTotal: tf.Tensor = tf.scalar(0);
  const layerSpikes: Record<number, tf.Tensor> = {};
  let neuronSteps = 0;
  let last: tf.Tensor = tf.zeros([B, 1]);
  let counts: tf.Tensor | undefined;
  const lastIndex = layers.length - 1;
  layers.forEach((l, i) => {
    const shape = [B, ...(net.shapes[i] ?? [1])];
    if (l.kind === 'spiking') states[i] = tfNeuronInit(l.neuron.model, shape, l.neuron);
    if (l.kind === 'readout') readout[i] = { m: tf.zeros(shape), max: tf.fill(shape, -Infinity), sum: tf.zeros(shape) };
    // A recurrent edge reads zeros at the first step.
    if (graph.recurrentSources.has(i)) prevOuts[i] = tf.zeros(shape);
  });
  for (let t = 0; t < T; t++) {
    const ctx = { dtMs, t, steps: T };
    const tx = X === 1 ? 0 : t;
    const now: tf.Tensor[] = [xs ? tf.reshape(xs[tx] as tf.Tensor, [B, ...inShape]) : tf.zeros([B, 1])];
    for (let i = 1; i < layers.length; i++) {
      const l = layers[i];
      if (!l) continue;
      let h: tf.Tensor;
      if (i === 1 && firstCurrents) h = firstCurrents[tx] as tf.Tensor;
      else {
        const inputs = (graph.inputsOf[i] ?? []).map((e) => {
          const src = e.recurrent ? prevOuts[e.from] : now[e.from];
          if (!src) throw new EngineError(`'${l.name}' reads node ${e.from}, which has no output yet`);
          return src;
        });
        h = sumInputs(inputs);
        if (tally && isConnectionKind(l.kind)) tally.input(i, h, 1);
        switch (l.kind) {
          case 'spiking': {
            const res = tfNeuronStep(l.neuron.model)(states[i] ?? {}, h, l.neuron, ctx, ops, learned[l.name]);
            states[i] = res.state;
            h = res.spikes;
            const sum = tf.sum(h);
            spikeTotal = tf.add(spikeTotal, sum);
            const prev = layerSpikes[i];
            layerSpikes[i] = prev ? tf.add(prev, sum) : sum;
            neuronSteps += h.size;
            if (i === lastIndex) counts = counts ? tf.add(counts, h) : h;
            break;
          }
          case 'readout': {
            const r = readout[i];
            if (!r) throw new EngineError(`readout '${l.name}' has no state`);
            const m = l.mode === 'value' ? h : l.mode === 'count' ? tf.add(r.m, h) : tf.add(tf.mul(l.beta, r.m), h);
            readout[i] = { m, max: tf.maximum(r.max, m), sum: tf.add(r.sum, m) };
            h = m;
            break;
          }
          case 'accumulator': {
            // The count restarts at the first step of each window, as in the engines.
            const prev = accs[i];
            h = prev === undefined || (l.window !== undefined && t % l.window === 0) ? h : tf.add(prev, h);
            accs[i] = h;
            break;
          }
          case 'delay': {
            // A shift in time: the gradient reaches the input of d steps before.
            const history = [h, ...(delayed[i] ?? [])].slice(0, delayDepth(l));
            delayed[i] = history;
            h = delayedOutput(l, history, inShapes[i] ?? [1]);
            break;
          }
          default: {
            // Sum pooling as avgPool × area: a gradient on every backend that trains.
            const y = statelessNode(l, h, inShapes[i] ?? [1], vars, 'differentiable');
            if (!y) throw new EngineError(`training cannot step a '${l.kind}' node`);
            h = y;
          }
        }
      }
      if (tally && isActivationKind(l.kind)) tally.activation(i, h);
      now.push(h);
    }
    const outs: Record<number, tf.Tensor> = {};
    for (const i of graph.recurrentSources) outs[i] = now[i] as tf.Tensor;
    prevOuts = outs;
    last = now[lastIndex] as tf.Tensor;
  }
  const lastLayer = layers[lastIndex];
  const r = readout[lastIndex];
  let logits: tf.Tensor;
  if (lastLayer?.kind === 'readout' && r) {
    // The read-out's value over time reduced as the class is decided (one rule for training and the page).
    const how = decisionReduce(lastLayer, loss);
    logits = how === 'last' ? r.m : how === 'max' ? r.max : tf.div(r.sum, T);
  } else logits = counts ?? last;
  const perLayer = Object.values(layerSpikes);
  return {
    logits: tf.reshape(logits, [B, -1]) as tf.Tensor2D,
    rate: tf.div(spikeTotal, Math.max(1, neuronSteps)) as tf.Scalar,
    layerSpikes: (perLayer.length > 0 ? tf.stack(perLayer) : tf.zeros([0])) as tf.Tensor1D,
  };
}
