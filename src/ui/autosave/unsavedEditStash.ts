import type { NetworkWeights } from '../../core/network/weights.ts';
import { parseWorkspaceFile, serializeWorkspaceFile } from '../../core/share/workspaceFile.ts';
import type { Workspace } from '../../core/spec/workspace.ts';
import { workspaceFingerprint } from '../workspaces/entryReuse.ts';

/**
 * A synchronous copy of an edit that IndexedDB may not have yet, in localStorage.
 *
 * Why: autosave waits 500 ms after an edit, and an IndexedDB write started in `pagehide` (a reload,
 * a closed tab) is asynchronous: Chromium may tear the page down before its transaction commits,
 * and the edit is gone. localStorage.setItem is synchronous and durable once it returns, so the
 * page writes this copy in `pagehide` / `visibilitychange` (and whenever a conflict with another
 * tab holds a save), starts the IndexedDB write as well, and the next page that shows the
 * workspace reconciles the two (reconcileStash): whichever way the race went, one of them holds
 * the edit. localStorage is shared by the tabs of the origin and outlives the tab, so a closed
 * tab's edit is found by the next one (sessionStorage would die with the tab).
 */

/** localStorage key of a workspace's stash: one per saved workspace, the newest edit wins. */
export const stashKey = (docId: string): string => `spikelab.unsaved.${docId}`;

/** Version of the stash's own wrapper (the workspace inside is a workspace file, versioned itself). */
const STASH_VERSION = 1;

/** An edit kept in localStorage until IndexedDB has it. */
export interface StashedEdit {
  readonly docId: string;
  /** The revision of the saved workspace the edit was made on (null: never saved). */
  readonly baseRevision: number | null;
  /** Epoch milliseconds of the edit (of the snapshot autosave took). */
  readonly editedAt: number;
  /** True when a conflict with another tab held it back: it must not be written over theirs. */
  readonly held: boolean;
  readonly workspace: Workspace;
  readonly weights?: NetworkWeights;
  /** The weights did not fit in localStorage; the workspace did. */
  readonly weightsLeftOut: boolean;
}

/** The part of Storage the stash uses (localStorage in the page, a Map-backed fake in tests). */
export type StashStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/**
 * Writes the stash; returns false when localStorage refused even the workspace alone (quota,
 * storage disabled), so the caller can say the edit may be lost. Weights too large for the quota
 * are left out rather than losing the workspace with them.
 */
export function writeStash(storage: StashStorage, edit: Omit<StashedEdit, 'weightsLeftOut'>): boolean {
  const wrap = (weights: NetworkWeights | undefined, weightsLeftOut: boolean) =>
    JSON.stringify({
      stashVersion: STASH_VERSION,
      docId: edit.docId,
      baseRevision: edit.baseRevision,
      editedAt: edit.editedAt,
      held: edit.held,
      weightsLeftOut,
      file: serializeWorkspaceFile(weights ? { workspace: edit.workspace, weights } : { workspace: edit.workspace }),
    });
  for (const text of edit.weights ? [wrap(edit.weights, false), wrap(undefined, true)] : [wrap(undefined, false)]) {
    try {
      storage.setItem(stashKey(edit.docId), text);
      return true;
    } catch {
      // Quota exceeded (or storage off): try without the weights, then give up.
    }
  }
  return false;
}

/** A stash read back: the edit, none, or one that cannot be read (with why, and its text). */
export type StashRead = { readonly kind: 'none' } | { readonly kind: 'edit'; readonly edit: StashedEdit } | { readonly kind: 'damaged'; readonly reason: string; readonly text: string };

/** Reads a workspace's stash; localStorage is as untrusted as a file, so everything is checked. */
export function readStash(storage: StashStorage, docId: string): StashRead {
  let text: string | null;
  try {
    text = storage.getItem(stashKey(docId));
  } catch {
    return { kind: 'none' };
  }
  if (text === null) return { kind: 'none' };
  try {
    const doc = JSON.parse(text) as unknown;
    if (typeof doc !== 'object' || doc === null) throw new Error('it is not an object');
    const s = doc as Record<string, unknown>;
    if (s['stashVersion'] !== STASH_VERSION) throw new Error(`its version is ${String(s['stashVersion'])}; this page reads ${STASH_VERSION}`);
    if (s['docId'] !== docId) throw new Error(`it names workspace ${String(s['docId']).slice(0, 60)}, not ${docId}`);
    const baseRevision = s['baseRevision'] === null || Number.isInteger(s['baseRevision']) ? (s['baseRevision'] as number | null) : undefined;
    if (baseRevision === undefined || typeof s['editedAt'] !== 'number' || typeof s['held'] !== 'boolean' || typeof s['file'] !== 'string') throw new Error('baseRevision, editedAt, held or file is missing or of the wrong type');
    const { workspace, weights } = parseWorkspaceFile(s['file']);
    const edit: StashedEdit = { docId, baseRevision, editedAt: s['editedAt'], held: s['held'], workspace, weightsLeftOut: s['weightsLeftOut'] === true, ...(weights ? { weights } : {}) };
    return { kind: 'edit', edit };
  } catch (e) {
    return { kind: 'damaged', reason: e instanceof Error ? e.message : String(e), text };
  }
}

/** Removes a workspace's stash, unless a newer edit was stashed meanwhile (`upTo`: the edit now saved). */
export function clearStash(storage: StashStorage, docId: string, upTo = Infinity): void {
  try {
    const read = readStash(storage, docId);
    if (read.kind === 'edit' && read.edit.editedAt > upTo) return;
    storage.removeItem(stashKey(docId));
  } catch {
    // Storage off: there is nothing to clear either.
  }
}

/** What the saved workspace holds now, to compare a stash with. */
export interface StoredState {
  readonly revision: number | null;
  readonly workspace: Workspace | null;
  readonly weights?: NetworkWeights | undefined;
}

/** Whether two sets of weights hold the same values (a stash without its weights matches any). */
function sameWeights(edit: StashedEdit, stored: NetworkWeights | undefined): boolean {
  if (edit.weightsLeftOut) return true;
  if (!edit.weights || !stored) return edit.weights === stored;
  const keys = Object.keys(edit.weights);
  if (keys.length !== Object.keys(stored).length) return false;
  return keys.every((k) => {
    const a = edit.weights?.[k]?.values;
    const b = stored[k]?.values;
    return a !== undefined && b !== undefined && a.length === b.length && a.every((v, i) => Object.is(v, b[i]));
  });
}

/**
 * How a stashed edit relates to what IndexedDB holds:
 * - 'landed': the saved workspace already has this content (the write committed after all);
 * - 'restore': nothing was saved since the edit's base revision: the edit is the newest work, and
 *   is saved over it (a compare-and-set on that same revision);
 * - 'copy': someone else saved (or deleted) the workspace since, or a conflict held the edit: it
 *   is kept as a copy of its own, so neither version overwrites the other.
 */
export function reconcileStash(edit: StashedEdit, stored: StoredState): 'landed' | 'restore' | 'copy' {
  if (stored.workspace && workspaceFingerprint(stored.workspace) === workspaceFingerprint(edit.workspace) && sameWeights(edit, stored.weights)) return 'landed';
  if (!edit.held && stored.revision === edit.baseRevision) return 'restore';
  return 'copy';
}
