import * as tf from '@tensorflow/tfjs';
import type { IzhikevichParams } from './izhikevich.ts';
import type { TfState, TfStepResult } from './tfTypes.ts';
import type { StepContext } from './types.ts';

/** The Izhikevich step of izhikevich.ts on tensors, same operation order. */
export function izhikevichTfStep(state: TfState, input: tf.Tensor, p: IzhikevichParams, ctx: StepContext): TfStepResult {
  const v = state['v'] as tf.Tensor;
  const u = state['u'] as tf.Tensor;
  const dt = tf.scalar(ctx.dtMs);
  const quad = tf.add(tf.add(tf.mul(tf.scalar(0.04), tf.mul(v, v)), tf.mul(tf.scalar(5), v)), tf.scalar(140));
  const vn = tf.add(v, tf.mul(dt, tf.add(tf.sub(quad, u), input)));
  const un = tf.add(u, tf.mul(dt, tf.mul(tf.scalar(p.a), tf.sub(tf.mul(tf.scalar(p.b), v), u))));
  const spike = tf.greaterEqual(vn, tf.scalar(p.vPeakMv));
  return {
    spikes: spike.cast('float32'),
    state: { v: tf.where(spike, tf.fill(vn.shape, p.c), vn), u: tf.where(spike, tf.add(un, tf.scalar(p.d)), un) },
  };
}
