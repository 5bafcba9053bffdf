import * as tf from '@tensorflow/tfjs';

/**
 * Surrogate derivatives of the spike function s = H(x) (x = v − θ), as pure functions of x and a
 * slope k. The forward pass is always the Heaviside step; the backward pass uses one of these.
 * Sources: Zenke & Ganguli 2018 (fast sigmoid / SuperSpike), Fang et al. 2021 (arctan),
 * Bellec et al. 2018 (triangle).
 */
export const SURROGATES = {
  /** d/dx ≈ 1 / (k|x| + 1)² — snnTorch `fast_sigmoid(slope=k)`. */
  fastSigmoid: (x: number, k: number): number => 1 / (k * Math.abs(x) + 1) ** 2,
  /** d/dx ≈ (1/π) / (1 + (πkx/2)²)·(k/2)·π — the derivative of (1/π)·arctan(πkx/2) + ½. */
  arctan: (x: number, k: number): number => k / 2 / (1 + ((Math.PI * k * x) / 2) ** 2),
  /** d/dx ≈ max(0, 1 − k|x|)·k (a triangle of area 1). */
  triangle: (x: number, k: number): number => Math.max(0, 1 - k * Math.abs(x)) * k,
} as const;

/** Name of a surrogate. */
export type SurrogateName = keyof typeof SURROGATES;

/** The same derivatives on tensors (for the backward pass). */
function surrogateGrad(name: SurrogateName, x: tf.Tensor, k: number): tf.Tensor {
  switch (name) {
    case 'fastSigmoid':
      return tf.div(1, tf.square(tf.add(tf.mul(k, tf.abs(x)), 1)));
    case 'arctan':
      return tf.div(k / 2, tf.add(1, tf.square(tf.mul((Math.PI * k) / 2, x))));
    case 'triangle':
      return tf.mul(tf.relu(tf.sub(1, tf.mul(k, tf.abs(x)))), k);
  }
}

/** Checks a surrogate name; an unknown one gets an error listing the supported names. */
export function surrogateName(name: string): SurrogateName {
  if (name in SURROGATES) return name as SurrogateName;
  throw new Error(`unknown surrogate '${name}'; supported: ${Object.keys(SURROGATES).join(', ')}`);
}

/** Heaviside forward, surrogate backward: the one tf.customGrad wrapper (STYLE.md 9). */
export function spikeFunction(name: SurrogateName, slope: number): (x: tf.Tensor) => tf.Tensor {
  return tf.customGrad((x, save) => {
    const input = x as tf.Tensor;
    (save as tf.GradSaveFunc)([input]);
    return {
      value: tf.cast(tf.greater(input, 0), 'float32'),
      gradFunc: (dy, saved) => tf.mul(dy, surrogateGrad(name, saved[0] as tf.Tensor, slope)),
    };
  }) as (x: tf.Tensor) => tf.Tensor;
}

/** Identity forward, zero gradient backward (tfjs has no stop_gradient). */
export const detach: (x: tf.Tensor) => tf.Tensor = tf.customGrad((x) => ({
  value: tf.clone(x as tf.Tensor),
  gradFunc: (dy) => tf.zerosLike(dy),
})) as (x: tf.Tensor) => tf.Tensor;
