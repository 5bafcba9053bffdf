import type { AutosaveRecord } from './autosaveRecord.ts';
import { readCatalogue, type Catalogue } from './catalogue.ts';
import { isDamagedCopy, type DamagedCopy, type DamagedPlace } from './damagedCopies.ts';
import { createdAt, isWorkspaceEntry, type WorkspaceEntry } from './workspaceEntry.ts';
import { committed, settle } from '../indexedDbPromises.ts';

/** What a compare-and-set write found: written (with the new revision), or someone else's save. */
export type WriteOutcome =
  | { readonly ok: true; readonly entry: WorkspaceEntry }
  /** `current` is the stored entry the writer did not know about; null when it was deleted. */
  | { readonly ok: false; readonly current: WorkspaceEntry | null };

/**
 * The saved workspaces of this browser (IndexedDB in the page, a fake in unit tests). Records and
 * entries come back unvalidated where they carry a workspace: the caller parses them like a file.
 */
export interface WorkspaceDb {
  /** Every saved workspace that can be listed, once each, newest save first (catalogue().entries). */
  list(): Promise<readonly WorkspaceEntry[]>;
  /** The listable entries and the damaged ones (catalogue.readCatalogue). */
  catalogue(): Promise<Catalogue>;
  /** Keeps a copy of a record that could not be read; a copy already under its key is left as it is. */
  keepDamaged(copy: DamagedCopy): Promise<void>;
  /** The kept copies of damaged records, oldest first. */
  damagedCopies(): Promise<readonly DamagedCopy[]>;
  /** What is stored for a damaged item, for download: a kept copy, or a catalogue entry with its record. */
  readDamaged(place: DamagedPlace, key: string): Promise<unknown>;
  /** Deletes a damaged item (a catalogue entry goes with the record under its key). */
  removeDamaged(place: DamagedPlace, key: string): Promise<void>;
  /** The stored record of a workspace, or undefined. */
  read(id: string): Promise<unknown>;
  /**
   * Writes the record only if the stored revision is `expected` (null: nothing stored under the
   * id), in one transaction, so two tabs cannot both write over the same revision. An entry that
   * exists keeps its createdAt.
   */
  write(record: AutosaveRecord, entry: WorkspaceEntry, expected: number | null): Promise<WriteOutcome>;
  remove(id: string): Promise<void>;
  /** The single record of autosave version 1 (before named workspaces), removed once taken. */
  takeLegacy(): Promise<unknown>;
}

const DB_NAME = 'spikelab';
/**
 * Version 1 had the 'autosave' store only; version 2 adds named workspaces and their catalog;
 * version 3 adds the copies of damaged records.
 */
const DB_VERSION = 3;
/** Version 1's store: its one record ('current') and the backup key. */
const LEGACY = 'autosave';
const LEGACY_KEY = 'current';
/** Where version 1's record is kept once migrated (and where an earlier page kept displaced ones). */
export const BACKUP_KEY = 'before-replaced';
const RECORDS = 'workspaces';
const CATALOG = 'catalog';
const DAMAGED = 'damaged';

/**
 * Opens the page's IndexedDB database (creating or upgrading its stores). Rejects with an Error
 * saying why when IndexedDB is missing or blocked (private windows in some browsers, policy).
 */
export async function openWorkspaceDb(factory: IDBFactory | undefined = globalThis.indexedDB): Promise<WorkspaceDb> {
  if (!factory) throw new Error('this browser offers no IndexedDB');
  const open = factory.open(DB_NAME, DB_VERSION);
  open.onupgradeneeded = () => {
    const db = open.result;
    for (const name of [LEGACY, RECORDS, CATALOG, DAMAGED]) if (!db.objectStoreNames.contains(name)) db.createObjectStore(name);
  };
  // Another tab still on version 1 holds the database open: it is asked to close (below), so
  // this only waits; say so rather than hang silently.
  open.onblocked = () => console.warn('spikelab: waiting for another tab to release the workspace database');
  const db = await settle(open);
  // A newer page in another tab wants to upgrade: let it (this tab's next save reopens nothing, so
  // it reports the failure instead of blocking that tab forever).
  db.onversionchange = () => db.close();
  const store = (name: string, mode: IDBTransactionMode) => db.transaction(name, mode).objectStore(name);
  const catalogue = async (): Promise<Catalogue> => {
    const tx = db.transaction(CATALOG, 'readonly');
    // Both in one transaction and in key order, so the i-th key is the i-th value's.
    const [keys, values] = await Promise.all([settle(tx.objectStore(CATALOG).getAllKeys()), settle(tx.objectStore(CATALOG).getAll())]);
    return readCatalogue(keys.map((k, i) => [k, values[i]] as const));
  };
  return {
    list: async () => (await catalogue()).entries,
    catalogue,
    async keepDamaged(copy) {
      const tx = db.transaction(DAMAGED, 'readwrite');
      const done = committed(tx);
      const existing = tx.objectStore(DAMAGED).getKey(copy.key);
      existing.onsuccess = () => {
        if (existing.result === undefined) tx.objectStore(DAMAGED).put(copy, copy.key);
      };
      await done;
    },
    async damagedCopies() {
      const all: unknown[] = await settle(store(DAMAGED, 'readonly').getAll());
      return all.filter(isDamagedCopy).sort((a, b) => a.at - b.at);
    },
    async readDamaged(place, key) {
      if (place === 'copy') return settle(store(DAMAGED, 'readonly').get(key));
      const tx = db.transaction([CATALOG, RECORDS], 'readonly');
      const [entry, record] = await Promise.all([settle(tx.objectStore(CATALOG).get(key)), settle(tx.objectStore(RECORDS).get(key))]);
      return { key, entry: entry as unknown, record: record as unknown };
    },
    async removeDamaged(place, key) {
      const names = place === 'copy' ? [DAMAGED] : [CATALOG, RECORDS];
      const tx = db.transaction(names, 'readwrite');
      for (const name of names) tx.objectStore(name).delete(key);
      await committed(tx);
    },
    read: (id) => settle(store(RECORDS, 'readonly').get(id)),
    write(record, entry, expected) {
      const tx = db.transaction([RECORDS, CATALOG], 'readwrite');
      const done = committed(tx);
      return new Promise<WriteOutcome>((resolve, reject) => {
        const get = tx.objectStore(CATALOG).get(entry.id);
        get.onsuccess = () => {
          const stored: unknown = get.result;
          const current = isWorkspaceEntry(stored) ? stored : null;
          if ((current?.revision ?? null) !== expected) {
            resolve({ ok: false, current });
            return;
          }
          // The first save's time stays the creation time, whoever saves next.
          const kept: WorkspaceEntry = current ? { ...entry, createdAt: createdAt(current) } : entry;
          tx.objectStore(RECORDS).put(record, entry.id);
          tx.objectStore(CATALOG).put(kept, entry.id);
          done.then(() => resolve({ ok: true, entry: kept }), reject);
        };
        get.onerror = () => reject(get.error ?? new Error('IndexedDB read failed'));
        done.catch(reject);
      });
    },
    async remove(id) {
      const tx = db.transaction([RECORDS, CATALOG], 'readwrite');
      tx.objectStore(RECORDS).delete(id);
      tx.objectStore(CATALOG).delete(id);
      await committed(tx);
    },
    takeLegacy() {
      const tx = db.transaction(LEGACY, 'readwrite');
      const done = committed(tx);
      return new Promise<unknown>((resolve, reject) => {
        const get = tx.objectStore(LEGACY).get(LEGACY_KEY);
        get.onsuccess = () => {
          const value: unknown = get.result;
          if (value !== undefined) {
            // Kept as the backup too: migration never holds the only copy in memory.
            tx.objectStore(LEGACY).put(value, BACKUP_KEY);
            tx.objectStore(LEGACY).delete(LEGACY_KEY);
          }
          done.then(() => resolve(value), reject);
        };
        get.onerror = () => reject(get.error ?? new Error('IndexedDB read failed'));
        done.catch(reject);
      });
    },
  };
}
