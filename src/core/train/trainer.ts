import * as tf from '@tensorflow/tfjs';
import type { CompiledNetwork } from '../engine/types.ts';
import type { AbortSignalLike } from '../errors.ts';
import type { NetworkWeights } from '../network/weights.ts';
import { INFERENCE_OPS, type SpikeOps } from '../neurons/tfTypes.ts';
import type { Rng } from '../rng.ts';
import type { TrainingConfig } from './config.ts';
import { createVariables, forward, type WeightVariables } from './forward.ts';
import { classMetrics, type ClassMetrics } from './metrics.ts';
import { detach, spikeFunction } from './surrogate.ts';

/** Labelled samples of equal length: inputs[i] is [steps × neurons] (one sample's encoded input). */
export interface LabelledSet {
  readonly inputs: readonly Float32Array[];
  readonly labels: Int32Array;
  readonly steps: number;
  readonly neurons: number;
  readonly classes: number;
}

/** What one epoch did. */
export interface EpochReport {
  readonly epoch: number;
  readonly loss: number;
  readonly trainAccuracy: number;
  readonly valAccuracy: number;
  /** Mean spikes per neuron per step of the hidden layers on the last batch. */
  readonly rate: number;
  readonly msPerBatch: number;
}

/** Hooks of a training run: progress, cancellation (keeps the best weights) and a pause gate. */
export interface TrainHooks {
  readonly signal?: AbortSignalLike;
  onEpoch?(r: EpochReport): void;
  onBatch?(done: number, total: number): void;
  /** Awaited between batches: resolve later to pause. */
  gate?(): Promise<void>;
}

/** Result: best weights (by validation accuracy), history, validation metrics of the best weights. */
export interface TrainResult {
  readonly weights: NetworkWeights;
  readonly history: readonly EpochReport[];
  readonly bestEpoch: number;
  readonly validation: ClassMetrics;
  readonly stoppedEarly: boolean;
  readonly cancelled: boolean;
}

/** A batch as a [T, B, N] tensor from per-sample [T × N] arrays. */
function batchTensor(set: LabelledSet, idx: readonly number[]): tf.Tensor3D {
  const { steps: T, neurons: N } = set;
  const B = idx.length;
  const out = new Float32Array(T * B * N);
  idx.forEach((s, b) => {
    const x = set.inputs[s] as Float32Array;
    for (let t = 0; t < T; t++) out.set(x.subarray(t * N, (t + 1) * N), (t * B + b) * N);
  });
  return tf.tensor3d(out, [T, B, N]);
}

function shuffle(n: number, rng: Rng): number[] {
  const a = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [a[i], a[j]] = [a[j] as number, a[i] as number];
  }
  return a;
}

function snapshot(vars: WeightVariables, net: CompiledNetwork): NetworkWeights {
  const out: Record<string, { shape: readonly number[]; values: Float32Array }> = {};
  for (const [k, v] of Object.entries(vars)) out[k] = { shape: net.weights[k]?.shape ?? v.shape, values: v.dataSync() as Float32Array };
  return out;
}

const reduceOf = (cfg: TrainingConfig) => (cfg.loss === 'ceMaxMembrane' ? 'max' : cfg.loss === 'ceMeanMembrane' ? 'mean' : 'count');

/** Predicted classes of samples (inference spikes: hard threshold), in batches. */
export function predict(net: CompiledNetwork, vars: WeightVariables, set: LabelledSet, idx: readonly number[], dtMs: number, cfg: TrainingConfig): Int32Array {
  const out = new Int32Array(idx.length);
  for (let b = 0; b < idx.length; b += cfg.batchSize) {
    const part = idx.slice(b, b + cfg.batchSize);
    const p = tf.tidy(() => tf.argMax(forward(net, vars, batchTensor(set, part), dtMs, INFERENCE_OPS, reduceOf(cfg)).logits, 1));
    out.set(p.dataSync() as Int32Array, b);
    p.dispose();
  }
  return out;
}

/**
 * Backpropagation through time with surrogate gradients: for each batch the loss (softmax cross
 * entropy on the logits, class-weighted if asked, or MSE of spike counts to 20 % of the steps for
 * the true class) plus the rate penalty and weight decay is differentiated with tf.variableGrads,
 * clipped to a global norm and applied by Adam or SGD with momentum. Validation accuracy picks the
 * best epoch; patience stops early; cancelling keeps the best weights so far.
 */
export async function trainNetwork(net: CompiledNetwork, set: LabelledSet, cfg: TrainingConfig, dtMs: number, rng: Rng, hooks: TrainHooks = {}): Promise<TrainResult> {
  const order = shuffle(set.labels.length, rng.fork('split'));
  const nVal = Math.round(order.length * cfg.validationFraction);
  const val = order.slice(0, nVal);
  const trainIdx = order.slice(nVal);
  const counts = new Array<number>(set.classes).fill(0);
  for (const i of trainIdx) counts[set.labels[i] as number]! += 1;
  const classWeight = counts.map((c) => (cfg.classWeighting === 'balanced' && c > 0 ? trainIdx.length / (set.classes * c) : 1));
  const vars = createVariables(net);
  const varList = Object.values(vars);
  let lr = cfg.learningRate;
  const optimizer = cfg.optimizer === 'adam' ? tf.train.adam(lr, 0.9, 0.999, 1e-8) : tf.train.momentum(lr, cfg.momentum);
  const ops: SpikeOps = { fire: ((fn) => (v: tf.Tensor, th: tf.Tensor) => fn(tf.sub(v, th)))(spikeFunction(cfg.surrogate.name, cfg.surrogate.slope)), detach, training: true };
  const history: EpochReport[] = [];
  let best = { epoch: -1, acc: -1, weights: snapshot(vars, net) };
  let stale = 0;
  let cancelled = false;
  let stoppedEarly = false;
  const batches = Math.ceil(trainIdx.length / cfg.batchSize);
  try {
    for (let epoch = 0; epoch < cfg.epochs && !cancelled; epoch++) {
      const perm = shuffle(trainIdx.length, rng.fork(`epoch${epoch}`)).map((k) => trainIdx[k] as number);
      let lossSum = 0;
      let rate = 0;
      const started = Date.now();
      for (let b = 0; b < batches; b++) {
        if (hooks.signal?.aborted) {
          cancelled = true;
          break;
        }
        await hooks.gate?.();
        const idx = perm.slice(b * cfg.batchSize, (b + 1) * cfg.batchSize);
        const stepLoss = tf.tidy(() => {
          const x = batchTensor(set, idx);
          const y = tf.oneHot(tf.tensor1d(Int32Array.from(idx, (i) => set.labels[i] as number), 'int32'), set.classes);
          const w = tf.tensor1d(idx.map((i) => classWeight[set.labels[i] as number] ?? 1));
          const { value, grads } = tf.variableGrads(() => {
            const out = forward(net, vars, x, dtMs, ops, reduceOf(cfg));
            rate = out.rate.dataSync()[0] ?? 0;
            let loss: tf.Scalar =
              cfg.loss === 'mseCount'
                ? (tf.mean(tf.mul(tf.mean(tf.square(tf.sub(out.logits, tf.mul(y, 0.2 * set.steps))), 1), w)) as tf.Scalar)
                : (tf.losses.softmaxCrossEntropy(y, out.logits, w) as tf.Scalar);
            if (cfg.rateRegularization > 0) loss = tf.add(loss, tf.mul(cfg.rateRegularization, out.rate));
            if (cfg.weightDecay > 0) for (const v of varList) loss = tf.add(loss, tf.mul(cfg.weightDecay / 2, tf.sum(tf.square(v))));
            return loss;
          }, varList);
          const clipped = cfg.clipNorm > 0 ? clipByGlobalNorm(grads, cfg.clipNorm) : grads;
          optimizer.applyGradients(Object.entries(clipped).map(([name, tensor]) => ({ name, tensor })));
          return value;
        });
        lossSum += stepLoss.dataSync()[0] ?? NaN;
        stepLoss.dispose();
        hooks.onBatch?.(b + 1, batches);
        // Give the worker's event loop a turn: pause, cancel and progress messages get through.
        await new Promise<void>((r) => setTimeout(r, 0));
      }
      if (cancelled && epoch > 0) break;
      const trainPred = predict(net, vars, set, trainIdx.slice(0, 512), dtMs, cfg);
      const trainAcc = classMetrics(Int32Array.from(trainIdx.slice(0, 512), (i) => set.labels[i] as number), trainPred, set.classes).accuracy;
      const valIdx = val.length > 0 ? val : trainIdx;
      const valAcc = classMetrics(Int32Array.from(valIdx, (i) => set.labels[i] as number), predict(net, vars, set, valIdx, dtMs, cfg), set.classes).accuracy;
      const report = { epoch, loss: lossSum / Math.max(1, batches), trainAccuracy: trainAcc, valAccuracy: valAcc, rate, msPerBatch: (Date.now() - started) / Math.max(1, batches) };
      history.push(report);
      hooks.onEpoch?.(report);
      if (valAcc > best.acc) {
        best = { epoch, acc: valAcc, weights: snapshot(vars, net) };
        stale = 0;
      } else if (cfg.patience > 0 && ++stale >= cfg.patience) {
        stoppedEarly = true;
        break;
      }
      lr *= cfg.lrDecay;
      // Both optimisers read `learningRate` at every update; tfjs keeps it as a plain field.
      (optimizer as unknown as { learningRate: number }).learningRate = lr;
    }
    const bestVars = createVariablesFrom(best.weights, net);
    const valIdx = val.length > 0 ? val : trainIdx;
    const validation = classMetrics(Int32Array.from(valIdx, (i) => set.labels[i] as number), predict(net, bestVars, set, valIdx, dtMs, cfg), set.classes);
    tf.dispose(Object.values(bestVars));
    return { weights: best.weights, history, bestEpoch: best.epoch, validation, stoppedEarly, cancelled };
  } finally {
    tf.dispose(varList);
    optimizer.dispose();
  }
}

function createVariablesFrom(weights: NetworkWeights, net: CompiledNetwork): WeightVariables {
  return createVariables({ ...net, weights });
}

/** Scales all gradients down together when their global L2 norm exceeds maxNorm. */
function clipByGlobalNorm(grads: Record<string, tf.Tensor>, maxNorm: number): Record<string, tf.Tensor> {
  const norm = tf.sqrt(tf.addN(Object.values(grads).map((g) => tf.sum(tf.square(g)))));
  const scale = tf.minimum(1, tf.div(maxNorm, tf.add(norm, 1e-12)));
  const out: Record<string, tf.Tensor> = {};
  for (const [k, g] of Object.entries(grads)) out[k] = tf.mul(g, scale);
  return out;
}
