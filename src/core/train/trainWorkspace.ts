import { compileNetwork } from '../network/compile.ts';
import type { CompiledNetwork } from '../engine/types.ts';
import type { NetworkWeights } from '../network/weights.ts';
import { createRng, type Rng } from '../rng.ts';
import type { Workspace } from '../spec/workspace.ts';
import { SpecError } from '../errors.ts';
import { inferShapes, shapeSize } from '../network/shapes.ts';
import { trainingSchema, type TrainingConfig } from '../spec/trainingConfig.ts';
import { sourceClassNames } from '../trainingSets/sourceClassSets.ts';
import { trainingSets, type TrainingData } from '../trainingSets/workspaceSets.ts';
import { ensureTrainableBackend } from './trainingBackend.ts';
import { scoreInOrder, scoreTestSet, type TestCoverage } from './testScoring.ts';
import type { ClassMetrics } from './metrics.ts';
import type { NeuronParamValues } from './neuronParams.ts';
import type { KernelSource } from '../engine/kernels/kernelModule.ts';
import { loadBpttKernel, type BpttKernel } from './bptt/bpttKernel.ts';
import { kernelPlan, trainWithKernel, type TrainingThreads } from './kernelTraining.ts';
import { trainNetwork, type EpochReport, type LabelledSet, type TrainHooks, type TrainResult } from './trainer.ts';
import { sampleOutputs } from './sampleOutputs.ts';
import { checkDistillationLoss } from './distillation.ts';
import { checkWorkspaceBudgets } from '../spec/workspaceBudgets.ts';
import { resolveChip } from '../hardware/chips/index.ts';
import { CHIP_TARGET_DEFAULT } from '../hardware/chipTarget.ts';

/** A trained workspace: its network now carries learned neuron parameters; weights beside it. */
export interface WorkspaceTraining {
  readonly workspace: Workspace;
  readonly weights: NetworkWeights;
  readonly neuronParams: NeuronParamValues;
  readonly history: readonly EpochReport[];
  readonly bestEpoch: number;
  /** Metrics of the best weights on the held-out test beats (a random subset of them when stopped: `testCoverage`). */
  readonly test: ClassMetrics;
  readonly testCoverage: TestCoverage;
  /** The test samples scored, their predicted classes and step length (to show any test sample's raster). */
  readonly testSet: LabelledSet;
  readonly testPredictions: Int32Array;
  readonly dtMs: number;
  readonly description: string;
  readonly cancelled: boolean;
  /** Class names, in label order. */
  readonly classes: readonly string[];
  /** The tfjs backend training ran on (or the test set was scored on), and why if it is not the one asked for; 'none …' when tfjs did neither. */
  readonly backend: string;
  /** What ran BPTT: Spikelab's WebAssembly kernel or tfjs, and why. */
  readonly engine: TrainEngineReport;
  /** Present when the workspace learned from a teacher by distillation: the knobs and the teacher's name. */
  readonly distilled?: { readonly temperature: number; readonly weight: number; readonly teacher: string };
}

/** A trained workspace another learns from by distillation (its network with learned parameters written in, and its weights). */
export interface TeacherModel {
  readonly workspace: Workspace;
  readonly weights: NetworkWeights;
}

/** Which BPTT engine to use: the kernel when it supports the network ('auto'), or one of them. */
export type TrainEngineChoice = 'auto' | 'kernel' | 'tfjs';

/** What trained, and why that one. */
export interface TrainEngineReport {
  readonly name: 'kernel' | 'tfjs';
  readonly reason: string;
}

/** Where the BPTT kernel comes from, and which engine the caller wants. */
export interface TrainEngineOptions {
  readonly kernel?: KernelSource;
  readonly engine?: TrainEngineChoice;
  /** Gradient threads for the kernel (data-parallel BPTT); absent or 1 = the caller's thread only. */
  readonly threads?: TrainingThreads;
  /** Why there are no threads, when the host knows (e.g. the page is not cross-origin isolated). */
  readonly threadsNote?: string;
  /**
   * Score the test set on the kernel that trained rather than on tfjs (the page: tfjs-webgl would
   * first compile its shaders, 4 s on SwiftShader, holding a Stop that long; the kernel's forward
   * pass gives the engines' inference spikes). The CLI scores on tfjs, as `spikelab eval` does.
   */
  readonly testOnKernel?: boolean;
  /** The trained teacher a workspace with `training.distillation` learns from (required then; ignored otherwise). */
  readonly teacher?: TeacherModel;
}

/** The engine for a workspace: the kernel when asked or 'auto' and it can; tfjs otherwise, with why. */
export function chooseTrainEngine(ws: Workspace, cfg: TrainingConfig, dtMs: number, options: TrainEngineOptions): TrainEngineReport {
  const choice = options.engine ?? 'auto';
  if (choice === 'tfjs') return { name: 'tfjs', reason: 'tfjs was asked for' };
  const plan = kernelPlan(ws.network, cfg, dtMs);
  if (!plan.ok) {
    if (choice === 'kernel') throw new SpecError([{ path: 'network', message: `the BPTT kernel cannot train this workspace: ${plan.reason}` }]);
    return { name: 'tfjs', reason: plan.reason };
  }
  if (!options.kernel) {
    if (choice === 'kernel') throw new SpecError([{ path: 'network', message: 'the BPTT kernel is not available here' }]);
    return { name: 'tfjs', reason: 'the BPTT kernel is not available here' };
  }
  const n = options.threads?.threads ?? 1;
  const how = n > 1 ? `${n} threads, each batch split between them` : `one thread${options.threadsNote ? ` (${options.threadsNote})` : ''}`;
  return { name: 'kernel', reason: `WebAssembly SIMD BPTT kernel, ${how} (dense and conv layers, recurrent dense populations, LIF, IF, current-based and adaptive LIF neurons)` };
}

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

/** Why a workspace that distils cannot train without its teacher (the page's Train on an ECC-SNN edge workspace). */
export const DISTILLATION_NEEDS_TEACHER =
  'this workspace learns from a teacher by distillation; train it from its study (Studies ▸ ECC-SNN ▸ Run), or remove the distillation setting to train it on labels alone';

/** Refuses a distillation that cannot run, before any data is built: no teacher, or a loss without a distribution. */
function checkDistillationSetup(cfg: TrainingConfig, options: TrainEngineOptions): void {
  if (!cfg.distillation) return;
  if (!options.teacher) throw new SpecError([{ path: 'training.distillation', message: DISTILLATION_NEEDS_TEACHER }]);
  checkDistillationLoss(cfg);
}

/**
 * The teacher's output logits on the student's training samples, in the student's order. The
 * teacher builds its own sets from the same data (it may encode them otherwise: an ANN on values,
 * the SNN on spikes) and runs its trained network over its training samples on tfjs; its samples
 * must be the student's, label for label, which the same data set and seed guarantee.
 */
export function teacherLogits(student: { train: LabelledSet; classes: readonly string[] }, teacher: TeacherModel, data: TrainingData | undefined): Float32Array[] {
  const path = 'training.distillation';
  const tws = teacher.workspace;
  const tcfg = tws.training ?? trainingSchema.parse({});
  const tsets = trainingSets(tws, tcfg, data);
  checkSetsFit(tws, tsets);
  const same = 'the teacher and the student must train on the same data set and seed';
  if (tsets.classes.join('\u0000') !== student.classes.join('\u0000')) throw new SpecError([{ path, message: `${same}: the teacher '${tws.name}' has classes ${tsets.classes.join(', ')}, the student ${student.classes.join(', ')}` }]);
  const a = tsets.train.labels;
  const b = student.train.labels;
  if (a.length !== b.length) throw new SpecError([{ path, message: `${same}: the teacher '${tws.name}' has ${a.length} training samples, the student ${b.length}` }]);
  const k = a.findIndex((label, i) => label !== b[i]);
  if (k >= 0) throw new SpecError([{ path, message: `${same}: training sample ${k} is '${tsets.classes[a[k] ?? 0] ?? '?'}' for the teacher '${tws.name}' and '${student.classes[b[k] ?? 0] ?? '?'}' for the student` }]);
  return sampleOutputs(compileNetwork(tws.network, teacher.weights, tws.seed), tsets.train, tsets.dtMs, tcfg).logits;
}

/** A training run on one set, and what ran it. */
export interface SetTraining {
  readonly result: TrainResult;
  readonly engine: TrainEngineReport;
  /** The tfjs backend, and why if it is not the one that was active. */
  readonly backend: { readonly backend: string; readonly reason?: string };
}

/**
 * Trains a compiled network on one labelled set with the engine the options choose (the BPTT
 * kernel when it can and is given, else tfjs, with why): trainWorkspace's training step, shared
 * with the trainings that build their own sets (incremental.ts).
 */
export async function trainOnSet(ws: Workspace, net: CompiledNetwork, set: LabelledSet, cfg: TrainingConfig, dtMs: number, rng: Rng, hooks: TrainHooks, options: TrainEngineOptions): Promise<SetTraining> {
  let engine = chooseTrainEngine(ws, cfg, dtMs, options);
  let kernel: BpttKernel | undefined;
  if (engine.name === 'kernel' && options.kernel) {
    try {
      kernel = await loadBpttKernel(options.kernel);
    } catch (e) {
      // A host without WebAssembly SIMD, or a stale build: train on tfjs, and say why.
      if (options.engine === 'kernel') throw e;
      engine = { name: 'tfjs', reason: `the BPTT kernel did not load (${e instanceof Error ? e.message : String(e)})` };
    }
  }
  const backend = await ensureTrainableBackend(ws.network);
  const result = kernel ? await trainWithKernel(kernel, net, set, cfg, dtMs, rng, hooks, options.threads, ws.simulation.precision) : await trainNetwork(net, set, cfg, dtMs, rng, hooks, resolveChip(ws.chip ?? CHIP_TARGET_DEFAULT));
  return { result, engine, backend };
}

/**
 * Trains a workspace end to end, as the page's worker and the CLI both do: builds its data sets
 * (synthetic beats or built-in samples, or recordings read from a folder: `data`), trains with BPTT and scores the best weights on
 * the test set with the learned parameters written into the network. The tfjs backend must be set.
 */
export async function trainWorkspace(ws: Workspace, data: TrainingData | undefined, hooks: TrainHooks = {}, options: TrainEngineOptions = {}): Promise<WorkspaceTraining> {
  const cfg = ws.training ?? trainingSchema.parse({});
  checkDistillationSetup(cfg, options);
  // Recordings (--data) bring their own samples; the built-in classes are costed before any is
  // generated. A file source has no built-in classes: trainingSets asks for its file.
  const builtIn = cfg.dataset.kind === 'source-classes' && !data && !('file' in ws.data);
  checkWorkspaceBudgets(ws, builtIn ? { trainingClasses: sourceClassNames(ws).length } : {});
  const sets = trainingSets(ws, cfg, data);
  checkSetsFit(ws, sets);
  const net = compileNetwork(ws.network, undefined, ws.seed);
  const teacher = cfg.distillation ? options.teacher : undefined;
  const train = teacher ? { ...sets.train, teacherLogits: teacherLogits(sets, teacher, data) } : sets.train;
  const { result, engine, backend } = await trainOnSet(ws, net, train, cfg, sets.dtMs, createRng(ws.seed, 'train'), hooks, options);
  const workspace: Workspace = { ...ws, network: result.network };
  // A Stop during training or scoring ends scoring within STOPPED_SCORING_MS, on a random subset.
  const scoring = { signal: hooks.signal, rng: createRng(ws.seed, 'test-order'), ...(hooks.onScore ? { onProgress: (d: number, t: number) => hooks.onScore?.(d, t) } : {}) };
  const { predictor } = result;
  const onKernel = options.testOnKernel === true && predictor !== undefined;
  const scored = onKernel ? await scoreInOrder(sets.test, (idx) => predictor(sets.test, idx), scoring) : await scoreTestSet(compileNetwork(result.network, result.weights, ws.seed), sets.test, sets.dtMs, cfg, scoring);
  return {
    workspace,
    weights: result.weights,
    neuronParams: result.neuronParams,
    history: result.history,
    bestEpoch: result.bestEpoch,
    test: scored.metrics,
    testCoverage: scored.coverage,
    testSet: scored.set,
    testPredictions: scored.predictions,
    dtMs: sets.dtMs,
    description: sets.description,
    cancelled: result.cancelled,
    classes: sets.classes,
    backend: onKernel ? 'none (the kernel scored the test set)' : backend.reason ? `${backend.backend} (${backend.reason})` : backend.backend,
    engine,
    ...(cfg.distillation && teacher ? { distilled: { temperature: cfg.distillation.temperature, weight: cfg.distillation.weight, teacher: teacher.workspace.name } } : {}),
  };
}
