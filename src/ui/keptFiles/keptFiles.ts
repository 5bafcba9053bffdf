import type { SimClient } from '../../../workers/client.ts';
import { rememberDropped } from '../droppedFiles.ts';
import type { useStore } from '../store/index.ts';
import type { KeptFile, KeptFileDb } from './keptFileDb.ts';
import { sizeText, planKeep } from './keepPolicy.ts';

/** What the page shows of a kept file (the bytes stay in IndexedDB). */
export interface KeptEntry {
  readonly name: string;
  readonly size: number;
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

function entries(files: readonly KeptFile[]): KeptEntry[] {
  return files.map((f) => ({ name: f.name, size: f.size }));
}

/**
 * Keeps the files of a drop that loaded, for the next visit, within the caps of keepPolicy.ts.
 * Returns a sentence for the status line when something was not kept (and why), else ''.
 */
export async function keepDropped(store: typeof useStore, db: KeptFileDb | Promise<KeptFileDb>, files: readonly File[], csvSamplingHz: number, now = Date.now()): Promise<string> {
  try {
    const opened = await db;
    const plan = planKeep(await opened.list(), files);
    const keep = new Set(plan.keep);
    await opened.put(files.filter((f) => keep.has(f.name)).map((f) => ({ name: f.name, blob: f, size: f.size, keptAt: now, csvSamplingHz })));
    store.getState().setKept(entries(await opened.list()));
    // One reason per record is enough: its files share it.
    const reasons = [...new Set(plan.refused.map((r) => r.reason))];
    return reasons.length > 0 ? `not kept for the next visit: ${reasons.join('; ')}` : '';
  } catch (e) {
    return `not kept for the next visit (${errorText(e)}): drop the files again after a reload`;
  }
}

/**
 * Loads the kept files into the simulation worker at boot, as if dropped again (files kept
 * together, at the same CSV rate, go in one call so WFDB parts find each other). A workspace
 * waiting for one of them then runs (runController). A file that no longer parses is reported and
 * left kept, so the user can decide to remove it.
 */
export async function restoreKept(store: typeof useStore, client: Pick<SimClient, 'addFiles'>, db: KeptFileDb | Promise<KeptFileDb>): Promise<void> {
  // Set before the first await: the boot's first run, which comes later, sees it.
  store.getState().setRestoringKept(true);
  try {
    await loadKept(store, client, db);
  } finally {
    store.getState().setRestoringKept(false);
  }
}

async function loadKept(store: typeof useStore, client: Pick<SimClient, 'addFiles'>, db: KeptFileDb | Promise<KeptFileDb>): Promise<void> {
  let files: KeptFile[];
  try {
    files = await (await db).list();
  } catch (e) {
    store.getState().setKept(null, `kept files are unavailable (${errorText(e)})`);
    return;
  }
  store.getState().setKept(entries(files));
  if (files.length === 0) return;
  const groups = new Map<string, KeptFile[]>();
  for (const f of files) groups.set(`${f.keptAt}:${f.csvSamplingHz}`, [...(groups.get(`${f.keptAt}:${f.csvSamplingHz}`) ?? []), f]);
  const loaded: string[] = [];
  const failed: string[] = [];
  for (const group of groups.values()) {
    try {
      const named = await Promise.all(group.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.blob.arrayBuffer()) })));
      const records = await client.addFiles(named, undefined, { csvSamplingHz: group[0]?.csvSamplingHz ?? 1 });
      store.getState().addLoaded(records);
      rememberDropped(group.map((f) => new File([f.blob], f.name)));
      loaded.push(...records.map((r) => r.name));
    } catch (e) {
      failed.push(`${group.map((f) => f.name).join(', ')}: ${errorText(e)}`);
    }
  }
  const total = files.reduce((a, f) => a + f.size, 0);
  const ok = failed.length === 0;
  const parts = [loaded.length > 0 ? `loaded ${loaded.join(', ')} kept in this browser (${sizeText(total)})` : '', ok ? '' : `could not load kept ${failed.join('; ')}`];
  store.getState().setFileStatus({ ok, message: parts.filter((p) => p !== '').join('; ') });
}

/** Removes a kept file from the browser; it stays loaded in this page until it closes. */
export async function forgetKept(store: typeof useStore, db: KeptFileDb | Promise<KeptFileDb>, name: string): Promise<void> {
  try {
    const opened = await db;
    await opened.remove(name);
    store.getState().setKept(entries(await opened.list()));
    store.getState().setFileStatus({ ok: true, message: `${name} removed from this browser (still loaded until the page closes)` });
  } catch (e) {
    store.getState().setFileStatus({ ok: false, message: `${name} could not be removed (${errorText(e)})` });
  }
}
