import type { AutosaveRecord } from './autosaveRecord.ts';

/** Where autosave reads and writes one record; IndexedDB in the page, a fake in tests. */
export interface AutosaveDb {
  /** The stored record, unvalidated, or undefined when nothing was saved yet. */
  read(): Promise<unknown>;
  write(record: AutosaveRecord): Promise<void>;
  /** Keeps a stored record (as read, even unreadable) under a backup key, so no write can lose it. */
  keepBackup(record: unknown): Promise<void>;
}

const DB_NAME = 'spikelab';
const STORE = 'autosave';
/** The one slot used today; named workspaces would add keys beside it. */
const KEY = 'current';
/** The record a shared link or an unreadable autosave displaced. */
export const BACKUP_KEY = 'before-replaced';

/** Wraps an IDBRequest in a promise that rejects with the request's own error. */
function settle<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
}

/**
 * Opens the page's IndexedDB database. Rejects with an Error saying why when IndexedDB is missing
 * or blocked (private windows in some browsers, storage disabled by policy).
 */
export async function openAutosaveDb(factory: IDBFactory | undefined = globalThis.indexedDB): Promise<AutosaveDb> {
  if (!factory) throw new Error('this browser offers no IndexedDB');
  const open = factory.open(DB_NAME, 1);
  open.onupgradeneeded = () => open.result.createObjectStore(STORE);
  const db = await settle(open);
  const tx = (mode: IDBTransactionMode) => db.transaction(STORE, mode).objectStore(STORE);
  return {
    read: () => settle(tx('readonly').get(KEY)),
    async write(record) {
      await settle(tx('readwrite').put(record, KEY));
    },
    async keepBackup(record) {
      await settle(tx('readwrite').put(record, BACKUP_KEY));
    },
  };
}
