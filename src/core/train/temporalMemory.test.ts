import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { CUE_CLASSES, CUE_TASK_DEFAULTS, cueTaskSteps, cueTrial } from '../data/synth/cueSynth.ts';
import { compileNetwork } from '../network/compile.ts';
import { createRng } from '../rng.ts';
import { networkSchema } from '../spec/network.ts';
import { trainingSchema } from '../spec/trainingConfig.ts';
import { kernelBytes } from '../../cli/kernelFile.ts';
import { loadBpttKernel } from './bptt/bpttKernel.ts';
import { createVariables } from './forward.ts';
import { kernelPlan, trainWithKernel } from './kernelTraining.ts';
import { predict } from './inference.ts';
import { trainNetwork, type LabelledSet } from './trainer.ts';

let kernel: Uint8Array;
beforeAll(async () => {
  await tf.setBackend('cpu');
  kernel = await kernelBytes();
}, 120_000);

const O = CUE_TASK_DEFAULTS;

function cueSet(n: number, seed: number): LabelledSet {
  const rng = createRng(seed, 'cue-task');
  const labels = Int32Array.from({ length: n }, (_, i) => i % 2);
  const inputs = Array.from(labels, (l) => cueTrial(CUE_CLASSES[l] ?? 'A', rng, O));
  return { inputs, labels, steps: cueTaskSteps(O), neurons: 3 * O.width, classes: 2 };
}

/** The same layers with and without the loop; the answer is read at the last step only (membrane, β 0.5). */
function network(recurrent: boolean) {
  const lif = { model: 'lif', beta: 0.8 };
  return networkSchema.parse({
    layers: [
      { kind: 'input', name: 'in', shape: [3 * O.width] },
      { kind: 'dense', name: 'fc', units: 32, weightGain: 2 },
      { kind: 'spiking', name: 'lif', neuron: lif, ...(recurrent ? { inputs: ['fc', { from: 'rec', recurrent: true }] } : {}) },
      ...(recurrent ? [{ kind: 'dense', name: 'rec', units: 32, weightGain: 1, inputs: ['lif'] }] : []),
      { kind: 'dense', name: 'out', units: 2, weightGain: 2, inputs: ['lif'] },
      { kind: 'readout', name: 'answer', mode: 'membrane', beta: 0.5, reduce: 'last' },
    ],
  });
}

const config = () => trainingSchema.parse({ epochs: 25, batchSize: 16, learningRate: 0.01, loss: 'ceCount', patience: 0, validationFraction: 0.2 });

/** Test accuracy after training on the BPTT kernel (its own forward pass predicts), and the mean time per epoch. */
async function trainAndTestOnKernel(recurrent: boolean): Promise<{ accuracy: number; msPerEpoch: number }> {
  const net = compileNetwork(network(recurrent), undefined, 5);
  const cfg = config();
  expect(kernelPlan(net.spec, cfg, 1)).toMatchObject({ ok: true });
  const started = Date.now();
  const result = await trainWithKernel(await loadBpttKernel(kernel), net, cueSet(192, 1), cfg, 1, createRng(3));
  const msPerEpoch = (Date.now() - started) / result.history.length;
  const test = cueSet(100, 2);
  const pred = (await result.predictor?.(test, Array.from(test.labels, (_l, i) => i))) ?? new Int32Array();
  return { accuracy: pred.reduce((a, p, i) => a + (p === test.labels[i] ? 1 : 0), 0) / test.labels.length, msPerEpoch };
}

async function trainAndTest(recurrent: boolean): Promise<number> {
  const net = compileNetwork(network(recurrent), undefined, 5);
  const cfg = config();
  const train = cueSet(192, 1);
  const result = await trainNetwork(net, train, cfg, 1, createRng(3));
  const test = cueSet(100, 2);
  const trained = { ...net, weights: result.weights };
  const vars = createVariables(trained);
  const pred = predict(trained, vars, test, Array.from(test.labels, (_l, i) => i), 1, cfg);
  tf.dispose(Object.values(vars));
  return pred.reduce((a, p, i) => a + (p === test.labels[i] ? 1 : 0), 0) / pred.length;
}

describe('a recurrent SNN remembers what a feed-forward one of the same size forgets', () => {
  it('tells which channel pulsed before a 36-step silence, at a cue: RSNN ≫ FF', { timeout: 240_000 }, async () => {
    const rsnn = await trainAndTest(true);
    const ff = await trainAndTest(false);
    console.log(`cue task (${cueTaskSteps(O)} steps, ${O.delay}-step delay): RSNN ${(100 * rsnn).toFixed(1)} %, feed-forward ${(100 * ff).toFixed(1)} %`);
    expect(rsnn).toBeGreaterThanOrEqual(0.85);
    expect(ff).toBeLessThanOrEqual(0.65);
  });

  it('on the BPTT kernel too (the loop trains inside its layer): RSNN ≫ FF', { timeout: 120_000 }, async () => {
    const rsnn = await trainAndTestOnKernel(true);
    const ff = await trainAndTestOnKernel(false);
    console.log(`cue task on the kernel: RSNN ${(100 * rsnn.accuracy).toFixed(1)} % (${rsnn.msPerEpoch.toFixed(0)} ms/epoch), feed-forward ${(100 * ff.accuracy).toFixed(1)} % (${ff.msPerEpoch.toFixed(0)} ms/epoch)`);
    expect(rsnn.accuracy).toBeGreaterThanOrEqual(0.85);
    expect(ff.accuracy).toBeLessThanOrEqual(0.65);
  });
});
