import * as tf from '@tensorflow/tfjs';
import { SpecError } from '../errors.ts';
import type { LabelledSet } from '../data/datasets/labelledSet.ts';
import type { TrainingConfig } from '../spec/trainingConfig.ts';

/** The two knobs of knowledge distillation (training.distillation). */
export interface DistillationSettings {
  /** Softens both distributions: logits are divided by it before the softmax. */
  readonly temperature: number;
  /** α: the share of the loss that follows the teacher; 1 − α follows the labels. */
  readonly weight: number;
}

/**
 * Knowledge distillation (Hinton, Vinyals & Dean 2015): for student logits s, teacher logits t,
 * one-hot labels y, temperature T and weight α, per sample
 *
 *   loss = (1 − α)·CE(y, softmax(s)) + α·T²·KL(softmax(t/T) ‖ softmax(s/T))
 *
 * averaged over the batch. The T² keeps the soft term's gradient at the scale of the hard one's as
 * T grows (the soft gradient shrinks as 1/T²). `sampleWeight` (the class weights of each sample's
 * label) weighs the cross-entropy part exactly as the trainer's plain loss does (tfjs's
 * softmaxCrossEntropy with its default reduction), so α = 0 is that loss to the bit. The teacher's
 * logits are constants: no gradient reaches them.
 */
export function distillationLoss(student: tf.Tensor2D, teacher: tf.Tensor2D, oneHot: tf.Tensor, settings: DistillationSettings, sampleWeight?: tf.Tensor): tf.Scalar {
  const { temperature: T, weight: alpha } = settings;
  return tf.tidy(() => {
    const hard = tf.losses.softmaxCrossEntropy(oneHot, student, sampleWeight) as tf.Scalar;
    if (alpha === 0) return hard;
    // KL(p‖q) = Σ p·(log p − log q), with log-softmaxes: a teacher probability that underflows to
    // 0 multiplies a finite log, never −∞.
    const logP = tf.logSoftmax(tf.div(teacher, T));
    const logQ = tf.logSoftmax(tf.div(student, T));
    const kl = tf.mean(tf.sum(tf.mul(tf.exp(logP), tf.sub(logP, logQ)), 1));
    const soft = tf.mul(kl, T * T);
    return tf.add(tf.mul(hard, 1 - alpha), tf.mul(soft, alpha)) as tf.Scalar;
  });
}

/** Refuses distillation with a loss that has no class distribution to match ('mseCount'). */
export function checkDistillationLoss(cfg: TrainingConfig): void {
  if (cfg.distillation && cfg.loss === 'mseCount')
    throw new SpecError([{ path: 'training.distillation', message: "distillation matches the teacher's class distribution with a cross-entropy; the loss 'mseCount' has none: choose a cross-entropy loss or remove the distillation setting" }]);
}

/**
 * Refuses a distillation a set or loss cannot carry: teacher logits must be given, one row of
 * `classes` per sample, and the loss must be a cross-entropy (distillation compares distributions;
 * 'mseCount' has none).
 */
export function checkDistillation(cfg: TrainingConfig, set: LabelledSet): DistillationSettings | undefined {
  const d = cfg.distillation;
  if (!d) return undefined;
  const path = 'training.distillation';
  checkDistillationLoss(cfg);
  const rows = set.teacherLogits;
  if (!rows) throw new SpecError([{ path, message: 'distillation is configured but the training set has no teacher logits: give a trained teacher (trainWorkspace options.teacher)' }]);
  if (rows.length !== set.labels.length) throw new SpecError([{ path, message: `the teacher gave logits for ${rows.length} samples but the training set has ${set.labels.length}` }]);
  const bad = rows.findIndex((r) => r.length !== set.classes);
  if (bad >= 0) throw new SpecError([{ path, message: `the teacher's logits of sample ${bad} have ${rows[bad]?.length ?? 0} classes; the training set has ${set.classes}` }]);
  return d;
}

/** The teacher's logits of a batch as a [batch, classes] tensor. */
export function teacherBatch(set: LabelledSet, idx: readonly number[]): tf.Tensor2D {
  const rows = set.teacherLogits;
  if (!rows) throw new SpecError([{ path: 'training.distillation', message: 'the training set has no teacher logits' }]);
  const out = new Float32Array(idx.length * set.classes);
  idx.forEach((i, b) => out.set(rows[i] as Float32Array, b * set.classes));
  return tf.tensor2d(out, [idx.length, set.classes]);
}
