import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { parseIdx } from '../core/data/formats/idxReader.ts';
import { createEngine } from '../core/engine/index.ts';
import { createRng } from '../core/rng.ts';
import { annAccuracy, balanceWeights, snnAccuracy, trainAnnTwin, type StaticSet } from '../core/train/convert.ts';
import { EXIT, UsageError, type CliIo } from './io.ts';


/**
 * `spikelab convert`: ANN-to-SNN conversion on MNIST IDX files (t10k images and labels in the
 * folder): trains the ReLU twin, balances weights by the 99.9th percentile, and reports the SNN's
 * accuracy against the ANN's for T = 10, 25, 50, 100 steps.
 */
export async function convertCommand(argv: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: { data: { type: 'string' }, train: { type: 'string', default: '2000' }, test: { type: 'string', default: '500' }, hidden: { type: 'string', default: '128' }, epochs: { type: 'string', default: '8' }, seed: { type: 'string', default: '1' }, json: { type: 'boolean', default: false } },
    strict: true,
  });
  if (!values.data) throw new UsageError('--data MNIST_DIR is required (a folder with t10k-images-idx3-ubyte[.gz] and t10k-labels-idx1-ubyte[.gz])');
  const find = (base: string) => [base, `${base}.gz`].map((n) => join(values.data ?? '', n)).find((p) => existsSync(p));
  const imgPath = find('t10k-images-idx3-ubyte');
  const labPath = find('t10k-labels-idx1-ubyte');
  if (!imgPath || !labPath) throw new UsageError(`no MNIST t10k images and labels in '${values.data}'`);
  const [nTrain, nTest, hidden, epochs, seed] = [values.train, values.test, values.hidden, values.epochs, values.seed].map(Number) as [number, number, number, number, number];
  if (![nTrain, nTest, hidden, epochs].every((v) => Number.isInteger(v) && v > 0) || nTrain + nTest > 10_000) throw new UsageError('--train, --test, --hidden and --epochs must be positive whole numbers, train + test ≤ 10000');
  const img = parseIdx(new Uint8Array(readFileSync(imgPath)), imgPath);
  const lab = parseIdx(new Uint8Array(readFileSync(labPath)), labPath);
  const take = (from: number, n: number): StaticSet => ({ x: Float32Array.from(img.data.subarray(from * 784, (from + n) * 784), (v) => v / 255), labels: Int32Array.from(lab.data.subarray(from, from + n)), features: 784, classes: 10 });
  const train = take(0, nTrain);
  // The test images come from the other end of the file: never seen in training.
  const test = take(10_000 - nTest, nTest);
  await createEngine('tfjs-wasm');
  const ann = await trainAnnTwin(train, [hidden], createRng(seed), epochs, 64, 3e-3);
  const annTest = annAccuracy(ann.weights, test);
  const { weights } = balanceWeights(ann.weights, take(0, Math.min(nTrain, 500)));
  const snn = await snnAccuracy(await createEngine('events'), weights, [hidden], test, [10, 25, 50, 100]);
  if (values.json) io.out(JSON.stringify({ ann_accuracy: annTest, snn: snn.map((s) => ({ steps: s.steps, accuracy: s.accuracy, gap: annTest - s.accuracy })) }));
  else {
    io.out(`ANN (784-${hidden}-10, ReLU, ${nTrain} training images): test accuracy ${(100 * annTest).toFixed(1)} %`);
    for (const s of snn) io.out(`SNN (IF, balanced) T=${String(s.steps).padStart(3)}: ${(100 * s.accuracy).toFixed(1)} % (gap ${(100 * (annTest - s.accuracy)).toFixed(1)} points)`);
  }
  return EXIT.ok;
}
