import * as tf from '@tensorflow/tfjs';
import { alifDecays, type AlifParams } from './alif.ts';
import { INFERENCE_OPS, type LearnedParams, type SpikeOps, type TfState, type TfStepResult } from './tfTypes.ts';
import type { StepContext } from './types.ts';

/** The ALIF step of alif.ts on tensors, same operation order. */
export function alifTfStep(state: TfState, input: tf.Tensor, p: AlifParams, ctx: StepContext, ops: SpikeOps = INFERENCE_OPS, learned: LearnedParams = {}): TfStepResult {
  const { beta, rho } = alifDecays(p, ctx.dtMs);
  const s = ops.detach(state['s'] as tf.Tensor);
  const a = tf.add(tf.mul(tf.scalar(rho), state['a'] as tf.Tensor), s);
  const th = tf.add(learned.threshold ?? tf.scalar(p.threshold), tf.mul(learned.adaptation ?? tf.scalar(p.adaptation), a));
  const v = tf.sub(tf.add(tf.mul(learned.beta ?? tf.scalar(beta), state['v'] as tf.Tensor), input), tf.mul(state['th'] as tf.Tensor, s));
  const spikes = ops.fire(v, th);
  return { spikes, state: { v, a, s: spikes, th } };
}
