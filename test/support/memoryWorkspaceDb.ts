import type { SaveAnnouncement, SaveChannel } from '../../src/ui/autosave/autosave.ts';
import type { AutosaveRecord } from '../../src/ui/autosave/autosaveRecord.ts';
import { readCatalogue } from '../../src/ui/autosave/catalogue.ts';
import type { DamagedCopy } from '../../src/ui/autosave/damagedCopies.ts';
import type { WorkspaceDb } from '../../src/ui/autosave/workspaceDb.ts';
import { createdAt, isWorkspaceEntry, type WorkspaceEntry } from '../../src/ui/autosave/workspaceEntry.ts';

/**
 * The workspace database in memory, with IndexedDB's semantics that autosave relies on: a write
 * is a compare-and-set on the catalog revision, done at once (IndexedDB serialises readwrite
 * transactions across tabs). Several "tabs" share one instance. `fail` makes every call reject;
 * `legacy` is a version-1 autosave record still in the old slot.
 */
export interface MemoryWorkspaceDb extends WorkspaceDb {
  readonly records: Map<string, unknown>;
  /** Entries by key; a test plants a damaged catalogue here with a cast (the reader checks every value). */
  readonly catalog: Map<string, WorkspaceEntry>;
  readonly damaged: Map<string, DamagedCopy>;
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
    damaged: new Map(),
    writes: [],
    backup: undefined,
    legacy: undefined,
    fail: false,
    list: () => gate(db, () => readCatalogue([...db.catalog]).entries),
    catalogue: () => gate(db, () => structuredClone(readCatalogue([...db.catalog]))),
    keepDamaged: (copy) =>
      gate(db, () => {
        if (!db.damaged.has(copy.key)) db.damaged.set(copy.key, structuredClone(copy));
      }),
    damagedCopies: () => gate(db, () => [...db.damaged.values()].sort((a, b) => a.at - b.at)),
    readDamaged: (place, key) => gate(db, () => structuredClone(place === 'copy' ? db.damaged.get(key) : { key, entry: db.catalog.get(key), record: db.records.get(key) })),
    removeDamaged: (place, key) =>
      gate(db, () => {
        if (place === 'copy') db.damaged.delete(key);
        else {
          db.catalog.delete(key);
          db.records.delete(key);
        }
      }),
    read: (id) => gate(db, () => structuredClone(db.records.get(id))),
    write: (record, entry, expected) =>
      gate(db, () => {
        const stored = db.catalog.get(entry.id);
        const current = isWorkspaceEntry(stored) ? stored : null;
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
