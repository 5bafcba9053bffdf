import * as tf from '@tensorflow/tfjs';
import { detach, spikeFunction } from '../train/surrogate.ts';
import { W1_SIZES, w1Input, w1Network, w2Labels } from './canonical.ts';

/** A W2 trainer: one call = one training step on the fixed batch; returns the loss read back. */
export interface W2Trainer {
  step(): Promise<number>;
  dispose(): void;
}

/**
 * W2 of WORKLOADS.md on the active tfjs backend: W1's forward pass with autograd (LIF β 0.9, θ 1,
 * reset by subtraction with the reset term detached), fast-sigmoid surrogate (slope 25), spike
 * counts as logits, mean softmax cross-entropy, Adam (lr 1e-3, β 0.9/0.999, ε 1e-8) on W1 and W2.
 */
export function createW2Trainer(): W2Trainer {
  const net = w1Network();
  const inp = w1Input();
  const { steps, batch, inputs, hidden, outputs } = W1_SIZES;
  const fc1 = net.weights['fc1'];
  const fc2 = net.weights['fc2'];
  if (!fc1 || !fc2) throw new Error('W1 weights missing');
  // tf.variable keeps its initial tensor alive: create, wrap, free.
  const t1 = tf.tensor2d(fc1.values, [inputs, hidden]);
  const t2 = tf.tensor2d(fc2.values, [hidden, outputs]);
  const w1 = tf.variable(t1, true);
  const w2 = tf.variable(t2, true);
  tf.dispose([t1, t2]);
  const x = tf.tensor3d(inp.values, [steps, batch, inputs]);
  const labels = tf.tidy(() => tf.oneHot(tf.tensor1d(w2Labels(), 'int32'), outputs));
  const spike = spikeFunction('fastSigmoid', 25);
  const optimizer = tf.train.adam(1e-3, 0.9, 0.999, 1e-8);
  const beta = tf.scalar(0.9);
  const loss = (): tf.Scalar => {
    // All 100 layer-1 currents in one GEMM: state does not feed back into layer 1.
    const cur1 = tf.reshape(tf.matMul(tf.reshape(x, [steps * batch, inputs]), w1), [steps, batch, hidden]);
    const cur1s = tf.unstack(cur1);
    let m1: tf.Tensor = tf.zeros([batch, hidden]);
    let m2: tf.Tensor = tf.zeros([batch, outputs]);
    let s1: tf.Tensor = tf.zeros([batch, hidden]);
    let s2: tf.Tensor = tf.zeros([batch, outputs]);
    let counts: tf.Tensor = tf.zeros([batch, outputs]);
    for (let t = 0; t < steps; t++) {
      m1 = tf.sub(tf.add(tf.mul(beta, m1), cur1s[t] as tf.Tensor), detach(s1));
      s1 = spike(tf.sub(m1, 1));
      m2 = tf.sub(tf.add(tf.mul(beta, m2), tf.matMul(s1, w2)), detach(s2));
      s2 = spike(tf.sub(m2, 1));
      counts = tf.add(counts, s2);
    }
    return tf.losses.softmaxCrossEntropy(labels, counts) as tf.Scalar;
  };
  return {
    async step() {
      const value = optimizer.minimize(loss, true, [w1, w2]);
      if (!value) throw new Error('the optimizer returned no loss');
      const v = (await value.data())[0] ?? NaN;
      value.dispose();
      return v;
    },
    dispose() {
      tf.dispose([w1, w2, x, labels, beta]);
      optimizer.dispose();
    },
  };
}
