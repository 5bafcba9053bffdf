import * as tf from '@tensorflow/tfjs';
import { ssfWindowEnds, type SsfParams } from './ssf.ts';
import { INFERENCE_OPS, type LearnedParams, type SpikeOps, type TfState, type TfStepResult } from './tfTypes.ts';
import type { StepContext } from './types.ts';

/** The SSF step of ssf.ts on tensors, same operation order. */
export function ssfTfStep(state: TfState, input: tf.Tensor, p: SsfParams, ctx: StepContext, ops: SpikeOps = INFERENCE_OPS, learned: LearnedParams = {}): TfStepResult {
  const acc = tf.add(state['v'] as tf.Tensor, input);
  if (!ssfWindowEnds(p, ctx)) return { spikes: tf.zerosLike(acc), state: { v: acc } };
  const ratio = tf.div(acc, learned.threshold ?? tf.scalar(p.threshold));
  const count = tf.clipByValue(ops.training ? floorStraightThrough(ratio) : tf.floor(ratio), 0, p.maxSpikes);
  return { spikes: count, state: { v: tf.zerosLike(acc) } };
}

/** floor() forward, identity gradient backward (straight-through estimator, Bengio et al. 2013). */
const floorStraightThrough: (x: tf.Tensor) => tf.Tensor = tf.customGrad((x) => ({
  value: tf.floor(x as tf.Tensor),
  gradFunc: (dy) => dy,
})) as (x: tf.Tensor) => tf.Tensor;
