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

/** Each field of an entry, its type, and whether it may be absent: the one list both checks below read. */
const ENTRY_FIELDS = {
  id: { type: 'string', optional: false },
  name: { type: 'string', optional: false },
  savedAt: { type: 'number', optional: false },
  revision: { type: 'integer', optional: false },
  summary: { type: 'string', optional: false },
  hasWeights: { type: 'boolean', optional: false },
  createdAt: { type: 'number', optional: true },
  pristine: { type: 'string', optional: true },
  content: { type: 'string', optional: true },
  edited: { type: 'boolean', optional: true },
} as const satisfies Record<keyof WorkspaceEntry, { type: 'string' | 'number' | 'integer' | 'boolean'; optional: boolean }>;

/**
 * Why a value read back from IndexedDB is not an entry ("summary is missing; revision is not an
 * integer"), or null when it is one. The database is as untrusted as a file.
 */
export function entryProblem(v: unknown): string | null {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return `it is not an object (${v === null ? 'null' : Array.isArray(v) ? 'an array' : typeof v})`;
  const e = v as Record<string, unknown>;
  const problems = Object.entries(ENTRY_FIELDS).flatMap(([key, f]) => {
    const value = e[key];
    if (value === undefined) return f.optional ? [] : [`${key} is missing`];
    const ok = f.type === 'integer' ? Number.isInteger(value) : typeof value === f.type;
    return ok ? [] : [`${key} is not ${f.type === 'integer' ? 'an integer' : `a ${f.type}`}`];
  });
  return problems.length === 0 ? null : problems.join('; ');
}

/** Whether a value read back from IndexedDB is an entry (see entryProblem). */
export function isWorkspaceEntry(v: unknown): v is WorkspaceEntry {
  return entryProblem(v) === null;
}

/** When the entry was first saved: createdAt, or its last save for entries older than that field. */
export const createdAt = (e: WorkspaceEntry): number => e.createdAt ?? e.savedAt;

/** A fresh id for a new workspace; random, so two tabs never pick the same one. */
export function newWorkspaceId(): string {
  return globalThis.crypto.randomUUID();
}
