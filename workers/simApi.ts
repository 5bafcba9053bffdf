import { explainError } from './explainError.ts';
import { releaseProxy, transfer } from 'comlink';
import { replyBuffers } from './replyBuffers.ts';
import { createEngine, type EngineFactoryOptions, type EngineRequest } from '../src/core/engine/index.ts';
import type { CompiledNetwork, Engine } from '../src/core/engine/types.ts';
import { wasmUnsupportedReason } from '../src/core/engine/wasm/wasmPlan.ts';
import type { Workspace } from '../src/core/spec/workspace.ts';
import { checkWeights, type NetworkWeights } from '../src/core/network/weights.ts';
import { LinkError } from '../src/core/errors.ts';
import { nirFromHdf5Bytes, nirToHdf5Bytes } from '../src/core/share/nir/nirHdf5.ts';
import { nirToWorkspace, workspaceStepMs, workspaceToNir } from '../src/core/share/nir/nirWorkspace.ts';
import { encodeForSharing } from '../src/core/share/shareableLink.ts';
import { createFileStore } from '../src/core/data/fileStore.ts';
import type { NamedBytes } from '../src/core/data/formats/loadFiles.ts';
import { prepareRun, readoutOfRun, simulatePrepared } from '../src/core/pipeline.ts';
import { CHIP_PROFILES } from '../src/core/hardware/chips/index.ts';
import { mapWorkspace } from '../src/core/hardware/mapWorkspace.ts';
import { parseWorkspace } from '../src/core/spec/parseWorkspace.ts';
import type { LinkReply, NirExportReply, NirImportReply, RunReply, SimApi } from './api.ts';

const describe = (e: unknown) => (e instanceof Error ? e.message : String(e));
/** A refusal in a reply: Spikelab's own reason, or a raw engine error put in words with its text as detail. */
const refusal = (e: unknown, doing: string) => {
  const { message, detail } = explainError(e, doing);
  return { ok: false as const, reason: message, ...(detail === undefined ? {} : { detail }) };
};

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
  /**
   * The engine the workspace asks for. The wasm kernel runs dense networks only: another network,
   * or a host whose kernel does not load, runs on the event engine (same spikes) and says why.
   */
  const engineForRun = async (ws: Workspace, net: CompiledNetwork, dtMs: number): Promise<{ engine: Engine; fallback?: string }> => {
    const choice = ws.simulation.engine;
    if (choice === 'tfjs') return { engine: await engineFor(ws.simulation.tfjsBackend === 'auto' ? 'tfjs' : `tfjs-${ws.simulation.tfjsBackend}`) };
    if (choice === 'events') return { engine: await engineFor('events') };
    const unsupported = options.kernel ? wasmUnsupportedReason(net, dtMs) : 'the kernel is not available here';
    if (!unsupported) {
      try {
        return { engine: await engineFor('wasm') };
      } catch (e) {
        return { engine: await engineFor('events'), fallback: `the wasm kernel did not start (${describe(e)}); ran on the event engine (same spikes)` };
      }
    }
    return { engine: await engineFor('events'), fallback: `the wasm kernel cannot run this network (${unsupported}); ran on the event engine (same spikes)` };
  };
  const api = {
    async run(jobId: string, workspace: unknown, onProgress?: (done: number, total: number) => void, weights?: NetworkWeights): Promise<RunReply> {
      const ws = parseWorkspace(workspace);
      const ctrl = new AbortController();
      jobs.set(jobId, ctrl);
      try {
        const run = prepareRun(ws, weights, files);
        const { engine, fallback } = await engineForRun(ws, run.network, run.dtMs);
        const result = await simulatePrepared(run, engine, ws, {
          signal: ctrl.signal,
          ...(onProgress ? { onProgress: (d: number, t: number) => void onProgress(d, t) } : {}),
        });
        const info = engine.info();
        const reply: RunReply = { result, readout: readoutOfRun(ws, run, result), source: run.source, engine: fallback ? { ...info, reason: fallback } : info };
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
    async encodeLink(workspace: unknown, weights?: NetworkWeights): Promise<LinkReply> {
      try {
        return { ok: true, link: encodeForSharing(parseWorkspace(workspace), weights) };
      } catch (e) {
        return e instanceof LinkError ? { ok: false, reason: e.reason } : refusal(e, 'making the share link');
      }
    },
    async exportNir(workspace: unknown, weights?: NetworkWeights): Promise<NirExportReply> {
      try {
        const ws = parseWorkspace(workspace);
        const dtMs = workspaceStepMs(ws, files);
        if (dtMs === undefined) return { ok: false, reason: `the workspace's data file is not loaded, so its time step is unknown: drop the file first` };
        const { graph, notes } = workspaceToNir(ws, weights, dtMs);
        const bytes = await nirToHdf5Bytes(graph);
        const reply: NirExportReply = { ok: true, bytes, nodes: Object.values(graph.nodes).map((n) => n.type), dtMs, trained: weights !== undefined, notes };
        return transfer(reply, [bytes.buffer]);
      } catch (e) {
        return refusal(e, 'writing the NIR file');
      }
    },
    async importNir(bytes: Uint8Array, fileName: string): Promise<NirImportReply> {
      try {
        const graph = await nirFromHdf5Bytes(bytes, fileName);
        const imp = nirToWorkspace(graph, { name: fileName.replace(/\.nir$/i, '') });
        const notes = [...imp.notes];
        let weights: NetworkWeights | undefined;
        if (Object.keys(imp.weights).length > 0) {
          try {
            checkWeights(imp.workspace.network, imp.weights);
            weights = imp.weights;
          } catch (e) {
            notes.push(`the file's weights were not used (${explainError(e, 'checking the file’s weights').message}); the network starts from the seed's`);
          }
        }
        return weights ? { ok: true, workspace: imp.workspace, weights, notes } : { ok: true, workspace: imp.workspace, notes };
      } catch (e) {
        return refusal(e, `reading the NIR file ${fileName.slice(0, 80)}`);
      }
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
