import { inferShapes, shapeSize } from '../../core/network/shapes.ts';
import type { Workspace } from '../../core/spec/workspace.ts';

/**
 * What the workspace picker lists about a saved workspace: small enough to read all of them
 * without loading their weights (those can be megabytes each).
 */
export interface WorkspaceEntry {
  readonly id: string;
  readonly name: string;
  /** Epoch milliseconds of the last save. */
  readonly savedAt: number;
  /** Counts the saves of this workspace, from any tab; a tab writes only over the revision it knows. */
  readonly revision: number;
  /** One line for the list: layers, neurons, data source. */
  readonly summary: string;
  readonly hasWeights: boolean;
  /** Epoch milliseconds of the first save (absent in entries saved before it was kept: savedAt stands in). */
  readonly createdAt?: number;
  /** Fingerprint of the workspace as it was opened (entryReuse.workspaceFingerprint). */
  readonly pristine?: string;
  /** Fingerprint of the saved content without its name (entryReuse.contentFingerprint). */
  readonly content?: string;
  /** Whether the saved workspace has the user's own edits or weights; absent counts as edited. */
  readonly edited?: boolean;
}

/** "4 layers · 81 neurons · synthetic ECG", for the picker. */
export function summariseWorkspace(ws: Workspace): string {
  const layers = ws.network.layers.length;
  const { shapes } = inferShapes(ws.network);
  const neurons = ws.network.layers.reduce((n, l, i) => n + (l.kind === 'spiking' || l.kind === 'readout' ? shapeSize(shapes[i] ?? [0]) : 0), 0);
  return `${layers} layer${layers === 1 ? '' : 's'}${neurons > 0 ? ` · ${neurons.toLocaleString('en')} neurons` : ''} · ${ws.data.kind}`;
}

/** Whether a value read back from IndexedDB is an entry (the database is as untrusted as a file). */
export function isWorkspaceEntry(v: unknown): v is WorkspaceEntry {
  if (typeof v !== 'object' || v === null) return false;
  const e = v as Record<string, unknown>;
  const optional = (key: string, type: 'number' | 'string' | 'boolean') => e[key] === undefined || typeof e[key] === type;
  return (
    typeof e['id'] === 'string' &&
    typeof e['name'] === 'string' &&
    typeof e['savedAt'] === 'number' &&
    Number.isInteger(e['revision']) &&
    typeof e['summary'] === 'string' &&
    typeof e['hasWeights'] === 'boolean' &&
    optional('createdAt', 'number') &&
    optional('pristine', 'string') &&
    optional('content', 'string') &&
    optional('edited', 'boolean')
  );
}

/** When the entry was first saved: createdAt, or its last save for entries older than that field. */
export const createdAt = (e: WorkspaceEntry): number => e.createdAt ?? e.savedAt;

/** A fresh id for a new workspace; random, so two tabs never pick the same one. */
export function newWorkspaceId(): string {
  return globalThis.crypto.randomUUID();
}
