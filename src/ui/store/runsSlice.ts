import type { StateCreator } from 'zustand';
import type { RunRecord } from '../../core/spec/runRecord.ts';
import { appendRun, removeRuns } from '../../core/train/runLog.ts';
import { withRunLog } from './historySlice.ts';
import type { Store } from './index.ts';

/** Where a "repeat over N seeds" sequence is: run `index` (from 1) of `total`. */
export interface RepeatProgress {
  readonly index: number;
  readonly total: number;
}

/**
 * The workspace's run log as the page shows it: the runs themselves live in the workspace
 * (`workspace.runs`, saved with it); this slice holds which are overlaid and the sequence running.
 */
export interface RunsSlice {
  /** Ids of the runs whose curves the training curves overlay. */
  overlaidRuns: readonly string[];
  repeat: RepeatProgress | null;
  /** Trained networks being mapped for their energy before their run is recorded. */
  runsMeasuring: number;
  /**
   * Adds a finished run to the workspace's log (the oldest beyond 50 dropped). Not an undo step:
   * undoing an edit keeps the runs made since (historySlice carries them).
   */
  recordRun(run: RunRecord): void;
  /** Removes runs from the log: one undo step that puts them back. */
  deleteRuns(ids: readonly string[], label?: string): void;
  setRuns(patch: Partial<Pick<RunsSlice, 'overlaidRuns' | 'repeat' | 'runsMeasuring'>>): void;
}

export const createRunsSlice: StateCreator<Store, [], [], RunsSlice> = (set) => ({
  overlaidRuns: [],
  repeat: null,
  runsMeasuring: 0,
  recordRun: (run) =>
    set((s) => {
      if (!s.workspace) return {};
      const runs = appendRun(s.workspace.runs, run);
      const kept = new Set(runs.map((r) => r.id));
      return { ...withRunLog(s, { ...s.workspace, runs }), overlaidRuns: s.overlaidRuns.filter((id) => kept.has(id)) };
    }),
  deleteRuns: (ids, label = 'delete run') =>
    set((s) => {
      const removed = (s.workspace?.runs ?? []).filter((r) => ids.includes(r.id));
      if (!s.workspace || removed.length === 0) return {};
      return {
        ...withRunLog(s, { ...s.workspace, runs: removeRuns(s.workspace.runs, ids) }),
        overlaidRuns: s.overlaidRuns.filter((id) => !ids.includes(id)),
        past: [...s.past.slice(-99), { label, workspace: s.workspace, runLog: { kind: 'insert', runs: removed } }],
        future: [],
      };
    }),
  setRuns: (patch) => set(patch),
});
