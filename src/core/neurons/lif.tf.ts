import * as tf from '@tensorflow/tfjs';
import { lifBeta, refractorySteps, type LifParams } from './lif.ts';
import { INFERENCE_OPS, type LearnedParams, type SpikeOps, type TfStepResult, type TfState } from './tfTypes.ts';
import type { StepContext } from './types.ts';

/**
 * The LIF step of lif.ts on tfjs tensors, with the same operation order so that spikes are
 * identical to the typed-array step. Call inside tf.tidy; returns new tensors only.
 */
export function lifTfStep(state: TfState, input: tf.Tensor, p: LifParams, ctx: StepContext, ops: SpikeOps = INFERENCE_OPS, learned: LearnedParams = {}): TfStepResult {
  const v = state['v'] as tf.Tensor;
  const s = ops.detach(state['s'] as tf.Tensor);
  const r = state['r'] as tf.Tensor;
  const beta = learned.beta ?? tf.scalar(lifBeta(p, ctx.dtMs));
  const theta = learned.threshold ?? tf.scalar(p.threshold);
  const refr = refractorySteps(p.refractoryMs, ctx.dtMs);
  const inp = refr > 0 ? tf.mul(input, tf.lessEqual(r, 0).cast('float32')) : input;
  const decayed = tf.mul(beta, v);
  let m: tf.Tensor;
  if (p.reset === 'subtract') m = tf.sub(tf.add(decayed, inp), tf.mul(theta, s));
  else if (p.reset === 'zero') m = tf.add(tf.mul(decayed, tf.sub(1, s)), inp);
  else m = tf.add(decayed, inp);
  const spikes = ops.fire(m, theta);
  const rNext = refr > 0 ? tf.where(tf.greater(spikes, 0), tf.fill(r.shape, refr), tf.maximum(tf.sub(r, 1), 0)) : r;
  return { spikes, state: { v: m, s: spikes, r: rNext } };
}
