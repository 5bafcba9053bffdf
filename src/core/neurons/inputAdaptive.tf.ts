import * as tf from '@tensorflow/tfjs';
import { inputAdaptiveDecays, type InputAdaptiveParams } from './inputAdaptive.ts';
import { INFERENCE_OPS, type LearnedParams, type SpikeOps, type TfState, type TfStepResult } from './tfTypes.ts';
import type { StepContext } from './types.ts';

/**
 * The input-adaptive step of inputAdaptive.ts on tensors, same operation order. The statistics
 * read the input with its gradient stopped: they are slow averages, and √q at q = 0 would give an
 * infinite gradient; the surrogate gradient flows through the membrane.
 */
export function inputAdaptiveTfStep(state: TfState, input: tf.Tensor, p: InputAdaptiveParams, ctx: StepContext, ops: SpikeOps = INFERENCE_OPS, learned: LearnedParams = {}): TfStepResult {
  const { beta, a, oneMinusA } = inputAdaptiveDecays(p, ctx.dtMs);
  const x = ops.detach(input);
  const s = ops.detach(state['s'] as tf.Tensor);
  const m = tf.add(tf.mul(tf.scalar(a), state['m'] as tf.Tensor), tf.mul(tf.scalar(oneMinusA), x));
  const d = tf.sub(x, m);
  const q = tf.add(tf.mul(tf.scalar(a), state['q'] as tf.Tensor), tf.mul(tf.scalar(oneMinusA), tf.mul(d, d)));
  const spread = tf.add(m, tf.mul(tf.scalar(p.spreadGain), tf.sqrt(q)));
  const th = tf.maximum(tf.scalar(p.thresholdFloor), tf.add(learned.threshold ?? tf.scalar(p.threshold), tf.mul(tf.scalar(p.inputGain), spread)));
  const v = tf.sub(tf.add(tf.mul(learned.beta ?? tf.scalar(beta), state['v'] as tf.Tensor), input), tf.mul(state['th'] as tf.Tensor, s));
  const spikes = ops.fire(v, th);
  return { spikes, state: { v, m, q, s: spikes, th } };
}
