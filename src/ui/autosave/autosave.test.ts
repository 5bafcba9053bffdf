import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { memoryChannels, memoryWorkspaceDb, type MemoryWorkspaceDb } from '../../../test/support/memoryWorkspaceDb.ts';
import { initWeights } from '../../core/network/weights.ts';
import { parseWorkspace } from '../../core/spec/parseWorkspace.ts';
import type { Workspace } from '../../core/spec/workspace.ts';
import { currentWeights, weightArtifacts } from '../runController.ts';
import { replaceWorkspace } from '../share/replaceWorkspace.ts';
import { createStore } from '../store/index.ts';
import { createWorkspaceLibrary } from '../workspaces/workspaceLibrary.ts';
import { startAutosave, type SaveChannel } from './autosave.ts';
import { restoreSaved } from './restoreSaved.ts';

const preset = parseWorkspace(JSON.parse(readFileSync(new URL('../../../public/presets/default.workspace.json', import.meta.url), 'utf8')));

/** A "tab": a store showing `ws` as saved workspace `id`, autosaving into `db`. */
function tab(db: MemoryWorkspaceDb, ws: Workspace | null, id = 'doc-1', channel?: SaveChannel) {
  const store = createStore();
  const autosave = startAutosave(store, db, { channel });
  if (ws) {
    store.getState().setDoc({ docId: id });
    store.getState().loadWorkspace(ws);
  }
  return { store, autosave, library: createWorkspaceLibrary(store, db, autosave) };
}

const setSeed = (store: ReturnType<typeof createStore>, seed: number) => store.getState().edit('seed', (d) => void (d['seed'] = seed));

afterEach(() => void vi.useRealTimers());

describe('autosave into named workspaces', () => {
  it('writes once per burst of edits, 500 ms after the last one, with rising revisions', async () => {
    vi.useFakeTimers();
    const db = memoryWorkspaceDb();
    const { store, autosave } = tab(db, preset);
    await vi.advanceTimersByTimeAsync(500);
    expect(db.writes.map((w) => w.revision)).toEqual([1]);
    for (const seed of [2, 3, 4]) {
      setSeed(store, seed);
      await vi.advanceTimersByTimeAsync(200);
    }
    expect(db.writes).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(300);
    expect(db.writes.map((w) => [w.revision, w.workspace.seed])).toEqual([
      [1, preset.seed],
      [2, 4],
    ]);
    expect(store.getState().autosave.kind).toBe('saved');
    expect(store.getState().docs.map((d) => [d.id, d.revision])).toEqual([['doc-1', 2]]);
    autosave.stop();
  });

  it('restores what it saved, weights included, into a fresh tab, without saving it again', async () => {
    vi.useFakeTimers();
    const db = memoryWorkspaceDb();
    const author = tab(db, preset);
    const weights = initWeights(preset.network, 9);
    author.store.getState().setTrain({ weightsId: weightArtifacts.put(weights), weightsNetwork: JSON.stringify(preset.network) });
    setSeed(author.store, 21);
    await vi.advanceTimersByTimeAsync(500);
    author.autosave.stop();
    const reloaded = tab(db, null);
    expect(await restoreSaved(reloaded.store, db, reloaded.autosave, null)).toBe(true);
    const ws = reloaded.store.getState().workspace;
    expect(ws?.seed).toBe(21);
    expect(ws && currentWeights(reloaded.store, ws)?.['fc1']?.values).toEqual(weights['fc1']?.values);
    const writes = db.writes.length;
    await vi.advanceTimersByTimeAsync(2000);
    // Showing a saved workspace is not an edit: another tab with it open must not see a save.
    expect(db.writes).toHaveLength(writes);
    reloaded.autosave.stop();
  });

  it('comes back to the workspace this tab showed, not the newest one', async () => {
    vi.useFakeTimers();
    const db = memoryWorkspaceDb();
    const a = tab(db, { ...preset, name: 'A' }, 'a');
    await vi.advanceTimersByTimeAsync(500);
    a.autosave.stop();
    const b = tab(db, { ...preset, name: 'B' }, 'b');
    await vi.advanceTimersByTimeAsync(1500);
    b.autosave.stop();
    const reload = tab(db, null);
    expect(await restoreSaved(reload.store, db, reload.autosave, 'a')).toBe(true);
    expect(reload.store.getState().workspace?.name).toBe('A');
    const fresh = tab(db, null);
    expect(await restoreSaved(fresh.store, db, fresh.autosave, null)).toBe(true);
    expect(fresh.store.getState().workspace?.name).toBe('B');
  });

  it('skips a tampered record with a message, leaves it untouched, and opens the next one', async () => {
    vi.useFakeTimers();
    const db = memoryWorkspaceDb();
    const good = tab(db, { ...preset, name: 'good' }, 'good');
    await vi.advanceTimersByTimeAsync(500);
    good.autosave.stop();
    const tampered = { recordVersion: 2, id: 'bad', revision: 1, savedAt: Date.now() + 1, workspace: { ...structuredClone(preset), seed: -1.5 }, weights: null };
    db.records.set('bad', tampered);
    db.catalog.set('bad', { id: 'bad', name: 'tampered', savedAt: Date.now() + 1, revision: 1, summary: '', hasWeights: false });
    const store = tab(db, null);
    expect(await restoreSaved(store.store, db, store.autosave, 'bad')).toBe(true);
    expect(store.store.getState().workspace?.name).toBe('good');
    expect(store.store.getState().autosave).toMatchObject({ kind: 'error', message: expect.stringMatching(/^not restored: 'tampered' \(.*seed/) });
    expect(db.records.get('bad')).toEqual(tampered);
    // Alone, it leaves the store empty for the default.
    db.catalog.delete('good');
    const alone = tab(db, null);
    expect(await restoreSaved(alone.store, db, alone.autosave, null)).toBe(false);
    expect(alone.store.getState().workspace).toBeNull();
  });

  it('moves the single autosave record of the page before named workspaces into the list', async () => {
    const db = memoryWorkspaceDb();
    db.legacy = { recordVersion: 1, savedAt: 5, workspace: { ...preset, seed: 44 }, weights: null };
    const t = tab(db, null);
    expect(await restoreSaved(t.store, db, t.autosave, null)).toBe(true);
    expect(t.store.getState().workspace?.seed).toBe(44);
    expect([...db.catalog.values()].map((e) => [e.name, e.revision])).toEqual([[preset.name, 1]]);
    expect(db.legacy).toBeUndefined();
    expect(db.backup).toMatchObject({ recordVersion: 1 });
  });

  it('drops stored weights that do not fit the network but keeps the workspace', async () => {
    const db = memoryWorkspaceDb();
    db.records.set('x', { recordVersion: 2, id: 'x', revision: 1, savedAt: 0, workspace: preset, weights: { fc1: { shape: [1, 1], values: new Float32Array(1) } } });
    db.catalog.set('x', { id: 'x', name: 'x', savedAt: 0, revision: 1, summary: '', hasWeights: true });
    const t = tab(db, null);
    expect(await restoreSaved(t.store, db, t.autosave, null)).toBe(true);
    expect(t.store.getState().weightsId).toBeNull();
  });

  it('reports a failing database instead of throwing', async () => {
    vi.useFakeTimers();
    const db = memoryWorkspaceDb();
    db.fail = true;
    const t = tab(db, preset);
    expect(await restoreSaved(createStore(), db, t.autosave, null)).toBe(false);
    setSeed(t.store, 5);
    await vi.advanceTimersByTimeAsync(500);
    expect(t.store.getState().autosave).toMatchObject({ kind: 'error', message: expect.stringContaining('quota exceeded') });
    t.autosave.stop();
  });

  it('a link (or file, preset) opens as a new saved workspace: the edit pending on the old one is written first, undo goes back with its weights', async () => {
    vi.useFakeTimers();
    const db = memoryWorkspaceDb();
    const { store, autosave } = tab(db, preset, 'mine');
    const weights = initWeights(preset.network, 3);
    store.getState().setTrain({ weightsId: weightArtifacts.put(weights), weightsNetwork: JSON.stringify(preset.network) });
    await vi.advanceTimersByTimeAsync(500);
    setSeed(store, 12);
    // Before the debounce ends, a link replaces the workspace.
    replaceWorkspace(store, { ...preset, name: 'from a link', seed: 99 }, undefined, 'open shared link');
    await vi.advanceTimersByTimeAsync(500);
    const mine = db.records.get('mine') as { workspace: Workspace; weights: unknown };
    expect(mine.workspace.seed).toBe(12);
    expect(mine.weights).not.toBeNull();
    const linked = [...db.catalog.values()].find((e) => e.name === 'from a link');
    expect(linked?.id).toBe(store.getState().docId);
    expect(store.getState().weightsId).toBeNull();
    store.getState().undo();
    expect(store.getState().docId).toBe('mine');
    expect(store.getState().workspace?.seed).toBe(12);
    const ws = store.getState().workspace;
    expect(ws && currentWeights(store, ws)?.['fc1']?.values).toEqual(weights['fc1']?.values);
    store.getState().redo();
    expect(store.getState().docId).toBe(linked?.id);
    expect(store.getState().weightsId).toBeNull();
    autosave.stop();
  });
});

describe('two tabs on one saved workspace', () => {
  async function twoTabs() {
    vi.useFakeTimers();
    const db = memoryWorkspaceDb();
    const channel = memoryChannels();
    const a = tab(db, preset, 'shared', channel());
    await vi.advanceTimersByTimeAsync(500);
    const b = tab(db, null, 'shared', channel());
    expect(await restoreSaved(b.store, db, b.autosave, null)).toBe(true);
    return { db, a, b };
  }

  it('the second tab is told at once when the first saves, and its own edits are held, not written over', async () => {
    const { db, a, b } = await twoTabs();
    setSeed(a.store, 7);
    await vi.advanceTimersByTimeAsync(500);
    expect(b.store.getState().docConflict).toMatchObject({ id: 'shared', theirs: { revision: 2 } });
    setSeed(b.store, 8);
    await vi.advanceTimersByTimeAsync(500);
    expect((db.records.get('shared') as { workspace: Workspace }).workspace.seed).toBe(7);
    expect(b.store.getState().autosave).toMatchObject({ kind: 'error', message: expect.stringMatching(/another tab/) });
    // Keep mine as a copy: a new saved workspace with b's edits; a's stays as a saved it.
    expect(await b.library.resolve('copy')).toMatch(/this tab/);
    await vi.advanceTimersByTimeAsync(500);
    const copy = db.records.get(b.store.getState().docId ?? '') as { workspace: Workspace };
    expect(copy.workspace.seed).toBe(8);
    expect(copy.workspace.name).toBe(`${preset.name} (this tab)`);
    expect((db.records.get('shared') as { workspace: Workspace }).workspace.seed).toBe(7);
  });

  it('without the channel, the compare-and-set write still refuses to overwrite', async () => {
    vi.useFakeTimers();
    const db = memoryWorkspaceDb();
    const a = tab(db, preset, 'shared');
    await vi.advanceTimersByTimeAsync(500);
    const b = tab(db, null, 'shared');
    await restoreSaved(b.store, db, b.autosave, null);
    setSeed(a.store, 7);
    await vi.advanceTimersByTimeAsync(500);
    setSeed(b.store, 8);
    await vi.advanceTimersByTimeAsync(500);
    expect(b.store.getState().docConflict).toMatchObject({ theirs: { revision: 2 } });
    expect((db.records.get('shared') as { workspace: Workspace }).workspace.seed).toBe(7);
    // Save mine over theirs: b writes revision 3, and then a is the one told.
    expect(await b.library.resolve('mine')).toMatch(/saved this tab/);
    expect((db.records.get('shared') as { workspace: Workspace }).workspace.seed).toBe(8);
    setSeed(a.store, 9);
    await vi.advanceTimersByTimeAsync(500);
    expect(a.store.getState().docConflict).toMatchObject({ theirs: { revision: 3 } });
  });

  it('loading the other tab’s version shows it, and undo brings this tab’s back', async () => {
    const { a, b } = await twoTabs();
    setSeed(a.store, 7);
    await vi.advanceTimersByTimeAsync(500);
    setSeed(b.store, 8);
    expect(await b.library.resolve('theirs')).toMatch(/^opened/);
    expect(b.store.getState().workspace?.seed).toBe(7);
    expect(b.store.getState().docConflict).toBeNull();
    b.store.getState().undo();
    expect(b.store.getState().workspace?.seed).toBe(8);
  });

  it('a workspace deleted in one tab is a conflict in the tab showing it; delete is undoable', async () => {
    vi.useFakeTimers();
    const db = memoryWorkspaceDb();
    const channel = memoryChannels();
    const a = tab(db, { ...preset, name: 'first' }, 'first', channel());
    await vi.advanceTimersByTimeAsync(500);
    const b = tab(db, null, 'first', channel());
    await restoreSaved(b.store, db, b.autosave, null);
    replaceWorkspace(a.store, { ...preset, name: 'second' }, undefined, 'new');
    await vi.advanceTimersByTimeAsync(500);
    expect(await a.library.remove(a.store.getState().docId ?? '')).toMatch(/cannot be deleted/);
    expect(await a.library.remove('first')).toBe("deleted 'first'");
    await vi.advanceTimersByTimeAsync(10);
    expect(b.store.getState().docConflict).toEqual({ id: 'first', theirs: null });
    expect(a.library.removed()).toBe('‘first’');
    expect(await a.library.undoRemove()).toBe("brought back 'first'");
    expect(db.catalog.has('first')).toBe(true);
    expect(await a.library.open('first')).toBe("opened 'first'");
    expect(a.store.getState().workspace?.name).toBe('first');
    expect(await a.library.open('gone')).toMatch(/^not opened: it is no longer saved/);
  });
});
