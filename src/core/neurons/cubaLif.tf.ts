import * as tf from '@tensorflow/tfjs';
import { cubaDecays, type CubaLifParams } from './cubaLif.ts';
import { INFERENCE_OPS, type LearnedParams, type SpikeOps, type TfState, type TfStepResult } from './tfTypes.ts';
import type { StepContext } from './types.ts';

/** The current-based LIF step of cubaLif.ts on tensors, same operation order. */
export function cubaLifTfStep(state: TfState, input: tf.Tensor, p: CubaLifParams, ctx: StepContext, ops: SpikeOps = INFERENCE_OPS, learned: LearnedParams = {}): TfStepResult {
  const { alpha, beta } = cubaDecays(p, ctx.dtMs);
  const theta = learned.threshold ?? tf.scalar(p.threshold);
  const i = tf.add(tf.mul(tf.scalar(alpha), state['i'] as tf.Tensor), input);
  const v = tf.sub(tf.add(tf.mul(learned.beta ?? tf.scalar(beta), state['v'] as tf.Tensor), i), tf.mul(theta, ops.detach(state['s'] as tf.Tensor)));
  const spikes = ops.fire(v, theta);
  return { spikes, state: { i, v, s: spikes } };
}
