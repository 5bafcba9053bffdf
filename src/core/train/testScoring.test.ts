import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { heldVectorNetwork, heldVectors } from '../../../test/support/heldVectors.ts';
import { compileNetwork } from '../network/compile.ts';
import { createRng } from '../rng.ts';
import { trainingSchema } from '../spec/trainingConfig.ts';
import { evaluateSetWithPredictions } from './evaluate.ts';
import { scoreTestSet } from './testScoring.ts';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const set = heldVectors(1000, 9);
const cfg = trainingSchema.parse({ loss: 'ceMaxMembrane', batchSize: 64 });
const net = compileNetwork(heldVectorNetwork, undefined, 5);
// Every sample predicted in set order, in one pass: what the page scored before scoring was cut into chunks.
const whole = evaluateSetWithPredictions(net, set, 1, cfg);

describe('scoreTestSet: cancellable, progress-reported scoring of the test set', () => {
  it('scores every sample, predictions in set order, and reports progress after each chunk', async () => {
    const progress: number[] = [];
    const scored = await scoreTestSet(net, set, 1, cfg, { rng: createRng(1), chunk: 100, onProgress: (d, t) => void progress.push(d / t) });
    expect(scored.coverage).toEqual({ scored: 1000, total: 1000, stopped: false });
    expect(scored.predictions).toEqual(whole.predictions);
    expect(scored.metrics).toEqual(whole.metrics);
    expect(progress).toEqual([0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1]);
  });

  it('a Stop during scoring ends it after the chunk: metrics of the samples scored, a random subset in set order', async () => {
    const signal = { aborted: false };
    const scored = await scoreTestSet(net, set, 1, cfg, { rng: createRng(1), chunk: 100, signal, onProgress: (d) => void (d === 300 && (signal.aborted = true)) });
    expect(scored.coverage).toEqual({ scored: 300, total: 1000, stopped: true });
    expect(scored.set.labels).toHaveLength(300);
    expect(scored.set.inputs).toHaveLength(300);
    // Each kept sample carries the prediction the whole pass gave it.
    const at = scored.set.inputs.map((x) => set.inputs.indexOf(x));
    expect(at).toEqual([...at].sort((a, b) => a - b));
    expect(Array.from(scored.predictions)).toEqual(at.map((i) => whole.predictions[i]));
    expect(Array.from(scored.set.labels)).toEqual(at.map((i) => set.labels[i]));
    // A random subset, not the first 300: it reaches across the whole set.
    expect(Math.max(...at)).toBeGreaterThan(900);
    expect(scored.metrics.confusion.flat().reduce((a, b) => a + b, 0)).toBe(300);
  });

  it('stopped before it began, it scores for the stopped budget only (at least one chunk) and says so', async () => {
    // A clock that moves 400 ms per look: chunks start at 0, 400 and 800 ms; at 1200 ms the 1-s budget is spent.
    let now = 0;
    const clock = () => (now += 400) - 400;
    const scored = await scoreTestSet(net, set, 1, cfg, { rng: createRng(1), chunk: 100, signal: { aborted: true }, stoppedBudgetMs: 1000, clock });
    expect(scored.coverage).toEqual({ scored: 300, total: 1000, stopped: true });
    const none = await scoreTestSet(net, set, 1, cfg, { rng: createRng(1), chunk: 100, signal: { aborted: true }, stoppedBudgetMs: 0 });
    expect(none.coverage).toEqual({ scored: 100, total: 1000, stopped: true });
  });
});
