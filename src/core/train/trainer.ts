import * as tf from '@tensorflow/tfjs';
import type { CompiledNetwork } from '../engine/types.ts';
import type { AbortSignalLike } from '../errors.ts';
import type { NetworkWeights } from '../network/weights.ts';
import type { SpikeOps } from '../neurons/tfTypes.ts';
import type { Rng } from '../rng.ts';
import type { NetworkSpec } from '../spec/network.ts';
import { clampNeuronVariables, createNeuronVariables, neuronValues, neuronVariableList, withNeuronValues, type NeuronParamValues } from './neuronParams.ts';
import type { TrainingConfig } from './config.ts';
import { createVariables, forward, type WeightVariables } from './forward.ts';
import { batchTensor, predict, reduceOf, scoreSet, shuffle } from './inference.ts';
import { classMetrics, type ClassMetrics } from './metrics.ts';
import { detach, spikeFunction } from './surrogate.ts';

export { predict } from './inference.ts';

/** Labelled samples of equal length: inputs[i] is [steps × neurons] (one sample's encoded input). */
export interface LabelledSet {
  readonly inputs: readonly Float32Array[];
  readonly labels: Int32Array;
  readonly steps: number;
  readonly neurons: number;
  readonly classes: number;
  /** Each input is one step ([neurons]) held for all `steps`: a static vector fed as a constant current. */
  readonly held?: boolean;
}

/** What one epoch did. */
export interface EpochReport {
  readonly epoch: number;
  readonly loss: number;
  readonly trainAccuracy: number;
  readonly valAccuracy: number;
  /** Mean spikes per neuron per step of the hidden layers on the last batch. */
  readonly rate: number;
  /** Mean cross-entropy of the validation set (at inference: hard threshold). */
  readonly valLoss: number;
  /** Spikes per validation sample, by spiking layer name (what inference costs in events). */
  readonly layerSpikes: Readonly<Record<string, number>>;
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
  /** The network spec with the learned neuron parameters written in (the input spec if none were learned). */
  readonly network: NetworkSpec;
  readonly neuronParams: NeuronParamValues;
  readonly history: readonly EpochReport[];
  readonly bestEpoch: number;
  readonly validation: ClassMetrics;
  readonly stoppedEarly: boolean;
  readonly cancelled: boolean;
}

function snapshot(vars: WeightVariables, net: CompiledNetwork): NetworkWeights {
  const out: Record<string, { shape: readonly number[]; values: Float32Array }> = {};
  for (const [k, v] of Object.entries(vars)) out[k] = { shape: net.weights[k]?.shape ?? v.shape, values: v.dataSync() as Float32Array };
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
  const neuronVars = createNeuronVariables(net.spec, cfg.trainable, dtMs);
  const varList = [...Object.values(vars), ...neuronVariableList(neuronVars)];
  let lr = cfg.learningRate;
  const optimizer = cfg.optimizer === 'adam' ? tf.train.adam(lr, 0.9, 0.999, 1e-8) : tf.train.momentum(lr, cfg.momentum);
  const ops: SpikeOps = { fire: ((fn) => (v: tf.Tensor, th: tf.Tensor) => fn(tf.sub(v, th)))(spikeFunction(cfg.surrogate.name, cfg.surrogate.slope)), detach, training: true };
  const history: EpochReport[] = [];
  let best = { epoch: -1, acc: -1, weights: snapshot(vars, net), neuron: neuronValues(neuronVars) };
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
            const out = forward(net, vars, x, dtMs, ops, reduceOf(cfg), neuronVars, set.steps);
            rate = out.rate.dataSync()[0] ?? 0;
            let loss: tf.Scalar =
              cfg.loss === 'mseCount'
                ? (tf.mean(tf.mul(tf.mean(tf.square(tf.sub(out.logits, tf.mul(y, 0.2 * set.steps))), 1), w)) as tf.Scalar)
                : (tf.losses.softmaxCrossEntropy(y, out.logits, w) as tf.Scalar);
            if (cfg.rateRegularization > 0) loss = tf.add(loss, tf.mul(cfg.rateRegularization, out.rate));
            if (cfg.weightDecay > 0) for (const v of Object.values(vars)) loss = tf.add(loss, tf.mul(cfg.weightDecay / 2, tf.sum(tf.square(v))));
            return loss;
          }, varList);
          const clipped = cfg.clipNorm > 0 ? clipByGlobalNorm(grads, cfg.clipNorm) : grads;
          optimizer.applyGradients(Object.entries(clipped).map(([name, tensor]) => ({ name, tensor })));
          clampNeuronVariables(neuronVars);
          return value;
        });
        lossSum += stepLoss.dataSync()[0] ?? NaN;
        stepLoss.dispose();
        hooks.onBatch?.(b + 1, batches);
        // Give the worker's event loop a turn: pause, cancel and progress messages get through.
        await new Promise<void>((r) => setTimeout(r, 0));
      }
      if (cancelled && epoch > 0) break;
      const trainPred = predict(net, vars, set, trainIdx.slice(0, 512), dtMs, cfg, neuronVars);
      const trainAcc = classMetrics(Int32Array.from(trainIdx.slice(0, 512), (i) => set.labels[i] as number), trainPred, set.classes).accuracy;
      const valIdx = val.length > 0 ? val : trainIdx;
      const msPerBatch = (Date.now() - started) / Math.max(1, batches);
      const scored = scoreSet(net, vars, set, valIdx, dtMs, cfg, neuronVars);
      const valAcc = classMetrics(Int32Array.from(valIdx, (i) => set.labels[i] as number), scored.pred, set.classes).accuracy;
      const report = { epoch, loss: lossSum / Math.max(1, batches), trainAccuracy: trainAcc, valAccuracy: valAcc, rate, msPerBatch, valLoss: scored.loss, layerSpikes: scored.layerSpikes };
      history.push(report);
      hooks.onEpoch?.(report);
      if (valAcc > best.acc) {
        best = { epoch, acc: valAcc, weights: snapshot(vars, net), neuron: neuronValues(neuronVars) };
        stale = 0;
      } else if (cfg.patience > 0 && ++stale >= cfg.patience) {
        stoppedEarly = true;
        break;
      }
      lr *= cfg.lrDecay;
      // Both optimisers read `learningRate` at every update; tfjs keeps it as a plain field.
      (optimizer as unknown as { learningRate: number }).learningRate = lr;
    }
    // Validation re-runs with the learned values written into the spec and no learned tensors:
    // the path every engine takes afterwards.
    const network = withNeuronValues(net.spec, best.neuron);
    const trained: CompiledNetwork = { ...net, spec: network, weights: best.weights };
    const bestVars = createVariables(trained);
    const valIdx = val.length > 0 ? val : trainIdx;
    const validation = classMetrics(Int32Array.from(valIdx, (i) => set.labels[i] as number), predict(trained, bestVars, set, valIdx, dtMs, cfg), set.classes);
    tf.dispose(Object.values(bestVars));
    return { weights: best.weights, network, neuronParams: best.neuron, history, bestEpoch: best.epoch, validation, stoppedEarly, cancelled };
  } finally {
    tf.dispose(varList);
    optimizer.dispose();
  }
}

/** Scales all gradients down together when their global L2 norm exceeds maxNorm. */
function clipByGlobalNorm(grads: Record<string, tf.Tensor>, maxNorm: number): Record<string, tf.Tensor> {
  const norm = tf.sqrt(tf.addN(Object.values(grads).map((g) => tf.sum(tf.square(g)))));
  const scale = tf.minimum(1, tf.div(maxNorm, tf.add(norm, 1e-12)));
  const out: Record<string, tf.Tensor> = {};
  for (const [k, g] of Object.entries(grads)) out[k] = tf.mul(g, scale);
  return out;
}
