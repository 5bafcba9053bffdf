import type { StateCreator } from 'zustand';
import type { GraphDraft } from '../../core/network/graphDraft.ts';
import type { NetworkWeights } from '../../core/network/weights.ts';
import type { RunRecord } from '../../core/spec/runRecord.ts';
import type { Workspace } from '../../core/spec/workspace.ts';
import { insertRuns, removeRuns } from '../../core/train/runLog.ts';
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
  /** Present on a step of the run log (a run deleted): what applying this entry does to the runs. */
  readonly runLog?: RunLogEdit;
}

/**
 * A step of the run log, as a typed record: undoing a deletion inserts the runs again, redoing it
 * removes them. Only the runs change, so runs trained since the deletion stay.
 */
export interface RunLogEdit {
  readonly kind: 'insert' | 'remove';
  readonly runs: readonly RunRecord[];
}

/** The workspace with a run-log step applied. */
function applyRunLog(ws: Workspace, e: RunLogEdit): Workspace {
  return { ...ws, runs: e.kind === 'insert' ? insertRuns(ws.runs, e.runs) : removeRuns(ws.runs, e.runs.map((r) => r.id)) };
}

/**
 * `ws` with the runs of `now`: undoing an edit does not undo the trainings made since (a run log
 * is a record of what happened, not a setting). A step that switched documents brings its own.
 */
function withRunsOf(ws: Workspace, now: Workspace): Workspace {
  // The same runs: the entry's own workspace object (identity tells the controllers nothing changed).
  if (ws.runs === now.runs) return ws;
  const out = { ...ws };
  if (now.runs) out.runs = now.runs;
  else delete out.runs;
  return out;
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
  if (e.runLog) return { label: e.label, workspace: s.workspace, runLog: { kind: e.runLog.kind === 'insert' ? 'remove' : 'insert', runs: e.runLog.runs } };
  const draft = pendingDraft(s);
  return { label: e.label, workspace: s.workspace, ...(e.doc ? { doc: snapshotDoc(s) } : {}), ...(draft ? { draft } : {}) };
}

/**
 * The store patch that shows `next`, a workspace that differs from the shown one in its runs only:
 * an unfinished graph in the editor stays over it.
 */
export function withRunLog(s: Pick<Store, 'workspace' | 'pendingGraph'>, next: Workspace): Pick<Store, 'workspace' | 'pendingGraph'> {
  const draft = pendingDraft(s);
  return { workspace: next, pendingGraph: draft ? { draft, over: next } : s.pendingGraph };
}

/** The store patch that shows an entry's workspace, with the unfinished graph it had. */
function show(e: HistoryEntry, s: Store): Partial<Store> {
  if (s.workspace && e.runLog) return withRunLog(s, applyRunLog(s.workspace, e.runLog));
  const workspace = s.workspace && !e.doc ? withRunsOf(e.workspace, s.workspace) : e.workspace;
  return { workspace, pendingGraph: e.draft ? { draft: e.draft, over: workspace } : null, ...(e.doc ? restoreDoc(e.doc) : {}) };
}

export const createHistorySlice: StateCreator<Store, [], [], HistorySlice> = (set, get) => ({
  past: [],
  future: [],
  undo() {
    const s = get();
    const last = s.past[s.past.length - 1];
    const back = last && reverse(last, s);
    if (!last || !back) return;
    set({ ...show(last, s), past: s.past.slice(0, -1), future: [back, ...s.future], editError: null });
  },
  redo() {
    const s = get();
    const next = s.future[0];
    const back = next && reverse(next, s);
    if (!next || !back) return;
    set({ ...show(next, s), future: s.future.slice(1), past: [...s.past, back], editError: null });
  },
});
