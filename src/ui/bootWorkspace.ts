import { openAutosaveDb } from './autosave/autosaveDb.ts';
import { restoreAutosave, startAutosave } from './autosave/autosave.ts';
import { loadDefaultWorkspace } from './boot.ts';
import { openLinkInUrl, startUrlSync } from './share/urlSync.ts';
import type { useStore } from './store/index.ts';

/**
 * Boots the workspace: a share link in the URL fragment, else the autosaved workspace, else the
 * embedded default (STYLE.md layout, main.tsx). Then autosaves every change. Without IndexedDB the
 * page still works; the header says autosave is off and why.
 */
export async function bootWorkspace(store: typeof useStore): Promise<void> {
  startUrlSync(store);
  const opened = openLinkInUrl(store);
  const db = await openAutosaveDb().catch((e: unknown) => {
    store.getState().setAutosave({ kind: 'error', message: `autosave is off (${e instanceof Error ? e.message : String(e)}): edits last until the page closes; share a link or save a model file to keep them` });
    return null;
  });
  // With a link open, restoreAutosave only keeps the earlier work aside (autosave will overwrite it).
  const restored = db !== null && (await restoreAutosave(store, db));
  if (db) startAutosave(store, db);
  // A link pasted while the default was loading wins over it.
  if (!opened && !restored && store.getState().workspace === null) {
    try {
      const ws = await loadDefaultWorkspace();
      if (store.getState().workspace === null) store.getState().loadWorkspace(ws);
    } catch (e) {
      store.getState().setRun({ status: 'error', error: e instanceof Error ? e.message : String(e) });
    }
  }
}
