import * as tf from '@tensorflow/tfjs';
import type { CompiledNetwork } from '../engine/types.ts';
import { INFERENCE_OPS } from '../neurons/tfTypes.ts';
import type { Rng } from '../rng.ts';
import type { TrainingConfig } from '../spec/trainingConfig.ts';
import { forward, type WeightTensors } from './forward.ts';
import type { NeuronVariables } from './neuronParams.ts';
import type { LabelledSet } from './trainer.ts';
import type { ActivityTally } from '../engine/activityTally.ts';
import { createTfActivityTally } from './tfActivityTally.ts';

/** A batch as a [T, B, N] tensor from per-sample [T × N] arrays ([1, B, N] for a held set). */
export function batchTensor(set: LabelledSet, idx: readonly number[]): tf.Tensor3D {
  const { neurons: N } = set;
  const T = set.held ? 1 : set.steps;
  const B = idx.length;
  const out = new Float32Array(T * B * N);
  idx.forEach((s, b) => {
    const x = set.inputs[s] as Float32Array;
    for (let t = 0; t < T; t++) out.set(x.subarray(t * N, (t + 1) * N), (t * B + b) * N);
  });
  return tf.tensor3d(out, [T, B, N]);
}

/** Seeded Fisher–Yates permutation of 0…n−1. */
export function shuffle(n: number, rng: Rng): number[] {
  const a = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [a[i], a[j]] = [a[j] as number, a[i] as number];
  }
  return a;
}

/** Predictions of a set at inference, with its mean cross-entropy and spikes per sample per layer. */
export interface SetScore {
  readonly pred: Int32Array;
  readonly loss: number;
  readonly layerSpikes: Readonly<Record<string, number>>;
}

/**
 * Scores samples in batches at inference (hard threshold): classes, loss and spike counts. With
 * `activity`, each batch's run also counts what NeuroBench's metrics need into it.
 */
export function scoreSet(
  net: CompiledNetwork,
  vars: WeightTensors,
  set: LabelledSet,
  idx: readonly number[],
  dtMs: number,
  cfg: TrainingConfig,
  learned: NeuronVariables = {},
  activity?: ActivityTally,
): SetScore {
  const pred = new Int32Array(idx.length);
  const spiking = net.spec.layers.filter((l) => l.kind === 'spiking').map((l) => l.name);
  const spikes = new Float64Array(spiking.length);
  let lossSum = 0;
  for (let b = 0; b < idx.length; b += cfg.batchSize) {
    const part = idx.slice(b, b + cfg.batchSize);
    const tally = activity ? createTfActivityTally() : undefined;
    const [p, l, s] = tf.tidy(() => {
      const out = forward(net, vars, batchTensor(set, part), dtMs, INFERENCE_OPS, cfg.loss, learned, set.steps, tally);
      const y = tf.oneHot(tf.tensor1d(Int32Array.from(part, (i) => set.labels[i] as number), 'int32'), set.classes);
      // The tally's tensors leave the tidy with the results (tf.keep), to be read below.
      tally?.tensors().forEach((t) => tf.keep(t));
      return [tf.argMax(out.logits, 1), tf.mul(tf.losses.softmaxCrossEntropy(y, out.logits), part.length), out.layerSpikes];
    });
    if (activity && tally) {
      tally.readInto(activity);
      activity.samples += part.length;
      activity.steps = set.steps;
    }
    pred.set(p.dataSync() as Int32Array, b);
    lossSum += l.dataSync()[0] ?? NaN;
    (s.dataSync() as Float32Array).forEach((v, k) => (spikes[k] = (spikes[k] ?? 0) + v));
    tf.dispose([p, l, s]);
  }
  const n = Math.max(1, idx.length);
  return { pred, loss: lossSum / n, layerSpikes: Object.fromEntries(spiking.map((name, k) => [name, (spikes[k] ?? 0) / n])) };
}

/** Predicted classes of samples (inference spikes: hard threshold), in batches. */
export function predict(net: CompiledNetwork, vars: WeightTensors, set: LabelledSet, idx: readonly number[], dtMs: number, cfg: TrainingConfig, learned: NeuronVariables = {}): Int32Array {
  return scoreSet(net, vars, set, idx, dtMs, cfg, learned).pred;
}
