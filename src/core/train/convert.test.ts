import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { dataFile, HAVE_DATA } from '../../../test/support/sharedData.ts';
import { parseIdx } from '../data/formats/idxReader.ts';
import { createEngine } from '../engine/index.ts';
import { createRng } from '../rng.ts';
import { annAccuracy, balanceWeights, percentile, snnAccuracy, trainAnnTwin, type StaticSet } from './convert.ts';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** Two noisy Gaussian blobs per class in 8 dimensions, values clipped to [0, 1]. */
function blobs(n: number, seed: number): StaticSet {
  const r = createRng(seed, 'blobs');
  const features = 8;
  const classes = 3;
  const centres = [0.2, 0.5, 0.8];
  const x = new Float32Array(n * features);
  const labels = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const c = i % classes;
    labels[i] = c;
    for (let f = 0; f < features; f++) x[i * features + f] = Math.min(1, Math.max(0, (f % classes === c ? 0.8 : 0.1) + 0.08 * r.normal() + 0 * (centres[c] ?? 0)));
  }
  return { x, labels, features, classes };
}

describe('ANN-to-SNN conversion', () => {
  it('takes the percentile of positive values only', () => {
    expect(percentile(Float32Array.from([0, -1, 1, 2, 3, 4]), 50)).toBe(3);
    expect(percentile(new Float32Array(3), 99)).toBe(0);
  });

  it('converts a trained ReLU net into IF neurons whose accuracy approaches the ANN as steps grow', async () => {
    const train = blobs(300, 1);
    const test = blobs(150, 2);
    const ann = await trainAnnTwin(train, [16], createRng(3), 30, 32, 0.01);
    expect(ann.accuracy).toBeGreaterThan(0.95);
    const { weights, lambdas } = balanceWeights(ann.weights, train);
    expect(lambdas[0]).toBe(1);
    expect(lambdas.slice(1).every((l) => l > 0)).toBe(true);
    const acc = await snnAccuracy(await createEngine('events'), weights, [16], test, [5, 50]);
    expect(acc[1]!.accuracy).toBeGreaterThan(0.9);
    expect(acc[1]!.accuracy).toBeGreaterThanOrEqual(acc[0]!.accuracy);
  });

  it.skipIf(!HAVE_DATA)('converts an MNIST classifier (1000 training images) and reports the gap vs steps', async () => {
    const img = parseIdx(dataFile('mnist/t10k-images-idx3-ubyte.gz'), 'i.gz');
    const lab = parseIdx(dataFile('mnist/t10k-labels-idx1-ubyte.gz'), 'l.gz');
    const take = (from: number, n: number): StaticSet => ({ x: Float32Array.from(img.data.subarray(from * 784, (from + n) * 784), (v) => v / 255), labels: Int32Array.from(lab.data.subarray(from, from + n)), features: 784, classes: 10 });
    const train = take(0, 1000);
    const test = take(9000, 200);
    const ann = await trainAnnTwin(train, [64], createRng(1), 8, 50, 3e-3);
    const { weights } = balanceWeights(ann.weights, take(0, 300));
    const acc = await snnAccuracy(await createEngine('events'), weights, [64], test, [10, 25, 50, 100]);
    const annTest = annAccuracy(ann.weights, test);
    // Balancing only rescales layers by positive factors: the ANN's decisions do not change.
    expect(annAccuracy(weights, test)).toBe(annTest);
    console.log(`MNIST ANN→SNN: ANN train ${(100 * ann.accuracy).toFixed(1)} %, test ${(100 * annTest).toFixed(1)} %; SNN test ${acc.map((a) => `T=${a.steps} ${(100 * a.accuracy).toFixed(1)} %`).join(', ')}`);
    expect(acc.at(-1)!.accuracy).toBeGreaterThan(0.75);
    expect(annTest - acc.at(-1)!.accuracy).toBeLessThan(0.08);
  });
});
