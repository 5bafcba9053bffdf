import { beforeAll, describe, expect, it } from 'vitest';
import { startNodeBpttThread } from '../../src/cli/bpttThreads.ts';
import { kernelBytes } from '../../src/cli/kernelFile.ts';
import { createW2WasmTrainer } from '../../src/core/bench/w2Wasm.ts';
import type { StartThread } from '../../src/core/engine/split/threadChannel.ts';
import type { BpttReply, BpttRequest } from '../../src/core/train/bptt/parallelBptt.ts';
import { loadBpttKernel } from '../../src/core/train/bptt/bpttKernel.ts';
import { trainingSchema } from '../../src/core/spec/trainingConfig.ts';
import { trainWithKernel } from '../../src/core/train/kernelTraining.ts';
import type { LabelledSet } from '../../src/core/train/trainer.ts';
import { compileNetwork } from '../../src/core/network/compile.ts';
import { createRng } from '../../src/core/rng.ts';
import { networkSchema } from '../../src/core/spec/network.ts';

// Real worker threads, each with its own instance of the real kernel.
let kernel: Uint8Array;
beforeAll(async () => {
  kernel = await kernelBytes();
}, 120_000);

function maxDiff(a: readonly Float32Array[], b: readonly Float32Array[]): number {
  let m = 0;
  a.forEach((w, i) => w.forEach((v, k) => (m = Math.max(m, Math.abs(v - (b[i]?.[k] ?? NaN))))));
  return m;
}

describe('data-parallel BPTT on worker threads', () => {
  it.each([2, 3])('W2 on %i parts: the losses of one trainer and its weights after three steps', async (threads) => {
    const one = await createW2WasmTrainer(kernel);
    const par = await createW2WasmTrainer(kernel, { start: startNodeBpttThread, threads });
    try {
      for (let s = 0; s < 3; s++) {
        const [a, b] = [await one.step(), await par.step()];
        // Float64 sums in another order: the same loss to 6 significant digits.
        expect(b).toBeCloseTo(a, 4);
        if (s === 0) expect(b).toBeCloseTo(44.15788, 4);
      }
      // Adam moves each weight by about 1e-3 per step; the two agree far inside that.
      expect(maxDiff(par.weights(), one.weights())).toBeLessThan(1e-5);
    } finally {
      par.dispose();
    }
  }, 120_000);

  it('trains a conv network with a sum pool and current-based LIF neurons on 2 parts as on one', async () => {
    // Random 6×6×2 event frames, 3 classes: the loss curves need not be learnable to be compared.
    const rng = createRng(5, 'frames');
    const steps = 6;
    const neurons = 72;
    const set: LabelledSet = {
      inputs: Array.from({ length: 48 }, () => Float32Array.from({ length: steps * neurons }, () => (rng.next() < 0.15 ? 1 : 0))),
      labels: Int32Array.from({ length: 48 }, () => rng.int(3)),
      steps,
      neurons,
      classes: 3,
    };
    const spec = networkSchema.parse({
      layers: [
        { kind: 'input', name: 'in', shape: [6, 6, 2] },
        { kind: 'conv2d', name: 'c', filters: 5, kernel: 3, padding: 'same', weightGain: 2 },
        { kind: 'spiking', name: 'h', neuron: { model: 'cubaLif', alpha: 0.6, beta: 0.8 } },
        { kind: 'pool2d', name: 'p', mode: 'sum', size: 2 },
        { kind: 'flatten', name: 'f' },
        { kind: 'dense', name: 'fc', units: 3, weightGain: 2 },
        { kind: 'readout', name: 'out', mode: 'membrane', beta: 0.9 },
      ],
    });
    const cfg = trainingSchema.parse({ epochs: 3, batchSize: 12, learningRate: 0.01, loss: 'ceMaxMembrane', patience: 0, validationFraction: 0.25 });
    const run = async (threads?: { start: StartThread<BpttRequest, BpttReply>; threads: number }) => trainWithKernel(await loadBpttKernel(kernel), compileNetwork(spec, undefined, 3), set, cfg, 1, createRng(7), {}, threads);
    const [one, two] = [await run(), await run({ start: startNodeBpttThread, threads: 2 })];
    expect(two.history.map((e) => e.loss)).toHaveLength(3);
    two.history.forEach((e, i) => {
      expect(e.loss).toBeCloseTo(one.history[i]?.loss ?? NaN, 4);
      expect(e.valLoss).toBeCloseTo(one.history[i]?.valLoss ?? NaN, 4);
      expect(e.layerSpikes).toEqual(one.history[i]?.layerSpikes);
    });
  }, 120_000);

  it('trains an RSNN (the loop through a dense node) on 2 parts as on one', async () => {
    const rng = createRng(6, 'trains');
    const steps = 20;
    const neurons = 12;
    const set: LabelledSet = {
      inputs: Array.from({ length: 48 }, () => Float32Array.from({ length: steps * neurons }, () => (rng.next() < 0.2 ? 1 : 0))),
      labels: Int32Array.from({ length: 48 }, () => rng.int(2)),
      steps,
      neurons,
      classes: 2,
    };
    const spec = networkSchema.parse({
      layers: [
        { kind: 'input', name: 'in', shape: [neurons] },
        { kind: 'dense', name: 'fc', units: 20, weightGain: 2 },
        { kind: 'spiking', name: 'h', neuron: { model: 'lif', beta: 0.8 }, inputs: ['fc', { from: 'rec', recurrent: true }] },
        { kind: 'dense', name: 'rec', units: 20, weightGain: 1, inputs: ['h'] },
        { kind: 'dense', name: 'out', units: 2, weightGain: 2, inputs: ['h'] },
        { kind: 'readout', name: 'r', mode: 'membrane', beta: 0.9 },
      ],
    });
    const cfg = trainingSchema.parse({ epochs: 3, batchSize: 12, learningRate: 0.01, loss: 'ceMaxMembrane', patience: 0, validationFraction: 0.25 });
    const run = async (threads?: { start: StartThread<BpttRequest, BpttReply>; threads: number }) => trainWithKernel(await loadBpttKernel(kernel), compileNetwork(spec, undefined, 3), set, cfg, 1, createRng(7), {}, threads);
    const [one, two] = [await run(), await run({ start: startNodeBpttThread, threads: 2 })];
    expect(two.history.map((e) => e.loss)).toHaveLength(3);
    two.history.forEach((e, i) => {
      expect(e.loss).toBeCloseTo(one.history[i]?.loss ?? NaN, 4);
      expect(e.layerSpikes).toEqual(one.history[i]?.layerSpikes);
    });
    // The loop's matrix comes back from the threads' summed gradients as from one trainer's.
    const rec = one.weights['rec']?.values ?? new Float32Array();
    expect(rec.length).toBe(400);
    expect(Math.max(...rec.map((v, i) => Math.abs(v - (two.weights['rec']?.values[i] ?? NaN))))).toBeLessThan(1e-5);
  }, 120_000);

  it('fails the step of a thread that dies, and the next step runs on a fresh thread', async () => {
    let crashNext = true;
    // A thread that crashes on its first slice, as an out-of-memory thread would.
    const start: StartThread<BpttRequest, BpttReply> = async () => {
      const t = await startNodeBpttThread();
      const crash = crashNext;
      crashNext = false;
      return { ...t, post: (m, transfer) => (crash && 'kind' in m && m.kind === 'gradients' ? t.post({ crash: true }, []) : t.post(m, transfer)) };
    };
    const par = await createW2WasmTrainer(kernel, { start, threads: 2 });
    try {
      await expect(par.step()).rejects.toThrow(/a training thread exited with code 70; the run was lost/);
      // The fresh thread got the set-up again and the weights of the failed step were not updated.
      const loss = await par.step();
      expect(loss).toBeCloseTo(44.15788, 4);
    } finally {
      par.dispose();
    }
  }, 120_000);
});
