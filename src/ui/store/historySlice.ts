import type { StateCreator } from 'zustand';
import type { GraphDraft } from '../../core/network/graphDraft.ts';
import type { NetworkWeights } from '../../core/network/weights.ts';
import type { Workspace } from '../../core/spec/workspace.ts';
import { weightArtifacts } from '../runController.ts';
import { pendingDraft } from './graphSlice.ts';
import type { Store } from './index.ts';

/**
 * Which saved workspace a step left, and the trained weights it had: replacing the workspace
 * (a link, a file, a preset) opens a new saved workspace, and undo goes back to the old one.
 * The weights themselves are held (not their artefact id, which the artefact store may evict).
 */
export interface DocSnapshot {
  readonly docId: string | null;
  /** The fingerprint it was opened with (DocSlice.docPristine). */
  readonly pristine: string | null;
  readonly weights: NetworkWeights | null;
  readonly weightsNetwork: string | null;
}

/** One undoable step: what it was called and the workspace before it. */
export interface HistoryEntry {
  readonly label: string;
  readonly workspace: Workspace;
  /** Present when the step switched the saved workspace (and its weights). */
  readonly doc?: DocSnapshot;
  /** The unfinished graph the editor showed over `workspace`, when there was one. */
  readonly draft?: GraphDraft;
}

/** The saved workspace and weights shown now, to put in a history entry. */
export function snapshotDoc(s: Pick<Store, 'docId' | 'docPristine' | 'weightsId' | 'weightsNetwork'>): DocSnapshot {
  const weights = s.weightsId ? (weightArtifacts.get(s.weightsId) ?? null) : null;
  return { docId: s.docId, pristine: s.docPristine, weights, weightsNetwork: weights ? s.weightsNetwork : null };
}

/** The store patch that shows a snapshot's saved workspace and weights again. */
function restoreDoc(d: DocSnapshot): Partial<Store> {
  return { docId: d.docId, docPristine: d.pristine, weightsId: d.weights ? weightArtifacts.put(d.weights) : null, weightsNetwork: d.weights ? d.weightsNetwork : null, docConflict: null };
}

/**
 * Undo/redo over whole workspace snapshots: a workspace is a few kilobytes of JSON, so snapshots
 * are cheap and can never drift from the edits they undo.
 */
export interface HistorySlice {
  past: HistoryEntry[];
  future: HistoryEntry[];
  undo(): void;
  redo(): void;
}

/** The entry that reverses `e` from state `s` (its doc part only when `e` switched documents). */
function reverse(e: HistoryEntry, s: Store): HistoryEntry | undefined {
  if (!s.workspace) return undefined;
  const draft = pendingDraft(s);
  return { label: e.label, workspace: s.workspace, ...(e.doc ? { doc: snapshotDoc(s) } : {}), ...(draft ? { draft } : {}) };
}

/** The store patch that shows an entry's workspace, with the unfinished graph it had. */
function show(e: HistoryEntry): Partial<Store> {
  return { workspace: e.workspace, pendingGraph: e.draft ? { draft: e.draft, over: e.workspace } : null, ...(e.doc ? restoreDoc(e.doc) : {}) };
}

export const createHistorySlice: StateCreator<Store, [], [], HistorySlice> = (set, get) => ({
  past: [],
  future: [],
  undo() {
    const s = get();
    const last = s.past[s.past.length - 1];
    const back = last && reverse(last, s);
    if (!last || !back) return;
    set({ ...show(last), past: s.past.slice(0, -1), future: [back, ...s.future], editError: null });
  },
  redo() {
    const s = get();
    const next = s.future[0];
    const back = next && reverse(next, s);
    if (!next || !back) return;
    set({ ...show(next), future: s.future.slice(1), past: [...s.past, back], editError: null });
  },
});
