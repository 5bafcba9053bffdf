import * as tf from '@tensorflow/tfjs';
import type { CompiledNetwork } from '../engine/types.ts';
import type { AbortSignalLike } from '../errors.ts';
import type { NetworkWeights } from '../network/weights.ts';
import type { SpikeOps } from '../neurons/tfTypes.ts';
import type { Rng } from '../rng.ts';
import type { NetworkSpec } from '../spec/network.ts';
import { clampNeuronVariables, createNeuronVariables, neuronValues, neuronVariableList, withNeuronValues, type NeuronParamValues } from './neuronParams.ts';
import type { TrainingConfig } from '../spec/trainingConfig.ts';
import type { LabelledSet } from '../data/datasets/labelledSet.ts';
import { createVariables, forward, type WeightVariables } from './forward.ts';
import { runEpochs, splitForTraining, type EpochEngine } from './epochLoop.ts';
import { batchTensor, predict, scoreSet } from './inference.ts';
import { classMetrics, type ClassMetrics } from './metrics.ts';
import { detach, spikeFunction } from './surrogate.ts';
import { spikeEnergyCosts, spikeEnergyNJ } from './energyLoss.ts';
import type { ChipProfile } from '../hardware/chipProfile.ts';
import { resolveChip } from '../hardware/chips/index.ts';
import { CHIP_TARGET_DEFAULT } from '../hardware/chipTarget.ts';
import { fakeQuantiseAll, snapWeights } from './fakeQuantise.ts';
import { checkDistillation, distillationLoss, teacherBatch } from './distillation.ts';

export { predict } from './inference.ts';

export type { LabelledSet } from '../data/datasets/labelledSet.ts';

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
  /** Test samples scored so far of all of them, after training (trainWorkspace). */
  onScore?(done: number, total: number): void;
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
  /** Predicts samples of another set of the same shape with the best weights, on the engine that trained (the kernel only). */
  readonly predictor?: (set: LabelledSet, idx: readonly number[]) => Promise<Int32Array>;
}

/** The weights as the model uses them: on their grids when training is quantisation-aware. */
function snapshot(vars: WeightVariables, net: CompiledNetwork, bits: number | undefined): NetworkWeights {
  const out: Record<string, { shape: readonly number[]; values: Float32Array }> = {};
  for (const [k, v] of Object.entries(vars)) out[k] = { shape: net.weights[k]?.shape ?? v.shape, values: v.dataSync() as Float32Array };
  return bits === undefined ? out : snapWeights(out, bits);
}

/**
 * Backpropagation through time with surrogate gradients: for each batch the loss (softmax cross
 * entropy on the logits, class-weighted if asked, mixed with the teacher's softened distribution
 * when the config distils and the set carries `teacherLogits` (distillation.ts), or MSE of spike
 * counts to 20 % of the steps for the true class) plus the rate penalty, the chip energy term (`chip`, default Loihi) and weight decay is differentiated with tf.variableGrads,
 * clipped to a global norm and applied by Adam or SGD with momentum. Validation accuracy picks the
 * best epoch; patience stops early; cancelling keeps the best weights so far.
 */
export async function trainNetwork(net: CompiledNetwork, set: LabelledSet, cfg: TrainingConfig, dtMs: number, rng: Rng, hooks: TrainHooks = {}, chip?: ChipProfile): Promise<TrainResult> {
  const split = splitForTraining(set, cfg, rng);
  const { val, trainIdx, classWeight } = split;
  const vars = createVariables(net);
  const neuronVars = createNeuronVariables(net.spec, cfg.trainable, dtMs);
  const varList = [...Object.values(vars), ...neuronVariableList(neuronVars)];
  const optimizer = cfg.optimizer === 'adam' ? tf.train.adam(cfg.learningRate, 0.9, 0.999, 1e-8) : tf.train.momentum(cfg.learningRate, cfg.momentum);
  // The energy term's costs per spike depend only on the graph and the chip: computed once.
  const energyWeight = cfg.energyLoss?.weight ?? 0;
  const energyCosts = energyWeight > 0 ? spikeEnergyCosts(net.spec, net.weights, chip ?? resolveChip(CHIP_TARGET_DEFAULT), set.steps) : undefined;
  // Distillation needs the teacher's logits of every training sample (trainWorkspace attaches them).
  const distillation = checkDistillation(cfg, set);
  const bits = cfg.quantization?.weightBits;
  // Quantisation-aware: the forward pass (and validation) sees the weights on their grids.
  const seen = () => (bits === undefined ? vars : fakeQuantiseAll(vars, bits));
  const ops: SpikeOps = { fire: ((fn) => (v: tf.Tensor, th: tf.Tensor) => fn(tf.sub(v, th)))(spikeFunction(cfg.surrogate.name, cfg.surrogate.slope)), detach, training: true };
  try {
    const engine: EpochEngine<{ weights: NetworkWeights; neuron: NeuronParamValues }> = {
      trainBatch(idx, lr) {
        // Both optimisers read `learningRate` at every update; tfjs keeps it as a plain field.
        (optimizer as unknown as { learningRate: number }).learningRate = lr;
        let rate = 0;
        const stepLoss = tf.tidy(() => {
          const x = batchTensor(set, idx);
          const y = tf.oneHot(tf.tensor1d(Int32Array.from(idx, (i) => set.labels[i] as number), 'int32'), set.classes);
          const w = tf.tensor1d(idx.map((i) => classWeight[set.labels[i] as number] ?? 1));
          const { value, grads } = tf.variableGrads(() => {
            const out = forward(net, seen(), x, dtMs, ops, cfg.loss, neuronVars, set.steps);
            rate = out.rate.dataSync()[0] ?? 0;
            let loss: tf.Scalar =
              cfg.loss === 'mseCount'
                ? (tf.mean(tf.mul(tf.mean(tf.square(tf.sub(out.logits, tf.mul(y, 0.2 * set.steps))), 1), w)) as tf.Scalar)
                : distillation
                  ? distillationLoss(out.logits, teacherBatch(set, idx), y, distillation, w)
                  : (tf.losses.softmaxCrossEntropy(y, out.logits, w) as tf.Scalar);
            if (cfg.rateRegularization > 0) loss = tf.add(loss, tf.mul(cfg.rateRegularization, out.rate));
            if (energyCosts) loss = tf.add(loss, tf.mul(energyWeight, spikeEnergyNJ(out.layerSpikes, energyCosts, idx.length)));
            if (cfg.weightDecay > 0) for (const v of Object.values(vars)) loss = tf.add(loss, tf.mul(cfg.weightDecay / 2, tf.sum(tf.square(v))));
            return loss;
          }, varList);
          const clipped = cfg.clipNorm > 0 ? clipByGlobalNorm(grads, cfg.clipNorm) : grads;
          optimizer.applyGradients(Object.entries(clipped).map(([name, tensor]) => ({ name, tensor })));
          clampNeuronVariables(neuronVars);
          return value;
        });
        const loss = stepLoss.dataSync()[0] ?? NaN;
        stepLoss.dispose();
        return { loss, rate };
      },
      score: (idx) => {
        if (bits === undefined) return scoreSet(net, vars, set, idx, dtMs, cfg, neuronVars);
        const q = seen();
        try {
          return scoreSet(net, q, set, idx, dtMs, cfg, neuronVars);
        } finally {
          tf.dispose(Object.values(q));
        }
      },
      checkpoint: () => ({ weights: snapshot(vars, net, bits), neuron: neuronValues(neuronVars) }),
    };
    const { history, best: bestRun, stoppedEarly, cancelled } = await runEpochs(set, cfg, rng, split, engine, hooks);
    const best = { epoch: bestRun.epoch, ...bestRun.checkpoint };
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
