import * as tf from '@tensorflow/tfjs';
import { ssfWindowEnds, type SsfParams } from './ssf.ts';
import type { TfState, TfStepResult } from './tfTypes.ts';
import type { StepContext } from './types.ts';

/** The SSF step of ssf.ts on tensors, same operation order. */
export function ssfTfStep(state: TfState, input: tf.Tensor, p: SsfParams, ctx: StepContext): TfStepResult {
  const acc = tf.add(state['v'] as tf.Tensor, input);
  if (!ssfWindowEnds(p, ctx)) return { spikes: tf.zerosLike(acc), state: { v: acc } };
  const count = tf.clipByValue(tf.floor(tf.div(acc, tf.scalar(p.threshold))), 0, p.maxSpikes);
  return { spikes: count, state: { v: tf.zerosLike(acc) } };
}
