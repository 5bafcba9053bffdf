import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { memoryWorkspaceDb, type MemoryWorkspaceDb } from '../../../test/support/memoryWorkspaceDb.ts';
import { parseWorkspace } from '../../core/spec/parseWorkspace.ts';
import type { Workspace } from '../../core/spec/workspace.ts';
import { initWeights } from '../../core/network/weights.ts';
import { startAutosave } from '../autosave/autosave.ts';
import { weightArtifacts } from '../runController.ts';
import { replaceWorkspace } from '../share/replaceWorkspace.ts';
import { createStore } from '../store/index.ts';
import { workspaceFingerprint } from './entryReuse.ts';
import { createWorkspaceLibrary } from './workspaceLibrary.ts';

const read = (id: string) => parseWorkspace(JSON.parse(readFileSync(new URL(`../../../public/presets/${id}.workspace.json`, import.meta.url), 'utf8')));
const ecg = read('default');
const eeg = read('eeg');

/** A tab showing `ws` as it was shipped (its pristine fingerprint known), autosaving into `db`. */
function tab(db: MemoryWorkspaceDb, ws: Workspace) {
  const store = createStore();
  const autosave = startAutosave(store, db);
  store.getState().setDoc({ docId: 'first', docPristine: workspaceFingerprint(ws) });
  store.getState().loadWorkspace(ws);
  return { store, autosave, library: createWorkspaceLibrary(store, db, autosave) };
}
const names = (db: MemoryWorkspaceDb) => [...db.catalog.values()].map((e) => e.name).sort();
const setSeed = (t: ReturnType<typeof tab>, seed: number) => t.store.getState().edit('seed', (d) => void (d['seed'] = seed));

afterEach(() => void vi.useRealTimers());

describe('the entry-reuse rule in the workspace library', () => {
  it('presets picked over an unedited workspace replace it in place: ten switches leave one entry', async () => {
    vi.useFakeTimers();
    const db = memoryWorkspaceDb();
    const t = tab(db, ecg);
    await vi.advanceTimersByTimeAsync(500);
    for (let i = 0; i < 10; i++) {
      await t.library.openPreset(i % 2 === 0 ? eeg : ecg, 'open preset');
      await vi.advanceTimersByTimeAsync(500);
    }
    expect(names(db)).toEqual([ecg.name]);
    expect(t.store.getState().docId).toBe('first');
    expect(db.catalog.get('first')).toMatchObject({ edited: false });
    // Undo steps back through the presets, in the same entry.
    t.store.getState().undo();
    expect(t.store.getState().workspace?.name).toBe(eeg.name);
    await vi.advanceTimersByTimeAsync(500);
    expect(names(db)).toEqual([eeg.name]);
    t.autosave.stop();
  });

  it('an edited workspace is kept as its own entry, and the next copy of its name gets "(2)"', async () => {
    vi.useFakeTimers();
    const db = memoryWorkspaceDb();
    const t = tab(db, ecg);
    setSeed(t, 77);
    await vi.advanceTimersByTimeAsync(500);
    expect(db.catalog.get('first')).toMatchObject({ edited: true });
    await t.library.openPreset(eeg, 'open preset');
    await vi.advanceTimersByTimeAsync(500);
    await t.library.openPreset(ecg, 'open preset');
    await vi.advanceTimersByTimeAsync(500);
    expect(names(db)).toEqual([ecg.name, `${ecg.name} (2)`]);
    expect((db.records.get('first') as { workspace: Workspace }).workspace.seed).toBe(77);
    // Undo twice: back to eeg (the same second entry), then to the edited first one.
    t.store.getState().undo();
    t.store.getState().undo();
    expect(t.store.getState().docId).toBe('first');
    expect(t.store.getState().workspace?.seed).toBe(77);
    t.autosave.stop();
  });

  it('a preset reopened while an unedited entry of it is saved opens that entry; undo returns', async () => {
    vi.useFakeTimers();
    const db = memoryWorkspaceDb();
    const t = tab(db, ecg);
    setSeed(t, 77);
    await vi.advanceTimersByTimeAsync(500);
    await t.library.openPreset(eeg, 'open preset');
    await vi.advanceTimersByTimeAsync(500);
    const eegId = t.store.getState().docId;
    expect(await t.library.open('first')).toBe(`opened '${ecg.name}'`);
    expect(await t.library.openPreset(eeg, 'open preset')).toBe(`opened '${eeg.name}'`);
    await vi.advanceTimersByTimeAsync(500);
    expect(t.store.getState().docId).toBe(eegId);
    expect(db.catalog.size).toBe(2);
    t.store.getState().undo();
    expect(t.store.getState().docId).toBe('first');
    expect(t.store.getState().workspace?.seed).toBe(77);
    t.autosave.stop();
  });
});

describe('what may be replaced', () => {
  it('a link opened over an unedited preset takes its place, and is itself kept when a preset follows', async () => {
    vi.useFakeTimers();
    const db = memoryWorkspaceDb();
    const t = tab(db, ecg);
    await vi.advanceTimersByTimeAsync(500);
    replaceWorkspace(t.store, { ...eeg, name: 'from a link' }, undefined, 'open shared link');
    await vi.advanceTimersByTimeAsync(500);
    expect(t.store.getState().docId).toBe('first');
    expect(db.catalog.get('first')).toMatchObject({ name: 'from a link', edited: true });
    await t.library.openPreset(ecg, 'open preset');
    await vi.advanceTimersByTimeAsync(500);
    expect(names(db)).toEqual([ecg.name, 'from a link']);
    t.autosave.stop();
  });

  it('trained weights make a workspace the user’s own: the next preset does not replace it', async () => {
    vi.useFakeTimers();
    const db = memoryWorkspaceDb();
    const t = tab(db, ecg);
    t.store.getState().setTrain({ weightsId: weightArtifacts.put(initWeights(ecg.network, 3)), weightsNetwork: JSON.stringify(ecg.network) });
    await vi.advanceTimersByTimeAsync(500);
    await t.library.openPreset(eeg, 'open preset');
    await vi.advanceTimersByTimeAsync(500);
    expect(names(db)).toEqual([ecg.name, eeg.name]);
    expect(db.catalog.get('first')).toMatchObject({ hasWeights: true, edited: true });
    t.autosave.stop();
  });
});

describe('duplicate and bulk delete', () => {
  it('a duplicate is a new entry named "(2)", even of an unedited workspace; createdAt stays the first save', async () => {
    vi.useFakeTimers({ now: 1_000 });
    const db = memoryWorkspaceDb();
    const t = tab(db, ecg);
    await vi.advanceTimersByTimeAsync(500);
    expect(t.library.duplicate()).toBe(`duplicated as '${ecg.name} (2)'`);
    await vi.advanceTimersByTimeAsync(500);
    expect(names(db)).toEqual([ecg.name, `${ecg.name} (2)`]);
    setSeed(t, 5);
    await vi.advanceTimersByTimeAsync(500);
    const copy = db.catalog.get(t.store.getState().docId ?? '');
    expect(copy?.createdAt).toBe(2_000);
    expect(copy?.savedAt).toBe(2_500);
    t.autosave.stop();
  });

  it('deletes several at once, never the one shown, and one undo brings all of them back', async () => {
    vi.useFakeTimers();
    const db = memoryWorkspaceDb();
    const t = tab(db, ecg);
    await vi.advanceTimersByTimeAsync(500);
    for (let i = 0; i < 3; i++) {
      t.library.duplicate();
      await vi.advanceTimersByTimeAsync(500);
    }
    const shown = t.store.getState().docId ?? '';
    const others = [...db.catalog.keys()].filter((id) => id !== shown);
    expect(await t.library.removeMany([...others, shown])).toMatch(/cannot be deleted/);
    expect(db.catalog.size).toBe(4);
    expect(await t.library.removeMany(others)).toBe('deleted 3 workspaces');
    expect([...db.catalog.keys()]).toEqual([shown]);
    expect(t.library.removed()).toBe('3 workspaces');
    expect(await t.library.undoRemove()).toBe('brought back 3 workspaces');
    expect(db.catalog.size).toBe(4);
    expect(t.library.removed()).toBeNull();
    t.autosave.stop();
  });
});
