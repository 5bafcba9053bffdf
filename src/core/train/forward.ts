import { chainOnlyReason } from '../network/graph.ts';
import { windowOf } from '../network/shapes.ts';
import * as tf from '@tensorflow/tfjs';
import { tfNeuronInit, tfNeuronStep } from '../engine/tfjs/tfNeuronSteps.ts';
import type { CompiledNetwork } from '../engine/types.ts';
import { EngineError } from '../errors.ts';
import type { LearnedParams, SpikeOps, TfState } from '../neurons/tfTypes.ts';

/** Trainable weights by layer name (dense [in, out], conv2d [k, k, cIn, cOut]). */
export type WeightVariables = Record<string, tf.Variable>;

/** Uploads a network's weights as trainable variables. */
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
  /** [batch, classes]: spike counts (or the read-out's count / max / mean membrane). */
  readonly logits: tf.Tensor2D;
  /** Mean spikes per neuron per step over all spiking layers (for the rate regulariser). */
  readonly rate: tf.Scalar;
  /** [spiking layers]: spikes of each spiking layer summed over the batch and all steps. */
  readonly layerSpikes: tf.Tensor1D;
}

/**
 * Runs the network over T steps on a batch x [T, B, N] with autograd-friendly ops: the same neuron
 * steps as the engines, given surrogate SpikeOps when training. Layer-1 currents of all steps are
 * computed in one matMul when the first layer after the input is dense (state does not feed back).
 * `learned` gives trainable neuron parameters by layer name (see neuronParams.ts). With `steps` and a
 * one-step x, x is held for `steps` steps (static input: the first layer's currents are computed once).
 */
export function forward(
  net: CompiledNetwork,
  vars: WeightVariables,
  x: tf.Tensor3D,
  dtMs: number,
  ops: SpikeOps,
  reduce: 'count' | 'max' | 'mean',
  learned: Readonly<Record<string, LearnedParams>> = {},
  steps?: number,
): ForwardOutput {
  const graphReason = chainOnlyReason(net.spec);
  if (graphReason) throw new EngineError(`training runs chains only so far: ${graphReason}`);
  // x of one step with `steps` > 1 is an input held for every step: its currents are computed once.
  const [X, B, N] = x.shape;
  const T = steps ?? X;
  const layers = net.spec.layers;
  const inShape = net.shapes[0] ?? [N];
  let firstCurrents: tf.Tensor[] | undefined;
  const first = layers[1];
  if (first?.kind === 'dense' && inShape.length === 1) {
    const w = vars[first.name];
    if (!w) throw new EngineError(`no weights for '${first.name}'`);
    const currents = tf.matMul(tf.reshape(x, [X * B, N]), w);
    // unstack's gradient fails on a single slice: a held input is just reshaped.
    firstCurrents = X === 1 ? [currents] : tf.unstack(tf.reshape(currents, [X, B, first.units]));
  }
  const xs = firstCurrents ? undefined : X === 1 ? [tf.reshape(x, [B, N])] : tf.unstack(x);
  const states: Record<number, TfState> = {};
  const readout: Record<number, { m: tf.Tensor; max: tf.Tensor; sum: tf.Tensor }> = {};
  let spikeTotal: tf.Tensor = tf.scalar(0);
  const layerSpikes: Record<number, tf.Tensor> = {};
  let neuronSteps = 0;
  let last: tf.Tensor = tf.zeros([B, 1]);
  let counts: tf.Tensor | undefined;
  layers.forEach((l, i) => {
    const shape = [B, ...(net.shapes[i] ?? [1])];
    if (l.kind === 'spiking') states[i] = tfNeuronInit(l.neuron.model, shape, l.neuron);
    if (l.kind === 'readout') readout[i] = { m: tf.zeros(shape), max: tf.fill(shape, -Infinity), sum: tf.zeros(shape) };
  });
  for (let t = 0; t < T; t++) {
    const ctx = { dtMs, t, steps: T };
    const tx = X === 1 ? 0 : t;
    let h: tf.Tensor = xs ? tf.reshape(xs[tx] as tf.Tensor, [B, ...inShape]) : tf.zeros([B, N]);
    for (let i = 1; i < layers.length; i++) {
      const l = layers[i];
      if (!l) continue;
      switch (l.kind) {
        case 'dense':
          h = i === 1 && firstCurrents ? (firstCurrents[tx] as tf.Tensor) : tf.matMul(tf.reshape(h, [B, -1]), vars[l.name] as tf.Tensor);
          break;
        case 'conv2d':
          {
          const win = windowOf(l);
          h = tf.conv2d(h as tf.Tensor4D, vars[l.name] as unknown as tf.Tensor4D, win.stride, win.padding);
          }
          break;
        case 'pool2d': {
          const { k, stride: s } = windowOf(l);
          h = l.mode === 'max' ? tf.maxPool(h as tf.Tensor4D, k, s, 'valid') : l.mode === 'avg' ? tf.avgPool(h as tf.Tensor4D, k, s, 'valid') : tf.mul(tf.avgPool(h as tf.Tensor4D, k, s, 'valid'), k * k);
          break;
        }
        case 'flatten':
          h = tf.reshape(h, [B, -1]);
          break;
        case 'spiking': {
          const res = tfNeuronStep(l.neuron.model)(states[i] ?? {}, h, l.neuron, ctx, ops, learned[l.name]);
          states[i] = res.state;
          h = res.spikes;
          const sum = tf.sum(h);
          spikeTotal = tf.add(spikeTotal, sum);
          const prev = layerSpikes[i];
          layerSpikes[i] = prev ? tf.add(prev, sum) : sum;
          neuronSteps += h.size;
          if (i === layers.length - 1) counts = counts ? tf.add(counts, h) : h;
          break;
        }
        case 'readout': {
          const r = readout[i];
          if (!r) break;
          const m = l.mode === 'count' ? tf.add(r.m, h) : tf.add(tf.mul(l.beta, r.m), h);
          readout[i] = { m, max: tf.maximum(r.max, m), sum: tf.add(r.sum, m) };
          h = m;
          break;
        }
        case 'input':
          break;
      }
    }
    last = h;
  }
  const lastLayer = layers[layers.length - 1];
  const r = readout[layers.length - 1];
  let logits: tf.Tensor;
  if (lastLayer?.kind === 'readout' && r) logits = lastLayer.mode === 'count' || reduce === 'count' ? r.m : reduce === 'max' ? r.max : tf.div(r.sum, T);
  else logits = counts ?? last;
  const perLayer = Object.values(layerSpikes);
  return {
    logits: tf.reshape(logits, [B, -1]) as tf.Tensor2D,
    rate: tf.div(spikeTotal, Math.max(1, neuronSteps)) as tf.Scalar,
    layerSpikes: (perLayer.length > 0 ? tf.stack(perLayer) : tf.zeros([0])) as tf.Tensor1D,
  };
}
