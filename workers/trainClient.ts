import { proxy, transfer, wrap, type Remote } from 'comlink';
import type { NamedBytes } from '../src/core/data/formats/loadFiles.ts';
import type { EpochReport } from '../src/core/train/trainer.ts';
import { registerErrorTransfer } from './api.ts';
import { WorkerCrashedError } from './client.ts';
import type { StudyProgress } from '../src/core/study/runStudy.ts';
import type { StudyResult } from '../src/core/study/studyTypes.ts';
import type { StudyJobOptions, TrainApi, TrainPhase, TrainReply } from './trainApi.ts';

/** The page's handle on the training worker; a crash rejects the job and restarts the worker. */
export interface TrainClient {
  train(jobId: string, workspace: unknown, onEpoch: (r: EpochReport) => void, onProgress: (done: number, total: number, phase: TrainPhase) => void, files?: readonly NamedBytes[]): Promise<TrainReply>;
  pause(jobId: string): void;
  resume(jobId: string): void;
  stop(jobId: string): void;
  sample: TrainApi['sample'];
  /** Runs a study in the worker; `stop(jobId)` ends it (CancelledError). */
  runStudy(jobId: string, studyId: string, options: StudyJobOptions, onProgress: (p: StudyProgress) => void): Promise<StudyResult>;
}

export function createTrainClient(makeWorker: () => Worker = () => new Worker(new URL('./train.worker.ts', import.meta.url), { type: 'module', name: 'spikelab-train' })): TrainClient {
  registerErrorTransfer();
  let worker = makeWorker();
  let remote: Remote<TrainApi> = wrap<TrainApi>(worker);
  let crashed: (e: Error) => void = () => undefined;
  let crash = new Promise<never>((_, reject) => (crashed = reject));
  crash.catch(() => undefined);
  const watch = () =>
    worker.addEventListener('error', (ev) => {
      crashed(new WorkerCrashedError(ev.message || 'uncaught error'));
      worker.terminate();
      worker = makeWorker();
      remote = wrap<TrainApi>(worker);
      crash = new Promise<never>((_, reject) => (crashed = reject));
      crash.catch(() => undefined);
      watch();
    });
  watch();
  return {
    train: (jobId, ws, onEpoch, onProgress, files) =>
      Promise.race([remote.train(jobId, ws, proxy(onEpoch), proxy(onProgress), files ? transfer(files, files.map((f) => f.bytes.buffer as ArrayBuffer)) : undefined), crash]),
    pause: (id) => void remote.pause(id).catch(() => undefined),
    resume: (id) => void remote.resume(id).catch(() => undefined),
    stop: (id) => void remote.stop(id).catch(() => undefined),
    sample: (t, p, n, classes) => Promise.race([remote.sample(t, p, n, classes), crash]),
    runStudy: (jobId, studyId, options, onProgress) => Promise.race([remote.runStudy(jobId, studyId, options, proxy(onProgress)), crash]),
  };
}
