import { committed, settle } from '../indexedDbPromises.ts';

/** A dropped file kept in this browser, to be loaded again on the next visit. */
export interface KeptFile {
  readonly name: string;
  /** The file's bytes; IndexedDB stores a Blob on disk, not in the page's heap. */
  readonly blob: Blob;
  /** Bytes. */
  readonly size: number;
  /** When it was dropped (ms since 1970). */
  readonly keptAt: number;
  /** The CSV/TSV sampling rate the file was read at (Hz), so it reads the same next time. */
  readonly csvSamplingHz: number;
}

/** The kept files of this browser (IndexedDB in the page, a fake in unit tests). */
export interface KeptFileDb {
  /** Every kept file, oldest first (so files dropped together come back together, in order). */
  list(): Promise<KeptFile[]>;
  /** Stores the files in one transaction, each replacing a kept file of its name. */
  put(files: readonly KeptFile[]): Promise<void>;
  remove(name: string): Promise<void>;
}

/**
 * Its own database beside the workspaces' ('spikelab'): files have their own lifetime and quota,
 * and upgrading one never blocks on a tab that holds the other open.
 */
const DB_NAME = 'spikelab-files';
const DB_VERSION = 1;
const FILES = 'files';

/** Whether a stored value is a kept file (anything else, e.g. from a future page, is skipped). */
export function isKeptFile(v: unknown): v is KeptFile {
  if (typeof v !== 'object' || v === null) return false;
  const r = v as Record<string, unknown>;
  return typeof r['name'] === 'string' && r['blob'] instanceof Blob && typeof r['size'] === 'number' && typeof r['keptAt'] === 'number' && typeof r['csvSamplingHz'] === 'number';
}

/** Opens the kept-files database; rejects saying why when IndexedDB is missing or blocked. */
export async function openKeptFileDb(factory: IDBFactory | undefined = globalThis.indexedDB): Promise<KeptFileDb> {
  if (!factory) throw new Error('this browser offers no IndexedDB');
  const open = factory.open(DB_NAME, DB_VERSION);
  open.onupgradeneeded = () => {
    if (!open.result.objectStoreNames.contains(FILES)) open.result.createObjectStore(FILES);
  };
  const db = await settle(open);
  db.onversionchange = () => db.close();
  return {
    async list() {
      const all: unknown[] = await settle(db.transaction(FILES, 'readonly').objectStore(FILES).getAll());
      return all.filter(isKeptFile).sort((a, b) => a.keptAt - b.keptAt);
    },
    async put(files) {
      const tx = db.transaction(FILES, 'readwrite');
      for (const f of files) tx.objectStore(FILES).put(f, f.name);
      await committed(tx);
    },
    async remove(name) {
      const tx = db.transaction(FILES, 'readwrite');
      tx.objectStore(FILES).delete(name);
      await committed(tx);
    },
  };
}

let shared: Promise<KeptFileDb> | undefined;

/** The page's kept-files database, opened once (a rejected open is retried on the next call). */
export function keptFileDb(): Promise<KeptFileDb> {
  shared ??= openKeptFileDb().catch((e: unknown) => {
    shared = undefined;
    throw e;
  });
  return shared;
}
