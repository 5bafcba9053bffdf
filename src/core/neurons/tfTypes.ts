import * as tf from '@tensorflow/tfjs';

/** Neuron state on tfjs: one tensor per state variable, same keys as the typed-array state. */
export type TfState = Readonly<Record<string, tf.Tensor>>;

/** Neuron parameters that training may learn (one scalar per layer, as snnTorch's learn_beta). */
export type LearnableParam = 'beta' | 'threshold' | 'adaptation';

/**
 * Learned parameters handed to a tfjs step as tensors (so gradients reach them); each one given
 * replaces the value from the spec. Empty at inference: the trained values are written back into
 * the spec, so every engine reads them from there.
 */
export type LearnedParams = Readonly<Partial<Record<LearnableParam, tf.Tensor>>>;

/** Result of a tfjs neuron step. */
export interface TfStepResult {
  readonly spikes: tf.Tensor;
  readonly state: TfState;
}

/**
 * How a tfjs step makes spikes. Inference compares with a hard threshold; training (train/)
 * substitutes a surrogate-gradient spike function and stops gradients through the reset, as
 * snnTorch does. One step body per model serves both.
 */
export interface SpikeOps {
  /** Spikes of membrane v against threshold th (both broadcastable). */
  fire(v: tf.Tensor, th: tf.Tensor): tf.Tensor;
  /** The value with its gradient stopped (identity at inference). */
  detach(x: tf.Tensor): tf.Tensor;
  /** True when gradients are taken (graded models switch to straight-through estimators). */
  readonly training: boolean;
}

/** Hard threshold, no gradient tricks: the inference engine's spike function (strict >). */
export const INFERENCE_OPS: SpikeOps = {
  fire: (v, th) => tf.cast(tf.greater(v, th), 'float32'),
  detach: (x) => x,
  training: false,
};
