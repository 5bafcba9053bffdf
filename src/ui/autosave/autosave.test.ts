import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { initWeights } from '../../core/network/weights.ts';
import { parseWorkspace } from '../../core/spec/parseWorkspace.ts';
import { currentWeights, weightArtifacts } from '../runController.ts';
import { createStore } from '../store/index.ts';
import { restoreAutosave, startAutosave } from './autosave.ts';
import type { AutosaveDb } from './autosaveDb.ts';
import type { AutosaveRecord } from './autosaveRecord.ts';

const preset = parseWorkspace(JSON.parse(readFileSync(new URL('../../../public/presets/default.workspace.json', import.meta.url), 'utf8')));

/** An in-memory database standing in for IndexedDB; `fail` makes every call reject. */
function fakeDb(initial?: unknown, fail = false): AutosaveDb & { writes: AutosaveRecord[]; backups: unknown[] } {
  let stored = initial;
  const writes: AutosaveRecord[] = [];
  const backups: unknown[] = [];
  return {
    writes,
    backups,
    keepBackup: (r) => {
      if (fail) return Promise.reject(new Error('quota exceeded'));
      backups.push(structuredClone(r));
      return Promise.resolve();
    },
    read: () => (fail ? Promise.reject(new Error('blocked')) : Promise.resolve(stored)),
    write: (r) => {
      if (fail) return Promise.reject(new Error('quota exceeded'));
      writes.push(r);
      stored = structuredClone(r);
      return Promise.resolve();
    },
  };
}

afterEach(() => void vi.useRealTimers());

describe('autosave', () => {
  it('writes once per burst of edits, 500 ms after the last one', async () => {
    vi.useFakeTimers();
    const store = createStore();
    store.getState().loadWorkspace(preset);
    const db = fakeDb();
    const stop = startAutosave(store, db);
    for (const seed of [2, 3, 4]) {
      store.getState().edit('seed', (d) => void (d['seed'] = seed));
      await vi.advanceTimersByTimeAsync(200);
    }
    expect(db.writes).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(300);
    expect(db.writes.map((w) => w.workspace.seed)).toEqual([4]);
    expect(store.getState().autosave.kind).toBe('saved');
    stop();
  });

  it('restores what it saved, weights included, into a fresh store', async () => {
    vi.useFakeTimers();
    const author = createStore();
    author.getState().loadWorkspace(preset);
    const weights = initWeights(preset.network, 9);
    const db = fakeDb();
    const stop = startAutosave(author, db);
    author.getState().setTrain({ weightsId: weightArtifacts.put(weights), weightsNetwork: JSON.stringify(preset.network) });
    author.getState().edit('seed', (d) => void (d['seed'] = 21));
    await vi.advanceTimersByTimeAsync(500);
    stop();
    const reloaded = createStore();
    expect(await restoreAutosave(reloaded, db)).toBe(true);
    const ws = reloaded.getState().workspace;
    expect(ws?.seed).toBe(21);
    expect(ws && currentWeights(reloaded, ws)?.['fc1']?.values).toEqual(weights['fc1']?.values);
  });

  it('refuses a tampered record with a message and leaves the store empty for the default', async () => {
    const store = createStore();
    const tampered = { recordVersion: 1, savedAt: 0, workspace: { ...structuredClone(preset), seed: -1.5 }, weights: null };
    const db = fakeDb(tampered);
    expect(await restoreAutosave(store, db)).toBe(false);
    expect(store.getState().workspace).toBeNull();
    expect(store.getState().autosave).toMatchObject({ kind: 'error' });
    // The unreadable record (corrupt, or from a newer Spikelab) is kept before anything overwrites it.
    expect(db.backups).toEqual([tampered]);
  });

  it('keeps the earlier autosave aside when a shared link opened instead', async () => {
    vi.useFakeTimers();
    const author = createStore();
    author.getState().loadWorkspace(preset);
    const db = fakeDb();
    const stop = startAutosave(author, db);
    author.getState().edit('seed', (d) => void (d['seed'] = 33));
    await vi.advanceTimersByTimeAsync(500);
    stop();
    const withLink = createStore();
    withLink.getState().loadWorkspace({ ...preset, seed: 77 });
    expect(await restoreAutosave(withLink, db)).toBe(false);
    expect(withLink.getState().workspace?.seed).toBe(77);
    expect((db.backups[0] as { workspace: { seed: number } }).workspace.seed).toBe(33);
    expect(withLink.getState().autosave).toMatchObject({ kind: 'error', message: expect.stringMatching(/kept as a backup/) });
  });

  it('drops stored weights that do not fit the network but keeps the workspace', async () => {
    const store = createStore();
    const bad = { recordVersion: 1, savedAt: 0, workspace: preset, weights: { fc1: { shape: [1, 1], values: new Float32Array(1) } } };
    expect(await restoreAutosave(store, fakeDb(bad))).toBe(true);
    expect(store.getState().weightsId).toBeNull();
  });

  it('reports a failing database instead of throwing', async () => {
    vi.useFakeTimers();
    const store = createStore();
    store.getState().loadWorkspace(preset);
    const db = fakeDb(undefined, true);
    expect(await restoreAutosave(createStore(), db)).toBe(false);
    const stop = startAutosave(store, db);
    store.getState().edit('seed', (d) => void (d['seed'] = 5));
    await vi.advanceTimersByTimeAsync(500);
    expect(store.getState().autosave).toMatchObject({ kind: 'error', message: expect.stringContaining('quota exceeded') });
    stop();
  });
});
