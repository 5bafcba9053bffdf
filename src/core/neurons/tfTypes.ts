import type * as tf from '@tensorflow/tfjs';

/** Neuron state on tfjs: one tensor per state variable, same keys as the typed-array state. */
export type TfState = Readonly<Record<string, tf.Tensor>>;

/** Result of a tfjs neuron step. */
export interface TfStepResult {
  readonly spikes: tf.Tensor;
  readonly state: TfState;
}
