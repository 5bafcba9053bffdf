import { releaseProxy, transfer } from 'comlink';
import { createEngine, type EngineFactoryOptions } from '../src/core/engine/index.ts';
import type { KernelSource } from '../src/core/engine/kernels/kernelModule.ts';
import type { NetworkWeights } from '../src/core/network/weights.ts';
import type { NetworkSpec } from '../src/core/spec/network.ts';
import { parseWorkspace } from '../src/core/spec/parseWorkspace.ts';
import type { ClassMetrics } from '../src/core/train/metrics.ts';
import type { TestCoverage } from '../src/core/train/testScoring.ts';
import type { EpochReport } from '../src/core/train/trainer.ts';
import type { NamedBytes } from '../src/core/data/formats/loadFiles.ts';
import { droppedTrainingData } from '../src/core/trainingSets/droppedTrainingData.ts';
import { testSampleRun } from '../src/core/train/sampleRun.ts';
import { withWebglFallback } from '../src/core/train/trainingBackend.ts';
import { trainWorkspace, type TrainEngineOptions, type WorkspaceTraining } from '../src/core/train/trainWorkspace.ts';
import type { TrainingThreads } from '../src/core/train/kernelTraining.ts';
import type { RunReply } from './api.ts';
import { replyBuffers } from './replyBuffers.ts';
import { SpikelabError } from '../src/core/errors.ts';
import { runStudy, type StudyProgress } from '../src/core/study/runStudy.ts';
import { STUDIES } from '../src/core/study/studyRegistry.ts';
import type { StudyDefinition, StudyResult } from '../src/core/study/studyTypes.ts';
import type { Workspace } from '../src/core/spec/workspace.ts';

/** What a training job returns. */
export interface TrainReply {
  readonly weights: NetworkWeights;
  /** The network with learned neuron parameters written in (the page adopts it with the weights). */
  readonly network: NetworkSpec;
  readonly history: readonly EpochReport[];
  readonly test: ClassMetrics;
  /** How many test samples `test` counts: all, or a random subset when Stop cut scoring short. */
  readonly testCoverage: TestCoverage;
  /** The epoch whose weights these are (0-based). */
  readonly bestEpoch: number;
  /** Class names in label order. */
  readonly classes: readonly string[];
  readonly backend: string;
  readonly description: string;
  readonly cancelled: boolean;
}

/** What a progress report counts: training batches of the current epoch, or test samples scored after training. */
export type TrainPhase = 'train' | 'test';

/** Progress reports at most this often, ms (the last of a phase always goes): often enough for a live ETA, rarely enough not to flood the page. */
export const PROGRESS_EVERY_MS = 200;

/** What the page asks of a study run: the page's quick size, a seed, and the workspaces the user changed by `${task}/${system}`. */
export interface StudyJobOptions {
  readonly quick: boolean;
  readonly seed?: number;
  readonly workspaces?: Readonly<Record<string, unknown>>;
}

/** The training worker's API. */
export interface TrainApi {
  /**
   * `files`: dropped WFDB records or WAV digits to train on (bytes transferred); else the workspace's own data.
   * A Stop before the first epoch finished rejects with CancelledError: there are no new weights.
   */
  train(jobId: string, workspace: unknown, onEpoch?: (r: EpochReport) => void, onProgress?: (done: number, total: number, phase: TrainPhase) => void, files?: readonly NamedBytes[]): Promise<TrainReply>;
  pause(jobId: string): void;
  resume(jobId: string): void;
  /** Stops after the current batch (or chunk of scored samples); the reply carries the best finished epoch's weights. */
  stop(jobId: string): void;
  /**
   * The raster of the `nth` test sample of the last finished training whose true class is
   * `trueClass` and prediction `predicted` (a confusion-matrix cell), on the event engine.
   */
  sample(trueClass: number, predicted: number, nth: number, classes: readonly string[]): Promise<RunReply & { readonly index: number; readonly count: number }>;
  /**
   * Runs a study of the registry (core/study/runStudy.ts, as `spikelab study` does: the BPTT
   * kernel trains, tfjs-wasm scores and maps) on the generators (the page has no data folders).
   * `stop(jobId)` ends it with CancelledError; progress at most every PROGRESS_EVERY_MS.
   */
  runStudy(jobId: string, studyId: string, options: StudyJobOptions, onProgress?: (p: StudyProgress) => void): Promise<StudyResult>;
}

/** Forwards progress at most every PROGRESS_EVERY_MS, and always the end of a phase. */
function throttled(report: (done: number, total: number, phase: TrainPhase) => void, phase: TrainPhase): (done: number, total: number) => void {
  let last = 0;
  return (done, total) => {
    const now = Date.now();
    if (done < total && now - last < PROGRESS_EVERY_MS) return;
    last = now;
    void report(done, total, phase);
  };
}

function release(cb: unknown): void {
  const r = (cb as { [releaseProxy]?: () => void } | undefined)?.[releaseProxy];
  if (typeof r === 'function') r.call(cb);
}

/** The training facade: parse, build the data sets, train (tfjs: webgl, else wasm, else cpu), evaluate. */
export function createTrainApi(
  options: EngineFactoryOptions & {
    readonly kernel?: KernelSource;
    readonly threads?: () => { readonly threads?: TrainingThreads; readonly note?: string };
    /** The studies runStudy looks up (tests give their own); default the registry. */
    readonly studies?: Readonly<Record<string, StudyDefinition>>;
  } = {},
) {
  const studies = options.studies ?? STUDIES;
  let last: WorkspaceTraining | undefined;
  const jobs = new Map<string, { stop: { aborted: boolean }; paused: boolean; wake: (() => void) | undefined }>();
  /** The kernel, and the gradient threads the host offers (or why it offers none). */
  const kernelOptions = (): TrainEngineOptions => {
    if (!options.kernel) return {};
    const t = options.threads?.();
    // The test set is scored on the kernel that trained: tfjs-webgl would first compile its shaders
    // (4 s on SwiftShader), holding a Stop that long.
    return { kernel: options.kernel, testOnKernel: true, ...(t?.threads ? { threads: t.threads } : {}), ...(t?.note ? { threadsNote: t.note } : {}) };
  };
  const api = {
    async train(jobId: string, workspace: unknown, onEpoch?: (r: EpochReport) => void, onProgress?: (done: number, total: number, phase: TrainPhase) => void, files?: readonly NamedBytes[]): Promise<TrainReply> {
      const ws = parseWorkspace(workspace);
      if (!ws.training) throw new SpikelabError('not_trainable', 'this workspace has no training section; open a trainable preset such as "ECG beats (synthetic)"');
      const job = { stop: { aborted: false }, paused: false, wake: undefined as (() => void) | undefined };
      jobs.set(jobId, job);
      try {
        await createEngine('tfjs', options);
        const run = () =>
          trainWorkspace(ws, files && files.length > 0 ? droppedTrainingData(files) : undefined, {
            signal: job.stop,
            gate: () => (job.paused ? new Promise<void>((r) => (job.wake = r)) : Promise.resolve()),
            ...(onEpoch ? { onEpoch: (r: EpochReport) => void onEpoch(r) } : {}),
            ...(onProgress ? { onBatch: throttled(onProgress, 'train'), onScore: throttled(onProgress, 'test') } : {}),
          }, kernelOptions());
        // As createEngine would start it: the page's bundle cannot start tfjs-wasm's pthreads (options say so).
        const leaveWebgl = async () => (await (await import('../src/core/engine/tfjs/backend.ts')).selectBackend('wasm', options.wasmPaths, undefined, options.tfjsThreadedBuild)).backend;
        const { result: trainedOn, fellBack } = await withWebglFallback(run, leaveWebgl);
        const result = fellBack ? { ...trainedOn, backend: `${trainedOn.backend}: ${fellBack}` } : trainedOn;
        last = result;
        const { weights, history, test, testCoverage, bestEpoch, description, cancelled, classes, workspace: trained } = result;
        const backend = result.engine.name === 'kernel' ? `the BPTT kernel (${result.engine.reason})` : `tfjs ${result.backend} (not the kernel: ${result.engine.reason})`;
        return { weights, network: trained.network, history, test, testCoverage, bestEpoch, classes, backend, description, cancelled };
      } finally {
        jobs.delete(jobId);
        release(onEpoch);
        release(onProgress);
      }
    },
    async sample(trueClass: number, predicted: number, nth: number, classes: readonly string[]) {
      if (!last) throw new SpikelabError('not_trained', 'train the network first: the samples come from its test set');
      const engine = await createEngine('events');
      const s = await testSampleRun(last, trueClass, predicted, nth, engine);
      const caption = `test sample ${s.index} (${(nth % s.count) + 1} of ${s.count}): true ${classes[trueClass] ?? trueClass}, predicted ${classes[predicted] ?? predicted}`;
      const reply = { result: s.result, readout: s.readout, source: { kind: 'sample' as const, caption, steps: s.steps, neurons: s.neurons, values: s.input }, engine: engine.info(), index: s.index, count: s.count };
      return transfer(reply, replyBuffers(reply));
    },
    async runStudy(jobId: string, studyId: string, opts: StudyJobOptions, onProgress?: (p: StudyProgress) => void): Promise<StudyResult> {
      const def = typeof studyId === 'string' && Object.hasOwn(studies, studyId) ? studies[studyId] : undefined;
      if (!def) throw new SpikelabError('unknown_study', `no study '${String(studyId).slice(0, 40)}'; the studies are ${Object.keys(studies).join(', ') || 'none yet'}`);
      // Parse, don't cast: a changed workspace is validated like any other that enters the worker.
      const workspaces: Record<string, Workspace> = {};
      for (const [key, ws] of Object.entries(opts.workspaces ?? {})) workspaces[key] = parseWorkspace(ws);
      const job = { stop: { aborted: false }, paused: false, wake: undefined as (() => void) | undefined };
      jobs.set(jobId, job);
      let last = 0;
      try {
        const engine = await createEngine('tfjs-wasm', options);
        return await runStudy(def, { engine, ...(options.kernel ? { kernel: options.kernel } : {}) }, {
          quick: opts.quick === true,
          ...(opts.seed !== undefined ? { seed: opts.seed } : {}),
          workspaces,
          signal: job.stop,
          ...(onProgress
            ? {
                onProgress: (p: StudyProgress) => {
                  // A new system always goes (its name is the line's news); stages within one, throttled.
                  const now = Date.now();
                  if (p.stage !== 'train' && p.done < p.total && now - last < PROGRESS_EVERY_MS) return;
                  last = now;
                  void onProgress(p);
                },
              }
            : {}),
        });
      } finally {
        jobs.delete(jobId);
        release(onProgress);
      }
    },
    pause(jobId: string) {
      const j = jobs.get(jobId);
      if (j) j.paused = true;
    },
    resume(jobId: string) {
      const j = jobs.get(jobId);
      if (!j) return;
      j.paused = false;
      j.wake?.();
      j.wake = undefined;
    },
    stop(jobId: string) {
      const j = jobs.get(jobId);
      if (!j) return;
      j.stop.aborted = true;
      j.paused = false;
      j.wake?.();
    },
  } satisfies TrainApi;
  return api;
}
