import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { subsetOf } from '../data/datasets/labelledSet.ts';
import { SpecError } from '../errors.ts';
import { trainingSchema } from '../spec/trainingConfig.ts';
import { checkDistillation, distillationLoss, teacherBatch } from './distillation.ts';
import type { LabelledSet } from './trainer.ts';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

// Two samples, three classes. Student logits s, teacher logits t, labels y = [0, 1], T = 2, α = 0.3.
const S = [
  [1, 0, -1],
  [0.5, 2, 0],
];
const TEACHER = [
  [2, 0, 1],
  [0, 1, 3],
];
const Y = [0, 1];

/*
 * By hand (softmax written out, then logs):
 * sample 0: softmax(s) = e^[1,0,−1]/Σ = [0.665241, 0.244728, 0.090031]; CE = −ln 0.665241 = 0.407606
 *           softmax(t/2) = e^[1,0,0.5]/Σ = [0.506480, 0.186324, 0.307196]
 *           softmax(s/2) = e^[0.5,0,−0.5]/Σ = [0.506480, 0.307196, 0.186324]
 *           KL = 0.186324·ln(0.186324/0.307196) + 0.307196·ln(0.307196/0.186324) = 0.060436
 * sample 1: softmax(s) = [0.164252, 0.736125, 0.099624]; CE = −ln 0.736125 = 0.306356
 *           softmax(t/2) = [0.140244, 0.231224, 0.628532]; softmax(s/2) = [0.256687, 0.543406, 0.199908]
 *           KL = Σ p·ln(p/q) = 0.437655
 * mean CE = 0.356981; mean KL = 0.249046; T²·mean KL = 0.996182
 * loss = 0.7 · 0.356981 + 0.3 · 0.996182 = 0.548741
 * With sample weights [1, 2] on the CE (tfjs: Σ w·CE / nonzero weights): CE = (0.407606 + 2·0.306356)/2 = 0.510159,
 * loss = 0.7 · 0.510159 + 0.3 · 0.996182 = 0.655966
 */
const HAND_LOSS = 0.5487412386649484;
const HAND_LOSS_WEIGHTED = 0.6559657379451498;

const settings = { temperature: 2, weight: 0.3 };

function lossOf(s: number[][], t: number[][], y: number[], set: { temperature: number; weight: number }, w?: number[]): number {
  return tf.tidy(() => {
    const value = distillationLoss(tf.tensor2d(s), tf.tensor2d(t), tf.oneHot(tf.tensor1d(y, 'int32'), 3), set, w ? tf.tensor1d(w) : undefined);
    return value.dataSync()[0] ?? NaN;
  });
}

describe('distillationLoss', () => {
  it('equals the hand computation of (1−α)·CE + α·T²·KL on a two-sample, three-class batch', () => {
    expect(lossOf(S, TEACHER, Y, settings)).toBeCloseTo(HAND_LOSS, 5);
  });

  it('weighs only the cross-entropy part by the class weights, as the plain loss does', () => {
    expect(lossOf(S, TEACHER, Y, settings, [1, 2])).toBeCloseTo(HAND_LOSS_WEIGHTED, 5);
  });

  it('with α = 0 is the plain (class-weighted) cross-entropy exactly, whatever the teacher says', () => {
    const plain = tf.tidy(() => tf.losses.softmaxCrossEntropy(tf.oneHot(tf.tensor1d(Y, 'int32'), 3), tf.tensor2d(S), tf.tensor1d([1, 2])).dataSync()[0]);
    expect(lossOf(S, TEACHER, Y, { temperature: 7, weight: 0 }, [1, 2])).toBe(plain);
  });

  it('with α = 1 is T²·KL alone: zero when the student matches the teacher up to a shift of its logits', () => {
    const shifted = TEACHER.map((r) => r.map((v) => v - 3));
    expect(lossOf(shifted, TEACHER, Y, { temperature: 5, weight: 1 })).toBeCloseTo(0, 6);
    expect(lossOf(S, TEACHER, Y, { temperature: 2, weight: 1 })).toBeCloseTo(0.9961821727640467, 5);
  });

  it('has a finite gradient that moves the student towards the teacher, also for extreme teacher logits', () => {
    const student = tf.variable(tf.tensor2d(S));
    const teacher = tf.tensor2d([
      [300, -300, 0],
      [0, 1, 3],
    ]);
    const y = tf.oneHot(tf.tensor1d(Y, 'int32'), 3);
    const { value, grads } = tf.variableGrads(() => distillationLoss(student, teacher, y, { temperature: 1, weight: 1 }), [student]);
    const g = grads[student.name]?.dataSync() as Float32Array;
    expect(Number.isFinite(value.dataSync()[0])).toBe(true);
    expect(Array.from(g).every(Number.isFinite)).toBe(true);
    // Gradient descent raises the student's logit where the teacher is sure (class 0 of sample 0).
    expect(g[0]).toBeLessThan(0);
    tf.dispose([student, teacher, y, value, ...Object.values(grads)]);
  });
});

describe('checkDistillation', () => {
  const set: LabelledSet = { inputs: [new Float32Array(2), new Float32Array(2)], labels: Int32Array.from([0, 1]), steps: 1, neurons: 2, classes: 3 };
  const cfg = trainingSchema.parse({ distillation: {} });

  it('parses with the documented defaults (T = 4, α = 0.5) and is off when absent', () => {
    expect(cfg.distillation).toEqual({ temperature: 4, weight: 0.5 });
    expect(checkDistillation(trainingSchema.parse({}), set)).toBeUndefined();
    expect(() => trainingSchema.parse({ distillation: { temperature: 0.5 } })).toThrow();
    expect(() => trainingSchema.parse({ distillation: { weight: 1.5 } })).toThrow();
  });

  it('refuses a set without teacher logits, rows of the wrong width, and the mseCount loss, each saying why', () => {
    expect(() => checkDistillation(cfg, set)).toThrow(/no teacher logits/);
    expect(() => checkDistillation(cfg, { ...set, teacherLogits: [new Float32Array(3)] })).toThrow(/logits for 1 samples but the training set has 2/);
    expect(() => checkDistillation(cfg, { ...set, teacherLogits: [new Float32Array(3), new Float32Array(2)] })).toThrow(/sample 1 have 2 classes/);
    const mse = { ...cfg, loss: 'mseCount' as const };
    expect(() => checkDistillation(mse, { ...set, teacherLogits: [new Float32Array(3), new Float32Array(3)] })).toThrow(SpecError);
    expect(() => checkDistillation(mse, set)).toThrow(/'mseCount' has none/);
  });

  it('a subset of a set keeps each sample with its own teacher row', () => {
    const rows = [Float32Array.from([1, 2, 3]), Float32Array.from([4, 5, 6])];
    const sub = subsetOf({ ...set, teacherLogits: rows }, [1]);
    expect(Array.from(sub.labels)).toEqual([1]);
    expect(sub.teacherLogits).toEqual([rows[1]]);
    expect(subsetOf(set, [0]).teacherLogits).toBeUndefined();
    expect(() => subsetOf(set, [2])).toThrow(/sample 2 does not exist/);
  });

  it('teacherBatch gathers the rows of a batch in batch order', () => {
    const rows = [Float32Array.from([1, 2, 3]), Float32Array.from([4, 5, 6])];
    const t = teacherBatch({ ...set, teacherLogits: rows }, [1, 0]);
    expect(Array.from(t.dataSync())).toEqual([4, 5, 6, 1, 2, 3]);
    t.dispose();
  });
});
