import type { SaveAnnouncement, SaveChannel } from '../../src/ui/autosave/autosave.ts';
import type { AutosaveRecord } from '../../src/ui/autosave/autosaveRecord.ts';
import type { WorkspaceDb } from '../../src/ui/autosave/workspaceDb.ts';
import { createdAt, type WorkspaceEntry } from '../../src/ui/autosave/workspaceEntry.ts';

/**
 * The workspace database in memory, with IndexedDB's semantics that autosave relies on: a write
 * is a compare-and-set on the catalog revision, done at once (IndexedDB serialises readwrite
 * transactions across tabs). Several "tabs" share one instance. `fail` makes every call reject;
 * `legacy` is a version-1 autosave record still in the old slot.
 */
export interface MemoryWorkspaceDb extends WorkspaceDb {
  readonly records: Map<string, unknown>;
  readonly catalog: Map<string, WorkspaceEntry>;
  readonly writes: AutosaveRecord[];
  backup: unknown;
  legacy: unknown;
  fail: boolean;
}

/** An in-memory WorkspaceDb (see MemoryWorkspaceDb). */
export function memoryWorkspaceDb(): MemoryWorkspaceDb {
  const gate = <T>(db: MemoryWorkspaceDb, f: () => T): Promise<T> => (db.fail ? Promise.reject(new Error('quota exceeded')) : Promise.resolve().then(f));
  const db: MemoryWorkspaceDb = {
    records: new Map(),
    catalog: new Map(),
    writes: [],
    backup: undefined,
    legacy: undefined,
    fail: false,
    list: () => gate(db, () => [...db.catalog.values()].sort((a, b) => b.savedAt - a.savedAt)),
    read: (id) => gate(db, () => structuredClone(db.records.get(id))),
    write: (record, entry, expected) =>
      gate(db, () => {
        const current = db.catalog.get(entry.id) ?? null;
        if ((current?.revision ?? null) !== expected) return { ok: false as const, current };
        const kept: WorkspaceEntry = current ? { ...entry, createdAt: createdAt(current) } : entry;
        db.records.set(entry.id, structuredClone(record));
        db.catalog.set(entry.id, kept);
        db.writes.push(record);
        return { ok: true as const, entry: kept };
      }),
    remove: (id) =>
      gate(db, () => {
        db.records.delete(id);
        db.catalog.delete(id);
      }),
    takeLegacy: () =>
      gate(db, () => {
        const v: unknown = db.legacy;
        if (v !== undefined) db.backup = v;
        db.legacy = undefined;
        return v;
      }),
  };
  return db;
}

/** BroadcastChannel between tabs in one process: a message reaches every other tab, later. */
export function memoryChannels(): () => SaveChannel {
  const listeners = new Set<(m: unknown) => void>();
  return () => {
    let mine: ((m: unknown) => void) | undefined;
    return {
      post(m: SaveAnnouncement) {
        const copy = structuredClone(m);
        for (const l of listeners) if (l !== mine) queueMicrotask(() => l(copy));
      },
      listen(onMessage) {
        mine = onMessage;
        listeners.add(onMessage);
        return () => void listeners.delete(onMessage);
      },
    };
  };
}
