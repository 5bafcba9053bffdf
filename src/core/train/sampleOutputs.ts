import * as tf from '@tensorflow/tfjs';
import type { LabelledSet } from '../data/datasets/labelledSet.ts';
import type { CompiledNetwork } from '../engine/types.ts';
import { compileNetwork } from '../network/compile.ts';
import type { NetworkWeights } from '../network/weights.ts';
import { INFERENCE_OPS } from '../neurons/tfTypes.ts';
import { trainingSchema, type TrainingConfig } from '../spec/trainingConfig.ts';
import type { Workspace } from '../spec/workspace.ts';
import { createVariables, forward } from './forward.ts';
import { batchTensor } from './inference.ts';

/** What a network answers for each sample of a set, in set order. */
export interface SampleOutputs {
  /** [classes] per sample: the read-out's class scores as training decides them (forward's logits). */
  readonly logits: Float32Array[];
  /** softmax(logits) per sample: sums to 1. */
  readonly probabilities: Float32Array[];
  /** The predicted class of each sample: the largest logit, as scoring predicts it. */
  readonly predicted: Int32Array;
}

/**
 * Runs a network over every sample of a set on the tfjs forward pass at inference (hard
 * threshold), in batches of the config's size, and keeps each sample's logits, their softmax and
 * the predicted class. The logits are what training's loss sees: spike counts of a spiking last
 * layer, the count of a 'count' read-out (its probabilities are softmax of counts, so a sample
 * with 12 against 10 spikes is far more confident than one with 1.2 against 1.0 would be), the
 * max, mean or last membrane of a membrane read-out, an ANN's output values. The predictions are
 * those of `predict` (the same forward pass and argmax).
 */
export function sampleOutputs(net: CompiledNetwork, set: LabelledSet, dtMs: number, cfg: TrainingConfig): SampleOutputs {
  const n = set.labels.length;
  const logits: Float32Array[] = [];
  const probabilities: Float32Array[] = [];
  const predicted = new Int32Array(n);
  const vars = createVariables(net);
  try {
    for (let b = 0; b < n; b += cfg.batchSize) {
      const idx = Array.from({ length: Math.min(cfg.batchSize, n - b) }, (_, k) => b + k);
      const [l, p, c] = tf.tidy(() => {
        const out = forward(net, vars, batchTensor(set, idx), dtMs, INFERENCE_OPS, cfg.loss, {}, set.steps);
        return [out.logits, tf.softmax(out.logits), tf.argMax(out.logits, 1)];
      });
      const width = l.shape[1] ?? 0;
      const lv = l.dataSync() as Float32Array;
      const pv = p.dataSync() as Float32Array;
      idx.forEach((_, k) => {
        logits.push(lv.slice(k * width, (k + 1) * width));
        probabilities.push(pv.slice(k * width, (k + 1) * width));
      });
      predicted.set(c.dataSync() as Int32Array, b);
      tf.dispose([l, p, c]);
    }
  } finally {
    tf.dispose(Object.values(vars));
  }
  return { logits, probabilities, predicted };
}

/** The parts of a trained workspace (trainWorkspace's WorkspaceTraining) its test outputs need. */
export interface TrainedModel {
  /** The workspace with the learned neuron parameters written into its network. */
  readonly workspace: Workspace;
  readonly weights: NetworkWeights;
  /** The test samples scored (a subset when Stop cut scoring short). */
  readonly testSet: LabelledSet;
  readonly dtMs: number;
}

/**
 * Outputs of a trained workspace on its test set, in testSet order (testPredictions' order), on
 * tfjs: the predictions are testPredictions when tfjs scored the test set (the CLI, and every
 * training without testOnKernel). When the BPTT kernel scored it (the page), a sample near a tie
 * may come out otherwise: the two engines round differently.
 */
export function trainedOutputs(training: TrainedModel): SampleOutputs {
  const ws = training.workspace;
  const cfg = ws.training ?? trainingSchema.parse({});
  return sampleOutputs(compileNetwork(ws.network, training.weights, ws.seed), training.testSet, training.dtMs, cfg);
}
