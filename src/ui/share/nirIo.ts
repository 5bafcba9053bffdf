import type { SimClient } from '../../../workers/client.ts';
import { download, fileBase } from '../modelDownload.ts';
import { currentWeights } from '../runController.ts';
import type { useStore } from '../store/index.ts';
import { refusal, replaceWorkspace } from './replaceWorkspace.ts';

/** What a NIR export or import did, for the line under the buttons. */
export interface NirOutcome {
  readonly ok: boolean;
  readonly message: string;
  /** What the conversion changed or chose (decays for Δt, a default data source …). */
  readonly notes: readonly string[];
  /** The raw engine text behind a refusal, for a details fold. */
  readonly detail?: string;
}

/** NIR files are HDF5; a file this large is not a network the page could run. */
export const MAX_NIR_BYTES = 256 * 1024 * 1024;

/**
 * Writes the workspace's network as a NIR file in the worker (h5wasm) and downloads it: trained
 * weights when they fit the network, else the seed's initial ones, said so.
 */
export async function exportNirFile(store: typeof useStore, client: Pick<SimClient, 'exportNir'>): Promise<NirOutcome> {
  const ws = store.getState().workspace;
  if (!ws) return { ok: false, message: 'no workspace', notes: [] };
  const weights = currentWeights(store, ws);
  const reply = await client.exportNir(ws, weights);
  if (!reply.ok) return { ok: false, message: `not exported: ${reply.reason}`, notes: [], ...(reply.detail === undefined ? {} : { detail: reply.detail }) };
  const name = `${fileBase(ws.name, 'network')}.nir`;
  download(name, new Uint8Array(reply.bytes), 'application/x-hdf5');
  const what = reply.trained ? 'trained weights' : 'the seed’s untrained weights (train first to export trained ones)';
  return { ok: true, message: `saved ${name}: ${reply.nodes.join(' → ')}, ${what}, time constants for Δt = ${+reply.dtMs.toPrecision(6)} ms, ${reply.bytes.length.toLocaleString('en')} bytes`, notes: reply.notes };
}

/** Reads a NIR file in the worker and opens it as a new saved workspace (undo returns). */
export async function importNirFile(store: typeof useStore, client: Pick<SimClient, 'importNir'>, file: File): Promise<NirOutcome> {
  if (file.size > MAX_NIR_BYTES) return { ok: false, message: `${file.name} is ${file.size.toLocaleString('en')} bytes; NIR files up to ${MAX_NIR_BYTES / 2 ** 20} MB are read`, notes: [] };
  const reply = await client.importNir(new Uint8Array(await file.arrayBuffer()), file.name);
  if (!reply.ok) return { ok: false, message: `${file.name} was not imported: ${reply.reason}; the workspace is unchanged`, notes: [], ...(reply.detail === undefined ? {} : { detail: reply.detail }) };
  if (!replaceWorkspace(store, reply.workspace, reply.weights, `import ${file.name}`)) return { ok: false, message: `${file.name} was not imported (${refusal(store)}); the workspace is unchanged`, notes: [] };
  return { ok: true, message: `imported ${file.name} as ‘${reply.workspace.name}’${reply.weights ? ' with its weights' : ''}`, notes: reply.notes };
}
