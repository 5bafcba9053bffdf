import type { NetworkWeights } from '../../core/network/weights.ts';
import type { Workspace } from '../../core/spec/workspace.ts';
import type { Autosave } from '../autosave/autosave.ts';
import { readAutosaveRecord } from '../autosave/autosaveRecord.ts';
import type { WorkspaceDb } from '../autosave/workspaceDb.ts';
import type { WorkspaceEntry } from '../autosave/workspaceEntry.ts';
import { currentWeights } from '../runController.ts';
import { replaceWorkspace } from '../share/replaceWorkspace.ts';
import type { useStore } from '../store/index.ts';

const describe = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** How a conflict with another tab is settled (ConflictBanner). */
export type ConflictChoice = 'theirs' | 'copy' | 'mine';

/** The workspace list's actions; each resolves to a sentence for the user. */
export interface WorkspaceLibrary {
  /** Shows a saved workspace here, after saving what is pending. */
  open(id: string): Promise<string>;
  /** Deletes a saved workspace (not the one shown here); `undoRemove` brings it back. */
  remove(id: string): Promise<string>;
  /** Name of the workspace `undoRemove` would bring back. */
  removed(): string | null;
  undoRemove(): Promise<string>;
  /** The workspace shown here, as a new saved workspace (its weights too). */
  duplicate(): string;
  /** Settles a conflict with another tab. */
  resolve(choice: ConflictChoice): Promise<string>;
}

/** The library over a database and the tab's autosave. */
export function createWorkspaceLibrary(store: typeof useStore, db: WorkspaceDb, autosave: Autosave): WorkspaceLibrary {
  let lastRemoved: { entry: WorkspaceEntry; record: unknown } | null = null;
  const load = async (id: string): Promise<{ entry: WorkspaceEntry; workspace: Workspace; weights: NetworkWeights | undefined }> => {
    const entry = (await db.list()).find((e) => e.id === id);
    if (!entry) throw new Error('it is no longer saved (deleted in another tab?)');
    const { workspace, weights } = readAutosaveRecord(await db.read(id));
    return { entry, workspace, weights };
  };
  const lib: WorkspaceLibrary = {
    async open(id) {
      await autosave.flush();
      try {
        const { entry, workspace, weights } = await load(id);
        autosave.show(id, entry.revision, workspace, weights);
        return `opened '${entry.name}'`;
      } catch (e) {
        await autosave.refreshList();
        return `not opened: ${describe(e)}; the workspace shown is unchanged`;
      }
    },
    async remove(id) {
      if (id === store.getState().docId) return 'the workspace shown here cannot be deleted; open another one first';
      try {
        const entry = (await db.list()).find((e) => e.id === id);
        const record: unknown = await db.read(id);
        await db.remove(id);
        if (entry) lastRemoved = { entry, record };
        autosave.announceDeleted(id);
        await autosave.refreshList();
        return `deleted '${entry?.name ?? id}'`;
      } catch (e) {
        return `not deleted: ${describe(e)}`;
      }
    },
    removed: () => lastRemoved?.entry.name ?? null,
    async undoRemove() {
      const r = lastRemoved;
      if (!r) return 'nothing to bring back';
      try {
        // Written back as it was; `expected: null` refuses to overwrite an id that came back meanwhile.
        const outcome = await db.write(r.record as Parameters<WorkspaceDb['write']>[0], r.entry, null);
        lastRemoved = null;
        await autosave.refreshList();
        return outcome.ok ? `brought back '${r.entry.name}'` : `'${r.entry.name}' exists again already`;
      } catch (e) {
        return `not brought back: ${describe(e)}`;
      }
    },
    duplicate() {
      const ws = store.getState().workspace;
      if (!ws) return 'no workspace to duplicate';
      replaceWorkspace(store, { ...ws, name: `${ws.name} (copy)`.slice(0, 200) }, currentWeights(store, ws), 'duplicate workspace');
      return `duplicated as '${ws.name} (copy)'`;
    },
    async resolve(choice) {
      const st = store.getState();
      const conflict = st.docConflict;
      if (!conflict) return 'no conflict';
      if (choice === 'theirs') {
        if (!conflict.theirs) return 'it was deleted in the other tab; keep yours or a copy';
        const previous = st.workspace;
        const message = await lib.open(conflict.id);
        // Undo brings this tab's version back (and saving it then is the user's choice).
        if (previous && store.getState().docConflict === null) store.setState({ past: [{ label: 'load the other tab’s version', workspace: previous }] });
        return message;
      }
      if (choice === 'copy') {
        const ws = st.workspace;
        if (!ws) return 'no workspace';
        replaceWorkspace(store, { ...ws, name: `${ws.name} (this tab)`.slice(0, 200) }, currentWeights(store, ws), 'keep this tab’s version as a copy');
        return `kept this tab's version as '${ws.name} (this tab)'; the other tab's stays under '${conflict.theirs?.name ?? ws.name}'`;
      }
      // Mine: write over the revision the other tab saved (or re-create a deleted one).
      st.setKnownRevision(conflict.id, conflict.theirs?.revision ?? null);
      st.setDoc({ docConflict: null });
      await autosave.saveNow();
      return store.getState().docConflict ? 'the other tab saved again meanwhile; choose again' : 'saved this tab’s version over the other';
    },
  };
  return lib;
}

let active: WorkspaceLibrary | null = null;

/** The page's library, once the database opened (null when autosave is off). */
export function workspaceLibrary(): WorkspaceLibrary | null {
  return active;
}

/** Called once by bootWorkspace. */
export function setWorkspaceLibrary(lib: WorkspaceLibrary | null): void {
  active = lib;
}
