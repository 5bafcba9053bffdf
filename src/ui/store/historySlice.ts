import type { StateCreator } from 'zustand';
import type { Workspace } from '../../core/spec/workspace.ts';
import type { Store } from './index.ts';

/** One undoable step: what it was called and the workspace before it. */
export interface HistoryEntry {
  readonly label: string;
  readonly workspace: Workspace;
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

export const createHistorySlice: StateCreator<Store, [], [], HistorySlice> = (set, get) => ({
  past: [],
  future: [],
  undo() {
    const { past, workspace, future } = get();
    const last = past[past.length - 1];
    if (!last || !workspace) return;
    set({ workspace: last.workspace, past: past.slice(0, -1), future: [{ label: last.label, workspace }, ...future], editError: null });
  },
  redo() {
    const { past, workspace, future } = get();
    const next = future[0];
    if (!next || !workspace) return;
    set({ workspace: next.workspace, future: future.slice(1), past: [...past, { label: next.label, workspace }], editError: null });
  },
});
