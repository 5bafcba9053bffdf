// What an export gathers: a workspace's own training run as Spikelab would start it (its sets,
// split, epoch orders and seeded initial weights), or the W2 benchmark's batch (WORKLOADS.md).

import { W1_SIZES, w1Input, w1Network, w1NetworkSpec, w2Labels } from '../../bench/canonical.ts';
import { compileNetwork } from '../../network/compile.ts';
import { createRng } from '../../rng.ts';
import { DEFAULT_PRECISION } from '../../spec/precision.ts';
import type { Workspace } from '../../spec/workspace.ts';
import { trainingSchema } from '../../spec/trainingConfig.ts';
import { checkWorkspaceBudgets } from '../../spec/workspaceBudgets.ts';
import { sourceClassNames } from '../../trainingSets/sourceClassSets.ts';
import { trainingSets, type TrainingData } from '../../trainingSets/workspaceSets.ts';
import { shuffle } from '../../train/inference.ts';
import { splitForTraining } from '../../train/epochLoop.ts';
import { checkSetsFit } from '../../train/trainWorkspace.ts';
import type { LabelledSet } from '../../data/datasets/labelledSet.ts';
import type { TorchExportInput } from './torchProject.ts';

/** Most values of Spikelab's epoch orders an export holds (64 MB of int32); past it, PyTorch shuffles. */
export const MAX_ORDER_VALUES = 16 * 1024 * 1024;

/**
 * The export of a workspace: the labelled sets `spikelab train` builds (from `data` when given),
 * the split and epoch orders its run draws from createRng(seed, 'train') (trainWorkspace.ts and
 * epochLoop.ts), and the initial weights compileNetwork draws from the seed.
 */
export function workspaceExportInput(ws: Workspace, data?: TrainingData): TorchExportInput {
  const cfg = ws.training ?? trainingSchema.parse({});
  const builtIn = cfg.dataset.kind === 'source-classes' && !data && !('file' in ws.data);
  checkWorkspaceBudgets(ws, builtIn ? { trainingClasses: sourceClassNames(ws).length } : {});
  const sets = trainingSets(ws, cfg, data);
  checkSetsFit(ws, sets);
  const rng = createRng(ws.seed, 'train');
  const split = splitForTraining(sets.train, cfg, rng);
  const n = split.trainIdx.length;
  const epochs = Math.min(cfg.epochs, Math.floor(MAX_ORDER_VALUES / Math.max(1, n)));
  const epochOrders = Array.from({ length: epochs }, (_, e) => shuffle(n, rng.fork(`epoch${e}`)));
  return {
    name: ws.name,
    seed: ws.seed,
    network: ws.network,
    training: cfg,
    dtMs: sets.dtMs,
    weights: compileNetwork(ws.network, undefined, ws.seed).weights,
    train: sets.train,
    test: sets.test,
    classes: sets.classes,
    split,
    epochOrders,
    source: sets.description,
    precision: ws.simulation.precision ?? DEFAULT_PRECISION,
  };
}

/**
 * WORKLOADS.md W2: W1's network and weights, its batch of 64 with the canonical labels, one step
 * of Adam (lr 1e-3) on the whole batch, no clipping; the batch is also the test set. Its first
 * loss is the reference 44.15788.
 */
export function w2ExportInput(): TorchExportInput {
  const { steps, batch, inputs, outputs } = W1_SIZES;
  const x = w1Input().values;
  const samples = Array.from({ length: batch }, (_, b) => {
    const s = new Float32Array(steps * inputs);
    for (let t = 0; t < steps; t++) s.set(x.subarray((t * batch + b) * inputs, (t * batch + b + 1) * inputs), t * inputs);
    return s;
  });
  const set: LabelledSet = { inputs: samples, labels: w2Labels(), steps, neurons: inputs, classes: outputs };
  const all = Array.from({ length: batch }, (_, i) => i);
  const training = trainingSchema.parse({ epochs: 1, batchSize: batch, learningRate: 1e-3, clipNorm: 0, validationFraction: 0, patience: 0, loss: 'ceCount' });
  return {
    name: 'W2 (WORKLOADS.md)',
    seed: 0,
    network: w1NetworkSpec(),
    training,
    dtMs: 1,
    weights: w1Network().weights,
    train: set,
    test: set,
    classes: Array.from({ length: outputs }, (_, k) => `class ${k}`),
    split: { trainIdx: all, val: [], classWeight: new Array<number>(outputs).fill(1) },
    epochOrders: [all],
    source: 'the W2 batch of ../shared/bench/WORKLOADS.md (64 samples, canonical input and labels)',
    precision: DEFAULT_PRECISION,
  };
}
