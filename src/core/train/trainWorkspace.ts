import { compileNetwork } from '../network/compile.ts';
import type { NetworkWeights } from '../network/weights.ts';
import { createRng } from '../rng.ts';
import type { Workspace } from '../spec/workspace.ts';
import { AAMI_CLASSES } from '../data/datasets/aami.ts';
import { SpecError } from '../errors.ts';
import { inferShapes, shapeSize } from '../network/shapes.ts';
import { trainingSchema, type TrainingConfig } from './config.ts';
import { audioFileSets } from './audioFileSets.ts';
import { eventFileSets, type LabelledEvents } from './eventFileSets.ts';
import { sourceClassSets } from './sourceClassSets.ts';
import { ensureTrainableBackend } from './trainingBackend.ts';
import { ecgTrainingSets, type NamedRecord } from './ecgTraining.ts';
import { evaluateSetWithPredictions } from './evaluate.ts';
import type { ClassMetrics } from './metrics.ts';
import type { NeuronParamValues } from './neuronParams.ts';
import { trainNetwork, type EpochReport, type LabelledSet, type TrainHooks } from './trainer.ts';

/** A trained workspace: its network now carries learned neuron parameters; weights beside it. */
export interface WorkspaceTraining {
  readonly workspace: Workspace;
  readonly weights: NetworkWeights;
  readonly neuronParams: NeuronParamValues;
  readonly history: readonly EpochReport[];
  readonly bestEpoch: number;
  /** Metrics of the best weights on the held-out test beats. */
  readonly test: ClassMetrics;
  /** The test set, its predicted classes and step length (to show any test sample's raster). */
  readonly testSet: LabelledSet;
  readonly testPredictions: Int32Array;
  readonly dtMs: number;
  readonly description: string;
  readonly cancelled: boolean;
  /** Class names, in label order. */
  readonly classes: readonly string[];
  /** The tfjs backend training ran on, and why if it is not the one asked for. */
  readonly backend: string;
}

/** Recordings read from a folder for training: signals (WFDB heartbeats, WAV digits) or labelled event recordings. */
export type TrainingData = { readonly kind: 'signals'; readonly records: readonly NamedRecord[] } | { readonly kind: 'events'; readonly samples: readonly LabelledEvents[] };

/** Refuses sets the network cannot take: input width and classes must match its first and last layers. */
export function checkSetsFit(ws: Workspace, sets: { train: LabelledSet; classes: readonly string[] }): void {
  const { shapes } = inferShapes(ws.network);
  const inWidth = shapeSize(shapes[0] ?? [0]);
  const outWidth = shapeSize(shapes[shapes.length - 1] ?? [0]);
  const issues = [];
  if (sets.train.labels.length === 0) issues.push({ path: 'training.dataset', message: 'there is no training sample' });
  if (sets.train.neurons !== inWidth) issues.push({ path: 'network.layers[0].shape', message: `the training samples have ${sets.train.neurons} inputs per step but the input layer has ${inWidth} (a record at another sampling rate?)` });
  if (sets.classes.length !== outWidth) issues.push({ path: `network.layers[${ws.network.layers.length - 1}]`, message: `the data has ${sets.classes.length} classes but the network ends in ${outWidth} units` });
  if (issues.length > 0) throw new SpecError(issues);
}

/** The labelled sets a workspace trains on, with its class names. */
export function trainingSets(ws: Workspace, cfg: TrainingConfig, data?: TrainingData): { train: LabelledSet; test: LabelledSet; dtMs: number; classes: readonly string[]; description: string } {
  if (data?.kind === 'events') return eventFileSets(ws, data.samples);
  const records = data?.records;
  if (cfg.dataset.kind === 'source-classes') {
    if (!records) return sourceClassSets(ws, cfg.dataset);
    if (ws.data.kind === 'synthetic-audio') return audioFileSets(ws, records, cfg.dataset.split);
    throw new SpecError([{ path: 'training.dataset.kind', message: `recordings (--data) stand in for a spoken-digit source only; this workspace's source is '${ws.data.kind}'` }]);
  }
  return { ...ecgTrainingSets(ws, records), classes: AAMI_CLASSES };
}

/**
 * Trains a workspace end to end, as the page's worker and the CLI both do: builds its data sets
 * (synthetic beats or built-in samples, or recordings read from a folder: `data`), trains with BPTT and scores the best weights on
 * the test set with the learned parameters written into the network. The tfjs backend must be set.
 */
export async function trainWorkspace(ws: Workspace, data: TrainingData | undefined, hooks: TrainHooks = {}): Promise<WorkspaceTraining> {
  const cfg = ws.training ?? trainingSchema.parse({});
  const sets = trainingSets(ws, cfg, data);
  checkSetsFit(ws, sets);
  const net = compileNetwork(ws.network, undefined, ws.seed);
  const backend = await ensureTrainableBackend(ws.network);
  const result = await trainNetwork(net, sets.train, cfg, sets.dtMs, createRng(ws.seed, 'train'), hooks);
  const workspace: Workspace = { ...ws, network: result.network };
  const { metrics: test, predictions } = evaluateSetWithPredictions(compileNetwork(result.network, result.weights, ws.seed), sets.test, sets.dtMs, cfg);
  return {
    workspace,
    weights: result.weights,
    neuronParams: result.neuronParams,
    history: result.history,
    bestEpoch: result.bestEpoch,
    test,
    testSet: sets.test,
    testPredictions: predictions,
    dtMs: sets.dtMs,
    description: sets.description,
    cancelled: result.cancelled,
    classes: sets.classes,
    backend: backend.reason ? `${backend.backend} (${backend.reason})` : backend.backend,
  };
}
