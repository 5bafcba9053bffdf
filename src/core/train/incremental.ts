import { subsetOf, type LabelledSet } from '../data/datasets/labelledSet.ts';
import { CancelledError, SpecError } from '../errors.ts';
import { compileNetwork } from '../network/compile.ts';
import type { NetworkWeights } from '../network/weights.ts';
import { createRng, type Rng } from '../rng.ts';
import { trainingSchema, type TrainingConfig } from '../spec/trainingConfig.ts';
import type { Workspace } from '../spec/workspace.ts';
import { trainingSets, type TrainingData } from '../trainingSets/workspaceSets.ts';
import { evaluateSetWithPredictions } from './evaluate.ts';
import { shuffle } from './inference.ts';
import type { TrainHooks } from './trainer.ts';
import { checkSetsFit, trainOnSet, type TrainEngineOptions, type TrainEngineReport } from './trainWorkspace.ts';

/** What the device learns: one class held out of the first training, learned later from a few examples. */
export interface IncrementalSpec {
  /** Class index held out of the base training and learned on the device. */
  readonly newClass: number;
  /** Training examples of the new class the device learns from. */
  readonly shots: number;
  /** Training examples kept per old class (the replay buffer); fine-tuning keeps none. */
  readonly replayPerClass: number;
  /** Epochs of each on-device update. */
  readonly epochs: number;
}

/** The two ways the device updates the base model. */
export type IncrementalMethod = 'replay' | 'fine-tune';

/** Training hooks, plus which of the three trainings starts (each reports its own epochs from 0). */
export interface IncrementalHooks extends TrainHooks {
  onStage?(stage: 'base' | IncrementalMethod): void;
}

/** One update and what it did to the test set. */
export interface IncrementalMethodResult {
  readonly method: IncrementalMethod;
  /** Share of the test set's new-class samples predicted as the new class after the update. */
  readonly newClassAccuracy: number;
  /** Share of the test set's old-class samples predicted right after the update. */
  readonly oldAccuracyAfter: number;
  /** Training samples the update learned from. */
  readonly samples: number;
  readonly engine: TrainEngineReport;
}

/** Which training samples each stage used: indices into the workspace's training set. */
export interface IncrementalSamples {
  /** Every training sample of the old classes: the base model's training set. */
  readonly base: readonly number[];
  /** `shots` samples of the new class (both updates learn them). */
  readonly shots: readonly number[];
  /** `replayPerClass` samples of each old class (fewer when a class has fewer), replay only. */
  readonly replay: readonly number[];
}

/** On-device incremental learning of one class, against fine-tuning without replay. */
export interface IncrementalResult {
  readonly newClass: number;
  readonly newClassName: string;
  readonly classes: readonly string[];
  /** The base model (never shown the new class) on the old classes' test samples. */
  readonly oldAccuracyBefore: number;
  /** The base model on the new class's test samples: its output unit had no positive example. */
  readonly newClassAccuracyBefore: number;
  readonly methods: readonly IncrementalMethodResult[];
  readonly samples: IncrementalSamples;
  /** Test samples of the new class and of the old ones. */
  readonly testSamples: { readonly newClass: number; readonly oldClasses: number };
  /** What trained the base model. */
  readonly engine: TrainEngineReport;
  readonly description: string;
}

const isCount = (v: number, min: number): boolean => Number.isInteger(v) && v >= min;

/** Refuses a spec the sets cannot serve, naming the field (as a study's incremental spec spells it). */
function checkSpec(spec: IncrementalSpec, train: LabelledSet, test: LabelledSet, classes: readonly string[]): void {
  const issues: { path: string; message: string }[] = [];
  if (!isCount(spec.newClass, 0) || spec.newClass >= classes.length) issues.push({ path: 'newClass', message: `must be a class index from 0 to ${classes.length - 1} (${classes.join(', ')}), not ${spec.newClass}` });
  if (!isCount(spec.shots, 1)) issues.push({ path: 'shots', message: `must be a whole number of at least 1, not ${spec.shots}` });
  if (!isCount(spec.replayPerClass, 0)) issues.push({ path: 'replayPerClass', message: `must be a whole number of at least 0, not ${spec.replayPerClass}` });
  if (!isCount(spec.epochs, 1)) issues.push({ path: 'epochs', message: `must be a whole number of at least 1, not ${spec.epochs}` });
  if (issues.length > 0) throw new SpecError(issues);
  const name = classes[spec.newClass] ?? String(spec.newClass);
  const have = train.labels.filter((l) => l === spec.newClass).length;
  if (have < spec.shots) issues.push({ path: 'shots', message: `the training set has ${have} samples of class '${name}'; the device cannot learn from ${spec.shots}` });
  if (!test.labels.some((l) => l === spec.newClass)) issues.push({ path: 'newClass', message: `the test set has no sample of class '${name}' to score the new class on` });
  if (!test.labels.some((l) => l !== spec.newClass)) issues.push({ path: 'newClass', message: 'the test set has no sample of any other class to measure forgetting on' });
  if (!train.labels.some((l) => l !== spec.newClass)) issues.push({ path: 'newClass', message: `the training set has only class '${name}': there is no base model to train` });
  if (issues.length > 0) throw new SpecError(issues);
}

/** `n` of `idx` chosen by a seeded shuffle, in set order. */
function choose(idx: readonly number[], n: number, rng: Rng): number[] {
  return shuffle(idx.length, rng)
    .slice(0, n)
    .map((k) => idx[k] as number)
    .sort((a, b) => a - b);
}

/**
 * The training samples of each stage, chosen with `rng`: the base model gets every old-class
 * sample; the device keeps `shots` new-class samples and `replayPerClass` of each old class.
 */
export function incrementalSamples(labels: Int32Array, classes: number, spec: IncrementalSpec, rng: Rng): IncrementalSamples {
  const byClass = Array.from({ length: classes }, () => [] as number[]);
  labels.forEach((l, i) => byClass[l]?.push(i));
  const base = Array.from(labels.keys()).filter((i) => labels[i] !== spec.newClass);
  const shots = choose(byClass[spec.newClass] ?? [], spec.shots, rng.fork('shots'));
  const replay = byClass.flatMap((idx, c) => (c === spec.newClass ? [] : choose(idx, spec.replayPerClass, rng.fork(`replay-${c}`)))).sort((a, b) => a - b);
  return { base, shots, replay };
}

/** A config that learns from labels alone: a device has no teacher to distil from. */
function labelsOnly(cfg: TrainingConfig): TrainingConfig {
  const out = { ...cfg };
  delete out.distillation;
  return out;
}

/** Accuracy on the new class's test samples and on the others', of one network. */
function scoreSplit(ws: Workspace, weights: NetworkWeights, test: LabelledSet, dtMs: number, cfg: TrainingConfig, newClass: number): { newAcc: number; oldAcc: number } {
  const { predictions } = evaluateSetWithPredictions(compileNetwork(ws.network, weights, ws.seed), test, dtMs, cfg);
  let newRight = 0;
  let newAll = 0;
  let oldRight = 0;
  let oldAll = 0;
  test.labels.forEach((l, i) => {
    const right = predictions[i] === l ? 1 : 0;
    if (l === newClass) {
      newAll++;
      newRight += right;
    } else {
      oldAll++;
      oldRight += right;
    }
  });
  return { newAcc: newRight / Math.max(1, newAll), oldAcc: oldRight / Math.max(1, oldAll) };
}

/**
 * On-device incremental learning (ECC-SNN): the workspace's network is first trained on every
 * class but `newClass` (its output layer keeps all classes; the new unit just sees no positive
 * example) and scored on the test set's old classes. Then, from those base weights, two updates of
 * `epochs` epochs each, with no validation split and no early stop (the sets are tiny): 'replay'
 * learns the `shots` new examples together with `replayPerClass` kept examples of each old class,
 * 'fine-tune' the `shots` new examples alone. Each is scored on the new class's test samples and
 * on the old classes' (forgetting = oldAccuracyBefore − oldAccuracyAfter). Every stage learns from
 * labels alone (a `distillation` setting is ignored: the device has no teacher); each keeps the
 * weights of its epoch most accurate on its own training samples, as any training does without a
 * validation split. Stop (hooks.signal) ends it with a CancelledError: a half-run comparison says
 * nothing. The tfjs backend must be set.
 */
export async function learnNewClass(ws: Workspace, data: TrainingData | undefined, spec: IncrementalSpec, hooks: IncrementalHooks = {}, options: TrainEngineOptions = {}): Promise<IncrementalResult> {
  const cfg = labelsOnly(ws.training ?? trainingSchema.parse({}));
  const sets = trainingSets(ws, cfg, data);
  checkSetsFit(ws, sets);
  checkSpec(spec, sets.train, sets.test, sets.classes);
  const samples = incrementalSamples(sets.train.labels, sets.train.classes, spec, createRng(ws.seed, 'incremental'));
  const stopped = (): void => {
    if (hooks.signal?.aborted) throw new CancelledError('incremental learning');
  };
  const ran = <T extends { result: { cancelled: boolean } }>(t: T): T => {
    if (t.result.cancelled) throw new CancelledError('incremental learning');
    return t;
  };

  hooks.onStage?.('base');
  const base = ran(await trainOnSet(ws, compileNetwork(ws.network, undefined, ws.seed), subsetOf(sets.train, samples.base), cfg, sets.dtMs, createRng(ws.seed, 'train'), hooks, options));
  stopped();
  const baseWs: Workspace = { ...ws, network: base.result.network };
  const before = scoreSplit(baseWs, base.result.weights, sets.test, sets.dtMs, cfg, spec.newClass);

  const updateCfg: TrainingConfig = { ...cfg, epochs: spec.epochs, validationFraction: 0, patience: 0 };
  const updates: [IncrementalMethod, readonly number[]][] = [
    ['replay', [...samples.shots, ...samples.replay].sort((a, b) => a - b)],
    ['fine-tune', samples.shots],
  ];
  const methods: IncrementalMethodResult[] = [];
  for (const [method, idx] of updates) {
    stopped();
    hooks.onStage?.(method);
    const net = compileNetwork(baseWs.network, base.result.weights, ws.seed);
    const update = ran(await trainOnSet(baseWs, net, subsetOf(sets.train, idx), updateCfg, sets.dtMs, createRng(ws.seed, `incremental-${method}`), hooks, options));
    const after = scoreSplit({ ...baseWs, network: update.result.network }, update.result.weights, sets.test, sets.dtMs, cfg, spec.newClass);
    methods.push({ method, newClassAccuracy: after.newAcc, oldAccuracyAfter: after.oldAcc, samples: idx.length, engine: update.engine });
  }
  const newTest = sets.test.labels.filter((l) => l === spec.newClass).length;
  const newClassName = sets.classes[spec.newClass] ?? String(spec.newClass);
  return {
    newClass: spec.newClass,
    newClassName,
    classes: sets.classes,
    oldAccuracyBefore: before.oldAcc,
    newClassAccuracyBefore: before.newAcc,
    methods,
    samples,
    testSamples: { newClass: newTest, oldClasses: sets.test.labels.length - newTest },
    engine: base.engine,
    description: `${sets.description}; base model without '${newClassName}' on ${samples.base.length} samples, then ${spec.shots} of '${newClassName}' (+ ${samples.replay.length} replayed) for ${spec.epochs} epochs`,
  };
}
