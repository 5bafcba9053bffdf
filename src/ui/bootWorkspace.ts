import { broadcastSaveChannel, startAutosave, TAB_DOC_KEY } from './autosave/autosave.ts';
import { restoreSaved } from './autosave/restoreSaved.ts';
import { openWorkspaceDb } from './autosave/workspaceDb.ts';
import { newWorkspaceId } from './autosave/workspaceEntry.ts';
import { loadDefaultWorkspace } from './boot.ts';
import { openLinkInUrl, startUrlSync } from './share/urlSync.ts';
import type { useStore } from './store/index.ts';
import { workspaceFingerprint } from './workspaces/entryReuse.ts';
import { createWorkspaceLibrary, setWorkspaceLibrary } from './workspaces/workspaceLibrary.ts';
import { explainError } from '../../workers/explainError.ts';

/** sessionStorage or localStorage, when the page may use it (reading either throws in some sandboxed frames). */
function webStorage(kind: 'sessionStorage' | 'localStorage'): Storage | undefined {
  try {
    return globalThis[kind];
  } catch {
    return undefined;
  }
}

/**
 * Boots the workspace: a share link in the URL fragment (opened as a new saved workspace), else
 * the saved workspace this tab showed before a reload, else the one saved last, else the embedded
 * default (STYLE.md layout, main.tsx). Then autosaves every change. Without IndexedDB the page
 * still works; the header says autosave is off and why.
 */
export async function bootWorkspace(store: typeof useStore): Promise<void> {
  startUrlSync(store);
  const opened = openLinkInUrl(store);
  const db = await openWorkspaceDb().catch((e: unknown) => {
    store.getState().setAutosave({ kind: 'error', message: `autosave is off (${e instanceof Error ? e.message : String(e)}): edits last until the page closes; save a workspace file or share a link to keep them` });
    return null;
  });
  let restored = false;
  if (db) {
    const session = webStorage('sessionStorage');
    const local = webStorage('localStorage');
    let tabDocId: string | null = null;
    try {
      tabDocId = session?.getItem(TAB_DOC_KEY) ?? null;
    } catch {
      tabDocId = null;
    }
    const autosave = startAutosave(store, db, { channel: broadcastSaveChannel(), session, local });
    setWorkspaceLibrary(createWorkspaceLibrary(store, db, autosave, local));
    restored = await restoreSaved(store, db, autosave, tabDocId, Date.now, local);
  }
  // A link pasted while the default was loading wins over it.
  if (!opened && !restored && store.getState().workspace === null) {
    try {
      const ws = await loadDefaultWorkspace();
      if (store.getState().workspace === null) {
        // The default as shipped: a preset picked next replaces it rather than adding a copy.
        store.getState().setDoc({ docId: newWorkspaceId(), docPristine: workspaceFingerprint(ws) });
        store.getState().loadWorkspace(ws);
      }
    } catch (e) {
      const shown = explainError(e, 'loading the default workspace');
      store.getState().setRun({ status: 'error', error: shown.message, errorDetail: shown.detail ?? null });
    }
  }
}
