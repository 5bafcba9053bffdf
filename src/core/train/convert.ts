import * as tf from '@tensorflow/tfjs';
import type { Engine } from '../engine/types.ts';
import { compileNetwork } from '../network/compile.ts';
import type { NetworkWeights } from '../network/weights.ts';
import type { Rng } from '../rng.ts';
import { networkSchema } from '../spec/network.ts';

/** A static data set: rows of `features` values in [0, 1] and their class labels. */
export interface StaticSet {
  readonly x: Float32Array;
  readonly labels: Int32Array;
  readonly features: number;
  readonly classes: number;
}

/**
 * Trains the ANN twin of a fully connected SNN (same layer sizes, ReLU instead of spikes, no
 * biases: an IF neuron has none either) with softmax cross-entropy and Adam. Returns its weights
 * ([in, out] per layer, named fc1, fc2, …) and its accuracy on the training set.
 */
export async function trainAnnTwin(set: StaticSet, hidden: readonly number[], rng: Rng, epochs = 5, batch = 64, lr = 2e-3): Promise<{ weights: NetworkWeights; accuracy: number }> {
  const sizes = [set.features, ...hidden, set.classes];
  const vars = sizes.slice(1).map((out, i) => {
    const fanIn = sizes[i] as number;
    const a = Math.sqrt(6 / fanIn);
    const init = tf.tensor2d(Float32Array.from({ length: fanIn * out }, () => (2 * rng.next() - 1) * a), [fanIn, out]);
    const v = tf.variable(init, true);
    init.dispose();
    return v;
  });
  const net = (x: tf.Tensor2D): tf.Tensor => vars.reduce<tf.Tensor>((h, w, i) => (i < vars.length - 1 ? tf.relu(tf.matMul(h as tf.Tensor2D, w as tf.Tensor2D)) : tf.matMul(h as tf.Tensor2D, w as tf.Tensor2D)), x);
  const opt = tf.train.adam(lr);
  const n = set.labels.length;
  try {
    for (let e = 0; e < epochs; e++) {
      const order = Array.from({ length: n }, (_, i) => i);
      for (let i = n - 1; i > 0; i--) {
        const j = rng.int(i + 1);
        [order[i], order[j]] = [order[j] as number, order[i] as number];
      }
      for (let b = 0; b < n; b += batch) {
        const idx = order.slice(b, b + batch);
        tf.tidy(() => {
          const x = tf.tensor2d(Float32Array.from(idx.flatMap((k) => Array.from(set.x.subarray(k * set.features, (k + 1) * set.features)))), [idx.length, set.features]);
          const y = tf.oneHot(tf.tensor1d(Int32Array.from(idx, (k) => set.labels[k] as number), 'int32'), set.classes);
          opt.minimize(() => tf.losses.softmaxCrossEntropy(y, net(x)) as tf.Scalar, false, vars);
        });
        await new Promise<void>((r) => setTimeout(r, 0));
      }
    }
    const pred = tf.tidy(() => tf.argMax(net(tf.tensor2d(set.x, [n, set.features])), 1));
    const p = pred.dataSync();
    pred.dispose();
    let correct = 0;
    for (let i = 0; i < n; i++) if (p[i] === set.labels[i]) correct++;
    const weights: Record<string, { shape: readonly number[]; values: Float32Array }> = {};
    vars.forEach((v, i) => (weights[`fc${i + 1}`] = { shape: v.shape, values: v.dataSync() as Float32Array }));
    return { weights, accuracy: correct / n };
  } finally {
    tf.dispose(vars);
    opt.dispose();
  }
}

/** The p-th percentile (0–100) of the positive values of an array (0 if none are positive). */
export function percentile(values: Float32Array, p: number): number {
  const pos = Float32Array.from(values.filter((v) => v > 0)).sort();
  if (pos.length === 0) return 0;
  return pos[Math.min(pos.length - 1, Math.floor((p / 100) * pos.length))] as number;
}

/**
 * Data-based threshold balancing (Diehl et al. 2015; Rueckauer et al. 2017, "robust" 99.9th
 * percentile): with λ_l the percentile of layer l's ReLU activations on sample data (λ_0 = 1 for
 * inputs in [0, 1]), W_l ← W_l · λ_{l−1}/λ_l, so IF neurons with threshold 1 fire at rates
 * proportional to the ANN's normalised activations. The output layer is scaled the same way.
 */
export function balanceWeights(weights: NetworkWeights, sample: StaticSet, pct = 99.9): { weights: NetworkWeights; lambdas: number[] } {
  const names = Object.keys(weights).sort((a, b) => Number(a.slice(2)) - Number(b.slice(2)));
  const lambdas: number[] = [1];
  const out: Record<string, { shape: readonly number[]; values: Float32Array }> = {};
  let h = tf.tensor2d(sample.x, [sample.labels.length, sample.features]);
  names.forEach((name, i) => {
    const w = weights[name];
    if (!w) return;
    const a = tf.tidy(() => {
      const z = tf.matMul(h, tf.tensor2d(w.values, [w.shape[0] ?? 0, w.shape[1] ?? 0]));
      return i < names.length - 1 ? tf.relu(z) : z;
    });
    const lambda = Math.max(1e-6, percentile(a.dataSync() as Float32Array, pct));
    const prev = lambdas[i] ?? 1;
    out[name] = { shape: w.shape, values: w.values.map((v) => Math.fround((v * prev) / lambda)) };
    lambdas.push(lambda);
    h.dispose();
    h = a as tf.Tensor2D;
  });
  h.dispose();
  return { weights: out, lambdas };
}

/**
 * Accuracy of the converted SNN (IF neurons, reset by subtraction, threshold 1; input pixels as a
 * constant current for `steps` steps) on a set, by output spike count, for each number of steps.
 */
export async function snnAccuracy(engine: Engine, weights: NetworkWeights, hidden: readonly number[], set: StaticSet, stepsList: readonly number[]): Promise<{ steps: number; accuracy: number }[]> {
  const layers: unknown[] = [{ kind: 'input', name: 'in', shape: [set.features] }];
  [...hidden, set.classes].forEach((units, i) => layers.push({ kind: 'dense', name: `fc${i + 1}`, units }, { kind: 'spiking', name: `if${i + 1}`, neuron: { model: 'if', threshold: 1, reset: 'subtract' } }));
  const net = compileNetwork(networkSchema.parse({ layers }), weights, 0);
  const n = set.labels.length;
  const out: { steps: number; accuracy: number }[] = [];
  for (const steps of stepsList) {
    const values = new Float32Array(steps * n * set.features);
    for (let t = 0; t < steps; t++) values.set(set.x, t * n * set.features);
    const r = await engine.simulate(net, { steps, batch: n, neurons: set.features, values }, { dtMs: 1 });
    const last = r.layers[r.layers.length - 1];
    let correct = 0;
    for (let b = 0; b < n; b++) {
      const counts = new Array<number>(set.classes).fill(0);
      for (const id of last?.spikes[b]?.ids ?? []) counts[id]! += 1;
      const best = counts.indexOf(Math.max(...counts));
      if (best === set.labels[b]) correct++;
    }
    out.push({ steps, accuracy: correct / n });
  }
  return out;
}

/** Accuracy of the ANN twin (ReLU hidden layers, argmax output) with given weights on a set. */
export function annAccuracy(weights: NetworkWeights, set: StaticSet): number {
  const names = Object.keys(weights).sort((a, b) => Number(a.slice(2)) - Number(b.slice(2)));
  const pred = tf.tidy(() => {
    let h: tf.Tensor2D = tf.tensor2d(set.x, [set.labels.length, set.features]);
    names.forEach((name, i) => {
      const w = weights[name];
      if (!w) return;
      const z = tf.matMul(h, tf.tensor2d(w.values, [w.shape[0] ?? 0, w.shape[1] ?? 0]));
      h = (i < names.length - 1 ? tf.relu(z) : z) as tf.Tensor2D;
    });
    return tf.argMax(h, 1);
  });
  const p = pred.dataSync();
  pred.dispose();
  let correct = 0;
  for (let i = 0; i < set.labels.length; i++) if (p[i] === set.labels[i]) correct++;
  return correct / Math.max(1, set.labels.length);
}
