import { checkWeights, type LayerWeights, type NetworkWeights } from '../../core/network/weights.ts';
import { parseWorkspace } from '../../core/spec/parseWorkspace.ts';
import type { Workspace } from '../../core/spec/workspace.ts';

/**
 * Version of the stored record (not the workspace schema, which parseWorkspace migrates). Version
 * 1 was the single autosave slot; version 2 adds the id and revision of a named workspace.
 */
export const AUTOSAVE_RECORD_VERSION = 2;

/** What autosave keeps in IndexedDB: the workspace as JSON and its trained weights, if any. */
export interface AutosaveRecord {
  readonly recordVersion: number;
  readonly id: string;
  /** The save count this record was written as (WorkspaceEntry.revision). */
  readonly revision: number;
  /** Epoch milliseconds of the save. */
  readonly savedAt: number;
  readonly workspace: Workspace;
  readonly weights: NetworkWeights | null;
}

/** The record to store for a workspace and the weights that fit it. */
export function toAutosaveRecord(id: string, revision: number, workspace: Workspace, weights: NetworkWeights | undefined, now: number): AutosaveRecord {
  return { recordVersion: AUTOSAVE_RECORD_VERSION, id, revision, savedAt: now, workspace, weights: weights ?? null };
}

function isLayerWeights(v: unknown): v is LayerWeights {
  if (typeof v !== 'object' || v === null) return false;
  const { shape, values } = v as { shape?: unknown; values?: unknown };
  return Array.isArray(shape) && shape.every((n) => Number.isInteger(n) && n > 0) && values instanceof Float32Array;
}

/** Weights read back, or undefined when they are missing, malformed or do not fit the network. */
function readWeights(ws: Workspace, v: unknown): NetworkWeights | undefined {
  if (typeof v !== 'object' || v === null) return undefined;
  const entries = Object.entries(v);
  if (!entries.every(([, w]) => isLayerWeights(w))) return undefined;
  const weights = Object.fromEntries(entries) as NetworkWeights;
  try {
    checkWeights(ws.network, weights);
    return weights;
  } catch {
    return undefined;
  }
}

/**
 * Validates what IndexedDB gave back: it is as untrusted as a file (another version of the page,
 * or another site's code in the same origin, may have written it). The workspace goes through
 * parseWorkspace (so older versions migrate); weights that do not fit are dropped, not trusted.
 * Throws SpecError when the workspace is invalid, and Error for a record of another shape.
 */
export function readAutosaveRecord(value: unknown): RestoredRecord {
  if (typeof value !== 'object' || value === null) throw new Error('the autosaved record is not an object');
  const rec = value as { recordVersion?: unknown; savedAt?: unknown; workspace?: unknown; weights?: unknown; revision?: unknown };
  // Version 1 records (the single slot) read the same; they have no revision yet.
  if (rec.recordVersion !== AUTOSAVE_RECORD_VERSION && rec.recordVersion !== 1) throw new Error(`the autosaved record has version ${String(rec.recordVersion)}; this page reads 1 and ${AUTOSAVE_RECORD_VERSION}`);
  const workspace = parseWorkspace(rec.workspace);
  const weights = readWeights(workspace, rec.weights);
  const savedAt = typeof rec.savedAt === 'number' ? rec.savedAt : 0;
  const revision = Number.isInteger(rec.revision) ? (rec.revision as number) : 0;
  return weights ? { workspace, weights, savedAt, revision } : { workspace, savedAt, revision };
}

/** A record read back and validated. */
export interface RestoredRecord {
  readonly workspace: Workspace;
  readonly weights?: NetworkWeights;
  readonly savedAt: number;
  readonly revision: number;
}
