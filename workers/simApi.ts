import { releaseProxy, transfer } from 'comlink';
import { replyBuffers } from './replyBuffers.ts';
import { createEngine, type EngineFactoryOptions, type EngineRequest } from '../src/core/engine/index.ts';
import type { Engine } from '../src/core/engine/types.ts';
import type { NetworkWeights } from '../src/core/network/weights.ts';
import { createFileStore } from '../src/core/data/fileStore.ts';
import type { NamedBytes } from '../src/core/data/formats/loadFiles.ts';
import { prepareRun, simulatePrepared } from '../src/core/pipeline.ts';
import { CHIP_PROFILES } from '../src/core/hardware/chips/index.ts';
import { mapWorkspace } from '../src/core/hardware/mapWorkspace.ts';
import { parseWorkspace } from '../src/core/spec/parseWorkspace.ts';
import type { RunReply, SimApi } from './api.ts';

/** Frees the port behind a Comlink-proxied callback; a plain function (tests in one realm) has none. */
function releaseCallback(cb: unknown): void {
  const release = (cb as { [releaseProxy]?: () => void } | undefined)?.[releaseProxy];
  if (typeof release === 'function') release.call(cb);
}

/** The simulation facade: parse, call the core, transfer results (no logic of its own). */
export function createSimApi(options: EngineFactoryOptions = {}) {
  const engines = new Map<EngineRequest, Promise<Engine>>();
  const jobs = new Map<string, AbortController>();
  const files = createFileStore();
  const engineFor = (request: EngineRequest): Promise<Engine> => {
    let e = engines.get(request);
    if (!e) {
      e = createEngine(request, options);
      // A failed start must not be cached: the next request tries again.
      e.catch(() => engines.delete(request));
      engines.set(request, e);
    }
    return e;
  };
  const api = {
    async run(jobId: string, workspace: unknown, onProgress?: (done: number, total: number) => void, weights?: NetworkWeights): Promise<RunReply> {
      const ws = parseWorkspace(workspace);
      const ctrl = new AbortController();
      jobs.set(jobId, ctrl);
      try {
        const run = prepareRun(ws, weights, files);
        const engine = await engineFor(ws.simulation.engine === 'events' ? 'events' : ws.simulation.tfjsBackend === 'auto' ? 'tfjs' : `tfjs-${ws.simulation.tfjsBackend}`);
        const result = await simulatePrepared(run, engine, ws, {
          signal: ctrl.signal,
          ...(onProgress ? { onProgress: (d: number, t: number) => void onProgress(d, t) } : {}),
        });
        const reply: RunReply = { result, source: run.source, engine: engine.info() };
        return transfer(reply, replyBuffers(reply));
      } finally {
        jobs.delete(jobId);
        releaseCallback(onProgress);
      }
    },
    async map(jobId: string, workspace: unknown, onProgress?: (stage: string, fraction: number) => void, weights?: NetworkWeights) {
      const ws = parseWorkspace(workspace);
      const ctrl = new AbortController();
      jobs.set(jobId, ctrl);
      try {
        return await mapWorkspace(ws, await engineFor('events'), {
          files,
          signal: ctrl.signal,
          ...(weights ? { weights } : {}),
          ...(onProgress ? { onProgress: (s: string, f: number) => void onProgress(s, f) } : {}),
        });
      } finally {
        jobs.delete(jobId);
        releaseCallback(onProgress);
      }
    },
    async chips() {
      return CHIP_PROFILES;
    },
    cancel(jobId: string): void {
      jobs.get(jobId)?.abort();
    },
    async engineInfo(request: EngineRequest) {
      return (await engineFor(request)).info();
    },
    async addFiles(dropped: readonly NamedBytes[], onProgress?: (done: number, total: number) => void, options: { csvSamplingHz?: number } = {}) {
      try {
        return files.add(dropped, { ...options, ...(onProgress ? { onFile: (d: number, t: number) => void onProgress(d, t) } : {}) });
      } finally {
        releaseCallback(onProgress);
      }
    },
  } satisfies SimApi;
  return api;
}
