import { proxy, transfer, wrap, type Remote } from 'comlink';
import type { LoadedRecord } from '../src/core/data/fileStore.ts';
import type { NetworkWeights } from '../src/core/network/weights.ts';
import type { NamedBytes } from '../src/core/data/formats/loadFiles.ts';
import type { EngineRequest } from '../src/core/engine/index.ts';
import type { EngineInfo } from '../src/core/engine/types.ts';
import { SpikelabError } from '../src/core/errors.ts';
import type { ChipProfile } from '../src/core/hardware/chipProfile.ts';
import type { MappingResult } from '../src/core/hardware/mappingTypes.ts';
import { registerErrorTransfer, type LinkReply, type NirExportReply, type NirImportReply, type RunReply, type SimApi } from './api.ts';

/** A worker died (uncaught error, out of memory) while calls were pending; it has been restarted. */
export class WorkerCrashedError extends SpikelabError {
  constructor(detail: string) {
    super('worker_crashed', `the simulation worker stopped (${detail}); it was restarted and your workspace is unchanged — run again`);
    this.name = 'WorkerCrashedError';
  }
}

/** The page's handle on the simulation worker. */
export interface SimClient {
  run(jobId: string, workspace: unknown, onProgress?: (done: number, total: number) => void, weights?: NetworkWeights): Promise<RunReply>;
  cancel(jobId: string): void;
  engineInfo(request: EngineRequest): Promise<EngineInfo>;
  /** Sends dropped files to the worker (their buffers are transferred) and returns what was found. */
  addFiles(files: readonly NamedBytes[], onProgress?: (done: number, total: number) => void, options?: { csvSamplingHz?: number }): Promise<LoadedRecord[]>;
  /** Maps the workspace on its chip (see SimApi.map). */
  map(jobId: string, workspace: unknown, onProgress?: (stage: string, fraction: number) => void, weights?: NetworkWeights): Promise<MappingResult>;
  /** The built-in chip profiles. */
  chips(): Promise<readonly ChipProfile[]>;
  /** See SimApi.encodeLink / exportNir / importNir. */
  encodeLink(workspace: unknown, weights?: NetworkWeights): Promise<LinkReply>;
  exportNir(workspace: unknown, weights?: NetworkWeights): Promise<NirExportReply>;
  importNir(bytes: Uint8Array, fileName: string): Promise<NirImportReply>;
  /** Kills the worker as a crash would (tests and the "restart worker" command use it). */
  crashForTest(): void;
  dispose(): void;
}

const defaultWorker = (): Worker => new Worker(new URL('./sim.worker.ts', import.meta.url), { type: 'module', name: 'spikelab-sim' });

/**
 * Wraps the simulation worker. If the worker dies, every pending call rejects with
 * WorkerCrashedError and a fresh worker takes its place, so the next call just works.
 */
export function createSimClient(makeWorker: () => Worker = defaultWorker): SimClient {
  registerErrorTransfer();
  let worker: Worker;
  let remote: Remote<SimApi>;
  let crashed: (e: Error) => void = () => undefined;
  let crash: Promise<never>;
  const start = (): void => {
    worker = makeWorker();
    remote = wrap<SimApi>(worker);
    crash = new Promise<never>((_, reject) => (crashed = reject));
    // Unobserved rejections are fine here: only pending calls race against it.
    crash.catch(() => undefined);
    worker.addEventListener('error', (ev) => restart(ev.message || 'uncaught error'));
  };
  const restart = (detail: string): void => {
    crashed(new WorkerCrashedError(detail));
    worker.terminate();
    start();
  };
  start();
  return {
    run(jobId, workspace, onProgress, weights) {
      // The worker releases the proxied callback when the job ends (simApi.ts).
      return Promise.race([remote.run(jobId, workspace, onProgress ? proxy(onProgress) : undefined, weights), crash]);
    },
    cancel: (jobId) => void remote.cancel(jobId).catch(() => undefined),
    engineInfo: (request) => Promise.race([remote.engineInfo(request), crash]),
    addFiles: (files, onProgress, options) =>
      Promise.race([remote.addFiles(transfer(files, files.map((f) => f.bytes.buffer as ArrayBuffer)), onProgress ? proxy(onProgress) : undefined, options ?? {}), crash]),
    map: (jobId, workspace, onProgress, weights) => Promise.race([remote.map(jobId, workspace, onProgress ? proxy(onProgress) : undefined, weights), crash]),
    chips: () => Promise.race([remote.chips(), crash]),
    encodeLink: (workspace, weights) => Promise.race([remote.encodeLink(workspace, weights), crash]),
    exportNir: (workspace, weights) => Promise.race([remote.exportNir(workspace, weights), crash]),
    // The bytes are the caller's copy of the file: transferred, not cloned.
    importNir: (bytes, fileName) => Promise.race([remote.importNir(transfer(bytes, [bytes.buffer as ArrayBuffer]), fileName), crash]),
    crashForTest: () => restart('terminated'),
    dispose: () => worker.terminate(),
  };
}
