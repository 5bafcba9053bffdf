import { weightArtifacts, currentWeights } from '../runController.ts';
import type { useStore } from '../store/index.ts';
import type { AutosaveDb } from './autosaveDb.ts';
import { readAutosaveRecord, toAutosaveRecord } from './autosaveRecord.ts';

/** Debounce of autosave: a burst of edits (typing, dragging a slider) is one write. */
export const AUTOSAVE_DEBOUNCE_MS = 500;

const describe = (e: unknown) => (e instanceof Error ? e.message : String(e));

/**
 * Puts the autosaved workspace (and weights) back, unless something else was loaded meanwhile (a
 * link pasted during boot wins). An unreadable record is reported and left for the next save to
 * replace. Returns whether a workspace was restored.
 */
export async function restoreAutosave(store: typeof useStore, db: AutosaveDb): Promise<boolean> {
  let stored: unknown;
  try {
    stored = await db.read();
  } catch (e) {
    store.getState().setAutosave({ kind: 'error', message: `the autosaved workspace could not be read: ${describe(e)}` });
    return false;
  }
  if (stored === undefined) return false;
  if (store.getState().workspace !== null) {
    // A link opened instead: the next autosave would overwrite this work, so keep it aside first.
    await keepAside(db, stored, store, 'opening the shared link');
    return false;
  }
  try {
    const { workspace, weights } = readAutosaveRecord(stored);
    if (weights) store.getState().setTrain({ weightsId: weightArtifacts.put(weights), weightsNetwork: JSON.stringify(workspace.network) });
    store.getState().loadWorkspace(workspace);
    return true;
  } catch (e) {
    // Unreadable here (corrupt, or saved by a newer Spikelab): keep it before the default is saved over it.
    const kept = await keepAside(db, stored, store, 'restoring');
    store.getState().setAutosave({ kind: 'error', message: `the autosaved workspace was not restored: ${describe(e)}${kept ? '; it is kept as a backup in IndexedDB (spikelab / autosave / before-replaced)' : ''}` });
    return false;
  }
}

/** Copies a stored record to the backup key; says so (or why not) in the autosave status. */
async function keepAside(db: AutosaveDb, stored: unknown, store: typeof useStore, why: string): Promise<boolean> {
  try {
    await db.keepBackup(stored);
    if (why !== 'restoring') store.getState().setAutosave({ kind: 'error', message: `your earlier autosaved workspace was replaced by ${why.replace('opening ', '')}; it is kept as a backup in IndexedDB (spikelab / autosave / before-replaced)` });
    return true;
  } catch (e) {
    store.getState().setAutosave({ kind: 'error', message: `the earlier autosaved workspace could not be kept aside before ${why}: ${describe(e)}` });
    return false;
  }
}

/**
 * Saves the workspace and the weights that fit it whenever either changes, debounced; a page
 * being hidden (tab closed, reload) flushes the pending save at once. Returns the stop function.
 */
export function startAutosave(store: typeof useStore, db: AutosaveDb, debounceMs = AUTOSAVE_DEBOUNCE_MS, now: () => number = Date.now): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const save = async () => {
    timer = undefined;
    const ws = store.getState().workspace;
    if (!ws) return;
    try {
      await db.write(toAutosaveRecord(ws, currentWeights(store, ws), now()));
      store.getState().setAutosave({ kind: 'saved', at: now() });
    } catch (e) {
      store.getState().setAutosave({ kind: 'error', message: `autosave failed: ${describe(e)}; share a link or save a model file to keep this work` });
    }
  };
  const unsubscribe = store.subscribe((s, prev) => {
    if (s.workspace === prev.workspace && s.weightsId === prev.weightsId) return;
    clearTimeout(timer);
    timer = setTimeout(() => void save(), debounceMs);
  });
  const flush = () => {
    if (timer !== undefined && document.visibilityState === 'hidden') {
      clearTimeout(timer);
      void save();
    }
  };
  const hasDocument = typeof document !== 'undefined';
  if (hasDocument) document.addEventListener('visibilitychange', flush);
  return () => {
    unsubscribe();
    clearTimeout(timer);
    if (hasDocument) document.removeEventListener('visibilitychange', flush);
  };
}
