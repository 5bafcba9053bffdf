import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { memoryChannels, memoryWorkspaceDb, type MemoryWorkspaceDb } from '../../../test/support/memoryWorkspaceDb.ts';
import { parseWorkspace } from '../../core/spec/parseWorkspace.ts';
import type { Workspace } from '../../core/spec/workspace.ts';
import { createStore } from '../store/index.ts';
import { startAutosave, type SaveChannel } from './autosave.ts';
import { restoreSaved } from './restoreSaved.ts';
import { readStash, stashKey, writeStash, type StashStorage } from './unsavedEditStash.ts';

const preset = parseWorkspace(JSON.parse(readFileSync(new URL('../../../public/presets/default.workspace.json', import.meta.url), 'utf8')));

/** localStorage in a Map: shared by every "tab" of one test, as the origin's localStorage is. */
function mapStorage(): StashStorage & { items: Map<string, string> } {
  const items = new Map<string, string>();
  return { items, getItem: (k) => items.get(k) ?? null, setItem: (k, v) => void items.set(k, v), removeItem: (k) => void items.delete(k) };
}

function tab(db: MemoryWorkspaceDb, local: StashStorage, ws: Workspace | null, id = 'doc', channel?: SaveChannel) {
  const store = createStore();
  const autosave = startAutosave(store, db, { channel, local });
  if (ws) {
    store.getState().setDoc({ docId: id });
    store.getState().loadWorkspace(ws);
  }
  return { store, autosave };
}

const setSeed = (store: ReturnType<typeof createStore>, seed: number) => store.getState().edit('seed', (d) => void (d['seed'] = seed));
const seedOf = (db: MemoryWorkspaceDb, id: string) => (db.records.get(id) as { workspace: Workspace } | undefined)?.workspace.seed;

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('edits stashed in localStorage come back', () => {
  it('an edit whose save never reached the database is shown and saved at the next boot', async () => {
    vi.useFakeTimers();
    const db = memoryWorkspaceDb();
    const local = mapStorage();
    const first = tab(db, local, preset);
    await vi.advanceTimersByTimeAsync(500);
    // The page goes away 100 ms after an edit: pagehide stashes it and the IndexedDB write dies
    // with the page (here: the database fails from then on, then comes back for the next page).
    setSeed(first.store, 42);
    writeStash(local, { docId: 'doc', baseRevision: 1, editedAt: Date.now(), held: false, workspace: first.store.getState().workspace ?? preset });
    db.fail = true;
    await vi.advanceTimersByTimeAsync(500);
    first.autosave.stop();
    db.fail = false;
    expect(seedOf(db, 'doc')).toBe(preset.seed);
    const next = tab(db, local, null);
    expect(await restoreSaved(next.store, db, next.autosave, 'doc', Date.now, local)).toBe(true);
    expect(next.store.getState().workspace?.seed).toBe(42);
    expect(seedOf(db, 'doc')).toBe(42);
    expect(local.items.has(stashKey('doc'))).toBe(false);
    expect(next.store.getState().recoveries).toEqual([]);
  });

  it('an edit held by a conflict survives its tab closing: a copy of its own, announced', async () => {
    vi.useFakeTimers();
    // The page's window, for pagehide (every "tab" here listens on this one).
    vi.stubGlobal('window', new EventTarget());
    const db = memoryWorkspaceDb();
    const local = mapStorage();
    const channel = memoryChannels();
    const a = tab(db, local, preset, 'shared', channel());
    await vi.advanceTimersByTimeAsync(500);
    const b = tab(db, local, null, 'shared', channel());
    await restoreSaved(b.store, db, b.autosave, null, Date.now, local);
    setSeed(a.store, 7);
    await vi.advanceTimersByTimeAsync(500);
    expect(b.store.getState().docConflict).not.toBeNull();
    setSeed(b.store, 8);
    await vi.advanceTimersByTimeAsync(500);
    // While the tab lives its conflict banner owns the edit: a stash now would be copied by
    // another tab opening the workspace. Closing the tab (pagehide) stashes it.
    expect(readStash(local, 'shared').kind).toBe('none');
    a.autosave.stop();
    window.dispatchEvent(new Event('pagehide'));
    expect(readStash(local, 'shared')).toMatchObject({ kind: 'edit', edit: { held: true, baseRevision: 1 } });
    b.autosave.stop();
    const reopened = tab(db, local, null);
    expect(await restoreSaved(reopened.store, db, reopened.autosave, 'shared', Date.now, local)).toBe(true);
    expect(reopened.store.getState().workspace?.seed).toBe(7);
    const copy = [...db.catalog.values()].find((e) => e.id !== 'shared');
    expect(copy?.name).toMatch(new RegExp(`^${preset.name} \\(edit not saved \\d\\d:\\d\\d\\)$`));
    expect(seedOf(db, copy?.id ?? '')).toBe(8);
    expect(reopened.store.getState().recoveries).toEqual([expect.objectContaining({ text: expect.stringMatching(/another tab saved it.*kept as/) })]);
    await vi.advanceTimersByTimeAsync(2000);
    expect(local.items.size).toBe(0);
  });

  it('pagehide stashes an edit whose save already started but has not committed', async () => {
    vi.useFakeTimers();
    vi.stubGlobal('window', new EventTarget());
    const db = memoryWorkspaceDb();
    const local = mapStorage();
    const t = tab(db, local, preset);
    await vi.advanceTimersByTimeAsync(500);
    setSeed(t.store, 42);
    // The debounce fired, so nothing is pending; the write is refused (as a transaction the
    // page's end aborts would be). Before, pagehide found nothing pending and kept nothing.
    db.fail = true;
    await vi.advanceTimersByTimeAsync(500);
    window.dispatchEvent(new Event('pagehide'));
    expect(readStash(local, 'doc')).toMatchObject({ kind: 'edit', edit: { baseRevision: 1, held: false, workspace: { seed: 42 } } });
    t.autosave.stop();
  });

  it('a stash whose save did land is dropped without a word', async () => {
    vi.useFakeTimers();
    const db = memoryWorkspaceDb();
    const local = mapStorage();
    const first = tab(db, local, preset);
    await vi.advanceTimersByTimeAsync(500);
    setSeed(first.store, 42);
    // Stashed before the save, and the save's own clearing lost (the page died right after commit).
    writeStash(local, { docId: 'doc', baseRevision: 1, editedAt: Date.now() + 10_000, held: false, workspace: first.store.getState().workspace ?? preset });
    await vi.advanceTimersByTimeAsync(500);
    first.autosave.stop();
    const next = tab(db, local, null);
    await restoreSaved(next.store, db, next.autosave, 'doc', Date.now, local);
    expect(db.catalog.size).toBe(1);
    expect(local.items.size).toBe(0);
    expect(next.store.getState().recoveries).toEqual([]);
  });

  it('a corrupt record is copied aside with the reason, once, and the notice offers it', async () => {
    const db = memoryWorkspaceDb();
    const bad = { recordVersion: 2, id: 'bad', revision: 3, savedAt: 1, workspace: { schemaVersion: 'x' }, weights: null };
    db.records.set('bad', bad);
    db.catalog.set('bad', { id: 'bad', name: 'broken', savedAt: 1, revision: 3, summary: '', hasWeights: false });
    for (let boot = 0; boot < 2; boot++) {
      const t = tab(db, mapStorage(), null);
      expect(await restoreSaved(t.store, db, t.autosave, 'bad')).toBe(false);
      expect(t.store.getState().recoveries).toEqual([expect.objectContaining({ text: expect.stringMatching(/‘broken’ could not be read .*kept as a damaged copy/), damaged: { place: 'copy', key: 'bad@3', name: 'broken' } })]);
    }
    expect([...db.damaged.values()]).toEqual([expect.objectContaining({ key: 'bad@3', id: 'bad', value: bad, reason: expect.stringMatching(/schemaVersion/) })]);
    expect(db.records.get('bad')).toEqual(bad);
  });
});
