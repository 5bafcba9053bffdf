import * as tf from '@tensorflow/tfjs';
import { EngineError } from '../../errors.ts';
import { convGeometry, poolGeometry } from '../../network/layerGeometry.ts';
import type { Shape } from '../../network/shapes.ts';
import { biasKey } from '../../network/weights.ts';
import type { Conv2dLayerSpec, DelayLayerSpec, LayerSpec, Pool2dLayerSpec } from '../../spec/network.ts';

/**
 * The stateless node operations of a graph on tfjs, shared by the engine (exact spikes) and by
 * training (the same ops under autograd), so both read a node the same way. Every op here has a
 * gradient on tfjs-cpu: dilation is done by a kernel with zeros between its taps (tfjs has no
 * gradient of a dilated conv2d) and padding by tf.pad (zeros add exactly 0 to every sum).
 */

/** Weights (and `<name>.bias`) by key, as tensors or trainable variables. */
export type TfWeights = Readonly<Record<string, tf.Tensor>>;

/** How sum pooling is computed: a depthwise conv with ones (exact counts) or avgPool × area (cheap gradient everywhere). */
export type SumPool = 'exact' | 'differentiable';

/** The sum of a node's inputs in edge order: float32 adds one by one, as the event engine and NIR sum edges. */
export function sumInputs(xs: readonly tf.Tensor[]): tf.Tensor {
  const [first, ...rest] = xs;
  if (!first) throw new EngineError('a node has no inputs');
  return rest.reduce<tf.Tensor>((a, b) => tf.add(a, b), first);
}

function weightOf(weights: TfWeights, key: string): tf.Tensor {
  const w = weights[key];
  if (!w) throw new EngineError(`no weights for '${key}'`);
  return w;
}

/** A kernel [kh, kw, c, f] spread to its dilated extent with zeros between the taps (exact, and differentiable). */
function dilateKernel(w: tf.Tensor4D, dh: number, dw: number): tf.Tensor4D {
  let k = w;
  const [kh, kw, c, f] = k.shape;
  if (dh > 1) {
    const spread = tf.pad(tf.reshape(k, [kh, 1, kw, c, f]), [[0, 0], [0, dh - 1], [0, 0], [0, 0], [0, 0]]);
    k = tf.slice(tf.reshape(spread, [kh * dh, kw, c, f]) as tf.Tensor4D, [0, 0, 0, 0], [dh * (kh - 1) + 1, kw, c, f]);
  }
  if (dw > 1) {
    const rows = k.shape[0];
    const spread = tf.pad(tf.reshape(k, [rows, kw, 1, c, f]), [[0, 0], [0, 0], [0, dw - 1], [0, 0], [0, 0]]);
    k = tf.slice(tf.reshape(spread, [rows, kw * dw, c, f]) as tf.Tensor4D, [0, 0, 0, 0], [rows, dw * (kw - 1) + 1, c, f]);
  }
  return k;
}

/** A conv2d node: explicit zero padding from layerGeometry, dilated kernel, groups as convolutions on channel slices. */
function conv(l: Conv2dLayerSpec, x: tf.Tensor4D, inShape: Shape, weights: TfWeights): tf.Tensor4D {
  const [h, w] = inShape;
  const g = convGeometry(l, h, w ?? 1);
  const [t, b, left, r] = g.pads;
  const padded = t + b + left + r > 0 ? tf.pad(x, [[0, 0], [t, b], [left, r], [0, 0]]) : x;
  const kernel = dilateKernel(weightOf(weights, l.name) as tf.Tensor4D, g.dh, g.dw);
  const stride: [number, number] = [g.sh, g.sw];
  let y: tf.Tensor4D;
  if (g.groups === 1) y = tf.conv2d(padded, kernel, stride, 'valid');
  else {
    // Group k reads channels [k·cIn/g, (k+1)·cIn/g) and owns filters [k·f/g, (k+1)·f/g).
    const xs = tf.split(padded, g.groups, 3);
    const ks = tf.split(kernel, g.groups, 3);
    y = tf.concat(xs.map((xi, k) => tf.conv2d(xi as tf.Tensor4D, ks[k] as tf.Tensor4D, stride, 'valid') as tf.Tensor4D), 3);
  }
  return l.bias ? tf.add(y, weightOf(weights, biasKey(l.name))) : y;
}

function pool(l: Pool2dLayerSpec, x: tf.Tensor4D, inShape: Shape, sumPool: SumPool): tf.Tensor4D {
  const g = poolGeometry(l, inShape[0], inShape[1] ?? 1);
  const size: [number, number] = [g.kh, g.kw];
  const stride: [number, number] = [g.sh, g.sw];
  if (l.mode === 'max') return tf.maxPool(x, size, stride, 'valid');
  if (l.mode === 'avg') return tf.avgPool(x, size, stride, 'valid');
  // Sum pooling as a depthwise conv with a kernel of ones is exact for spike counts.
  if (sumPool === 'exact') return tf.depthwiseConv2d(x, tf.ones([g.kh, g.kw, x.shape[3], 1]) as tf.Tensor4D, stride, 'valid');
  return tf.mul(tf.avgPool(x, size, stride, 'valid'), g.kh * g.kw);
}

/**
 * The output of a node without state (dense, conv2d, pool2d, flatten, relu, scale, identity, sum)
 * on its summed input `x` of shape [batch, ...inShape]; undefined for the kinds with state
 * (spiking, readout, accumulator, delay, input), which their caller steps.
 */
export function statelessNode(l: LayerSpec, x: tf.Tensor, inShape: Shape, weights: TfWeights, sumPool: SumPool): tf.Tensor | undefined {
  const batch = x.shape[0] ?? 1;
  switch (l.kind) {
    case 'dense': {
      const y = tf.matMul(tf.reshape(x, [batch, -1]), weightOf(weights, l.name));
      return l.bias ? tf.add(y, weightOf(weights, biasKey(l.name))) : y;
    }
    case 'conv2d':
      return conv(l, x as tf.Tensor4D, inShape, weights);
    case 'pool2d':
      return pool(l, x as tf.Tensor4D, inShape, sumPool);
    case 'flatten':
      return tf.reshape(x, [batch, -1]);
    case 'relu':
      return tf.relu(x);
    case 'scale':
      // One factor per element of a sample, broadcast over the batch: float32 products as the event engine's.
      return tf.mul(x, tf.reshape(weightOf(weights, l.name), [1, ...inShape]));
    case 'identity':
    case 'sum':
      return x;
    default:
      return undefined;
  }
}

/** How many of a delay node's inputs its caller keeps: the longest delay, plus this step's. */
export function delayDepth(l: DelayLayerSpec): number {
  return (Array.isArray(l.steps) ? l.steps.reduce((a, b) => Math.max(a, b), 0) : l.steps) + 1;
}

/**
 * A delay node's output from its inputs, newest first (`history[k]` is the input of k steps ago,
 * [batch, ...inShape]): every element reads the input of its own d steps ago, zero while the run is
 * shorter than d. Per-element delays select with tf.where (exact values, a gradient to each step's
 * input: a delay is a shift in time).
 */
export function delayedOutput(l: DelayLayerSpec, history: readonly tf.Tensor[], inShape: Shape): tf.Tensor {
  const now = history[0];
  if (!now) throw new EngineError(`delay '${l.name}' has no input`);
  if (!Array.isArray(l.steps)) return history[l.steps] ?? tf.zerosLike(now);
  const steps = l.steps;
  let out: tf.Tensor = tf.zerosLike(now);
  for (const d of new Set(steps)) {
    const past = history[d];
    if (!past) continue;
    const mask = tf.broadcastTo(tf.reshape(tf.tensor1d(steps.map((s) => (s === d ? 1 : 0)), 'bool'), [1, ...inShape]), now.shape);
    out = tf.where(mask, past, out);
  }
  return out;
}
