import type { KeptFile, KeptFileDb } from '../../src/ui/keptFiles/keptFileDb.ts';

/**
 * The kept-files database in memory, for unit tests: put replaces by name in one step, list is
 * oldest first, and `fail` makes every call reject as a full or blocked IndexedDB would.
 */
export interface MemoryKeptFileDb extends KeptFileDb {
  readonly files: Map<string, KeptFile>;
  fail: boolean;
}

export function memoryKeptFileDb(): MemoryKeptFileDb {
  const gate = <T>(f: () => T): Promise<T> => (db.fail ? Promise.reject(new DOMException('the quota has been exceeded', 'QuotaExceededError')) : Promise.resolve().then(f));
  const db: MemoryKeptFileDb = {
    files: new Map(),
    fail: false,
    list: () => gate(() => [...db.files.values()].sort((a, b) => a.keptAt - b.keptAt)),
    put: (files) =>
      gate(() => {
        for (const f of files) db.files.set(f.name, f);
      }),
    remove: (name) =>
      gate(() => {
        db.files.delete(name);
      }),
  };
  return db;
}
