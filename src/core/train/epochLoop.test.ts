import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { kernelBytes } from '../../cli/kernelFile.ts';
import { heldVectorNetwork, heldVectors } from '../../../test/support/heldVectors.ts';
import { CancelledError } from '../errors.ts';
import { compileNetwork } from '../network/compile.ts';
import { createRng } from '../rng.ts';
import { loadBpttKernel } from './bptt/bpttKernel.ts';
import { trainingSchema } from '../spec/trainingConfig.ts';
import { trainWithKernel } from './kernelTraining.ts';
import { runEpochs, splitForTraining } from './epochLoop.ts';
import type { TrainHooks } from './trainer.ts';

let kernel: Uint8Array;
beforeAll(async () => {
  await tf.setBackend('cpu');
  kernel = await kernelBytes();
}, 120_000);

// 160 training samples in batches of 16: 10 batches per epoch; 40 validation samples.
const set = heldVectors(200, 4);
const cfg = trainingSchema.parse({ epochs: 4, batchSize: 16, learningRate: 0.01, loss: 'ceMaxMembrane', patience: 0 });
const net = () => compileNetwork(heldVectorNetwork, undefined, 3);

/** Hooks that press Stop when `when(epochsFinished, batchDone, batches)` first says so. */
function stopWhen(when: (finished: number, done: number, total: number) => boolean): TrainHooks & { epochs: number[] } {
  const signal = { aborted: false };
  const epochs: number[] = [];
  return {
    signal,
    epochs,
    onEpoch: (r) => void epochs.push(r.epoch),
    onBatch: (done, total) => void (when(epochs.length, done, total) && (signal.aborted = true)),
  };
}

describe('runEpochs: only finished epochs count', () => {
  it('a Stop in the middle of the second epoch keeps the first epoch, its weights exactly, as the best', async () => {
    const oneEpoch = await trainWithKernel(await loadBpttKernel(kernel), net(), set, { ...cfg, epochs: 1 }, 1, createRng(7));
    const hooks = stopWhen((finished, done) => finished === 1 && done === 3);
    const stopped = await trainWithKernel(await loadBpttKernel(kernel), net(), set, cfg, 1, createRng(7), hooks);
    expect(stopped.cancelled).toBe(true);
    expect(hooks.epochs).toEqual([0]);
    expect(stopped.history.map((r) => r.epoch)).toEqual([0]);
    expect(stopped.bestEpoch).toBe(0);
    for (const name of ['fc1', 'fc2']) expect(stopped.weights[name]?.values).toEqual(oneEpoch.weights[name]?.values);
  });

  it('a Stop after the last batch, before validation was scored, drops that epoch', async () => {
    const hooks = stopWhen((finished, done, total) => finished === 1 && done === total);
    const stopped = await trainWithKernel(await loadBpttKernel(kernel), net(), set, cfg, 1, createRng(7), hooks);
    expect(hooks.epochs).toEqual([0]);
    expect(stopped.history).toHaveLength(1);
    expect(stopped.bestEpoch).toBe(0);
  });

  it('a Stop before the first epoch finished is CancelledError: no weights were learned, the caller keeps its own', async () => {
    const hooks = stopWhen((finished, done) => finished === 0 && done === 2);
    const run = trainWithKernel(await loadBpttKernel(kernel), net(), set, cfg, 1, createRng(7), hooks);
    await expect(run).rejects.toBeInstanceOf(CancelledError);
    await expect(run).rejects.toThrow(/stopped before its first epoch finished/);
    expect(hooks.epochs).toEqual([]);
  });
});

describe('runEpochs: the best epoch under an energy term', () => {
  // A scripted engine over the loop's real bookkeeping: every epoch scores all samples right, with
  // 10, 5 and 8 spikes per sample; the checkpoint is the epoch's number.
  const spikesByEpoch = [10, 5, 8];
  const scripted = () => {
    let epoch = -1;
    let scored = 0;
    return {
      trainBatch: () => ({ loss: 1, rate: 0 }),
      score: (idx: readonly number[]) => {
        // Each epoch scores a training sample of the set, then the validation split.
        if (scored++ % 2 === 0) epoch++;
        return { pred: Int32Array.from(idx, (i) => set.labels[i] as number), loss: 0, layerSpikes: { h: (spikesByEpoch[epoch] ?? 0) * idx.length } };
      },
      checkpoint: () => epoch,
    };
  };
  const three = { ...cfg, epochs: 3 };

  it('keeps the first of equally accurate epochs without it, and the sparsest with it', async () => {
    const plain = await runEpochs(set, three, createRng(1), splitForTraining(set, three, createRng(1)), scripted());
    expect(plain.best.checkpoint).toBe(0);
    const aware = { ...three, energyLoss: { weight: 0.01 } };
    const sparse = await runEpochs(set, aware, createRng(1), splitForTraining(set, aware, createRng(1)), scripted());
    expect(sparse.best.checkpoint).toBe(1);
    expect(sparse.best.epoch).toBe(1);
  });
});
