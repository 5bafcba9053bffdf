import * as tf from '@tensorflow/tfjs';
import type { IfParams } from './if.ts';
import { INFERENCE_OPS, type LearnedParams, type SpikeOps, type TfState, type TfStepResult } from './tfTypes.ts';

/** The IF step of if.ts on tensors, same operation order. */
export function ifTfStep(state: TfState, input: tf.Tensor, p: IfParams, ops: SpikeOps = INFERENCE_OPS, learned: LearnedParams = {}): TfStepResult {
  const v = state['v'] as tf.Tensor;
  const s = ops.detach(state['s'] as tf.Tensor);
  const theta = learned.threshold ?? tf.scalar(p.threshold);
  const m = p.reset === 'subtract' ? tf.sub(tf.add(v, input), tf.mul(theta, s)) : tf.add(tf.mul(v, tf.sub(1, s)), input);
  const spikes = ops.fire(m, theta);
  return { spikes, state: { v: m, s: spikes } };
}
