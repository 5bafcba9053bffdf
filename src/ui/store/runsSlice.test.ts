import { describe, expect, it } from 'vitest';
import { createStore } from './index.ts';
import { isRunsOnlyEdit } from '../runController.ts';
import { ecgWorkspace, runOf } from '../../../test/support/runRecords.ts';

function freshStore() {
  const store = createStore();
  store.getState().loadWorkspace(ecgWorkspace());
  return store;
}

const seeds = (s: ReturnType<typeof freshStore>) => (s.getState().workspace?.runs ?? []).map((r) => r.seed);

describe('run log in the store', () => {
  it('recording a run is not an undo step and changes nothing that runs the network', () => {
    const s = freshStore();
    const before = s.getState().workspace;
    s.getState().recordRun(runOf({ seed: 1, startedAt: 1, accuracy: 0.8 }));
    expect(seeds(s)).toEqual([1]);
    expect(s.getState().past).toHaveLength(0);
    expect(isRunsOnlyEdit(before, s.getState().workspace)).toBe(true);
  });

  it('deleting a run is undoable, and redo deletes it again', () => {
    const s = freshStore();
    const a = runOf({ seed: 1, startedAt: 1, accuracy: 0.8 });
    s.getState().recordRun(a);
    s.getState().recordRun(runOf({ seed: 2, startedAt: 2, accuracy: 0.7 }));
    s.getState().setRuns({ overlaidRuns: [a.id] });
    s.getState().deleteRuns([a.id]);
    expect(seeds(s)).toEqual([2]);
    expect(s.getState().overlaidRuns).toEqual([]);
    s.getState().undo();
    expect(seeds(s)).toEqual([1, 2]);
    s.getState().redo();
    expect(seeds(s)).toEqual([2]);
  });

  it('undoing a settings edit keeps the runs trained since; undoing a deletion keeps runs recorded after it', () => {
    const s = freshStore();
    expect(s.getState().edit('training.epochs', (d) => void ((d['training'] as Record<string, unknown>)['epochs'] = 3))).toBe(true);
    s.getState().recordRun(runOf({ seed: 1, startedAt: 1, accuracy: 0.8 }));
    s.getState().undo();
    expect(s.getState().workspace?.training?.epochs).toBe(10);
    expect(seeds(s)).toEqual([1]);
    const first = s.getState().workspace?.runs?.[0];
    if (!first) throw new Error('run recorded');
    s.getState().deleteRuns([first.id]);
    s.getState().recordRun(runOf({ seed: 5, startedAt: 5, accuracy: 0.8 }));
    s.getState().undo();
    expect(seeds(s)).toEqual([1, 5]);
    // An edit of the settings is not a runs-only edit.
    const before = s.getState().workspace;
    s.getState().edit('training.epochs', (d) => void ((d['training'] as Record<string, unknown>)['epochs'] = 4));
    expect(isRunsOnlyEdit(before, s.getState().workspace)).toBe(false);
  });
});
