import * as tf from '@tensorflow/tfjs';
import { maxCode, snapToGrid } from '../network/weightGrid.ts';
import type { NetworkWeights } from '../network/weights.ts';

/**
 * Quantisation-aware training (Jacob et al., CVPR 2018; SparrowSNN, arXiv 2406.06543): the forward
 * pass sees each weight tensor snapped to its symmetric per-layer grid of `bits` bits
 * (network/weightGrid.ts), while the gradient passes straight through to the float weights
 * (Bengio et al. 2013), so training learns weights that still work once rounded.
 */
export function fakeQuantise(w: tf.Tensor, bits: number): tf.Tensor {
  const ste = STRAIGHT_THROUGH[bits];
  if (!ste) throw new Error(`quantisation-aware training supports ${Object.keys(STRAIGHT_THROUGH).join(' and ')} bits, not ${bits}`);
  return ste(w);
}

/** Snap forward, identity backward: one customGrad per supported precision (its function takes tensors only). */
function straightThroughAt(bits: number): (w: tf.Tensor) => tf.Tensor {
  return tf.customGrad((w) => ({ value: snapTensor(w as tf.Tensor, bits), gradFunc: (dy) => dy })) as (w: tf.Tensor) => tf.Tensor;
}
const STRAIGHT_THROUGH: Readonly<Record<number, (w: tf.Tensor) => tf.Tensor>> = { 4: straightThroughAt(4), 8: straightThroughAt(8) };

/** round(w / s) · s with s = max|w| / (2^(b−1) − 1); an all-zero tensor stays zero. */
function snapTensor(w: tf.Tensor, bits: number): tf.Tensor {
  return tf.tidy(() => {
    const scale = tf.div(tf.max(tf.abs(w)), maxCode(bits));
    // Dividing by a zero scale gives NaN; a zero layer snaps to itself.
    const safe = tf.where(tf.greater(scale, 0), scale, tf.onesLike(scale));
    return tf.mul(tf.round(tf.div(w, safe)), safe);
  });
}

/** Every tensor of a weight set, fake-quantised for one forward pass. */
export function fakeQuantiseAll<T extends tf.Tensor>(vars: Readonly<Record<string, T>>, bits: number): Record<string, tf.Tensor> {
  return Object.fromEntries(Object.entries(vars).map(([k, v]) => [k, fakeQuantise(v, bits)]));
}

/** Weights snapped to their grids: what a quantisation-aware run returns, so scoring and mapping see the quantised model. */
export function snapWeights(weights: NetworkWeights, bits: number): NetworkWeights {
  return Object.fromEntries(Object.entries(weights).map(([k, w]) => [k, { shape: w.shape, values: snapToGrid(w.values, bits) }]));
}
