import type { NetworkWeights } from '../../core/network/weights.ts';
import type { Workspace } from '../../core/spec/workspace.ts';
import type { Autosave } from '../autosave/autosave.ts';
import { readAutosaveRecord } from '../autosave/autosaveRecord.ts';
import { recoverUnsaved } from '../autosave/recoverUnsaved.ts';
import type { StashStorage } from '../autosave/unsavedEditStash.ts';
import type { WorkspaceDb } from '../autosave/workspaceDb.ts';
import type { WorkspaceEntry } from '../autosave/workspaceEntry.ts';
import { damagedValueJson, type DamagedPlace } from '../autosave/damagedCopies.ts';
import { download, fileBase } from '../modelDownload.ts';
import { currentWeights } from '../runController.ts';
import { replaceWorkspace, shownForReuse } from '../share/replaceWorkspace.ts';
import { snapshotDoc } from '../store/historySlice.ts';
import { chooseEntry, contentFingerprint } from './entryReuse.ts';
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
  /** Deletes several saved workspaces (never the one shown here); one `undoRemove` brings all back. */
  removeMany(ids: readonly string[]): Promise<string>;
  /** What `undoRemove` would bring back, to show: ‘name’, or "N workspaces". */
  removed(): string | null;
  undoRemove(): Promise<string>;
  /** The workspace shown here, as a new saved workspace (its weights too), named "X (2)". */
  duplicate(): string;
  /**
   * Opens a preset (or the default, for New) by the entry-reuse rule: an unedited saved entry with
   * the same content is opened rather than copied; else replaceWorkspace. Undo returns either way.
   */
  openPreset(workspace: Workspace, label: string): Promise<string>;
  /** Settles a conflict with another tab. */
  resolve(choice: ConflictChoice): Promise<string>;
  /** Offers a damaged item as a JSON download, exactly as stored (typed arrays as plain arrays). */
  downloadDamaged(place: DamagedPlace, key: string, name: string): Promise<string>;
  /** Deletes a damaged item for good (after the user had the download offered). */
  removeDamaged(place: DamagedPlace, key: string, name: string): Promise<string>;
}

/** The library over a database and the tab's autosave. */
export function createWorkspaceLibrary(store: typeof useStore, db: WorkspaceDb, autosave: Autosave, local?: StashStorage): WorkspaceLibrary {
  // The last delete, one or several: one undo brings every one of them back.
  let lastRemoved: { entry: WorkspaceEntry; record: unknown }[] = [];
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
        autosave.show(id, entry.revision, workspace, weights, entry.pristine);
        if (local) await recoverUnsaved(store, db, autosave, local, { id, revision: entry.revision, workspace, weights, pristine: entry.pristine });
        return `opened '${entry.name}'`;
      } catch (e) {
        await autosave.refreshList();
        return `not opened: ${describe(e)}; the workspace shown is unchanged`;
      }
    },
    remove: (id) => lib.removeMany([id]),
    async removeMany(ids) {
      if (ids.length === 0) return 'nothing selected to delete';
      if (ids.includes(store.getState().docId ?? '')) return 'the workspace shown here cannot be deleted; open another one first';
      const taken: { entry: WorkspaceEntry; record: unknown }[] = [];
      let failure = '';
      try {
        const entries = await db.list();
        for (const id of ids) {
          const entry = entries.find((e) => e.id === id);
          const record: unknown = await db.read(id);
          await db.remove(id);
          if (entry) taken.push({ entry, record });
          autosave.announceDeleted(id);
        }
      } catch (e) {
        failure = describe(e);
      }
      // Even a delete that failed halfway can be undone for the ones it took.
      if (taken.length > 0) lastRemoved = taken;
      await autosave.refreshList();
      const what = taken.length === 1 && ids.length === 1 ? `'${taken[0]?.entry.name ?? ''}'` : `${taken.length} workspaces`;
      if (failure) return taken.length > 0 ? `deleted ${what}; not deleted: the other ${ids.length - taken.length} (${failure})` : `not deleted: ${failure}`;
      return `deleted ${what}`;
    },
    removed: () => (lastRemoved.length === 0 ? null : lastRemoved.length === 1 ? `‘${lastRemoved[0]?.entry.name ?? ''}’` : `${lastRemoved.length} workspaces`),
    async undoRemove() {
      const all = lastRemoved;
      if (all.length === 0) return 'nothing to bring back';
      const back: string[] = [];
      const already: string[] = [];
      try {
        for (const r of all) {
          // Written back as it was; `expected: null` refuses to overwrite an id that came back meanwhile.
          const outcome = await db.write(r.record as Parameters<WorkspaceDb['write']>[0], r.entry, null);
          (outcome.ok ? back : already).push(`'${r.entry.name}'`);
        }
        lastRemoved = [];
      } catch (e) {
        lastRemoved = all.filter((r) => !back.includes(`'${r.entry.name}'`));
        await autosave.refreshList();
        return `not brought back: ${describe(e)}${back.length > 0 ? ` (brought back ${back.join(', ')})` : ''}`;
      }
      await autosave.refreshList();
      const main = back.length === 0 ? '' : back.length === 1 ? `brought back ${back[0] ?? ''}` : `brought back ${back.length} workspaces`;
      const rest = already.length === 0 ? '' : `${already.join(', ')} ${already.length === 1 ? 'exists' : 'exist'} again already`;
      return [main, rest].filter((m) => m !== '').join('; ');
    },
    duplicate() {
      const ws = store.getState().workspace;
      if (!ws) return 'no workspace to duplicate';
      const name = replaceWorkspace(store, ws, currentWeights(store, ws), 'duplicate workspace', {}, 'duplicate');
      return `duplicated as '${name}'`;
    },
    async openPreset(workspace, label) {
      const st = store.getState();
      const previous = st.workspace;
      const choice = chooseEntry({ current: shownForReuse(store), docs: st.docs, incoming: { content: contentFingerprint(workspace), hasWeights: false }, reopen: true });
      if (choice.kind !== 'open' || !previous) return `opened '${replaceWorkspace(store, workspace, undefined, label, {}, 'preset')}'`;
      const before = { label, workspace: previous, doc: snapshotDoc(st) };
      const past = st.past;
      const message = await lib.open(choice.id);
      // Opening clears the history; this step keeps it, so undo returns to what was shown.
      if (store.getState().docId === choice.id) store.setState({ past: [...past.slice(-99), before], future: [] });
      return message;
    },
    async resolve(choice) {
      const st = store.getState();
      const conflict = st.docConflict;
      if (!conflict) return 'no conflict';
      if (choice === 'theirs') {
        if (!conflict.theirs) return 'it was deleted in the other tab; keep yours or a copy';
        // The user chose theirs: this tab's held edit stays only in undo, not as a stash to recover.
        autosave.dropStash(conflict.id);
        const previous = st.workspace;
        const message = await lib.open(conflict.id);
        // Undo brings this tab's version back (and saving it then is the user's choice).
        if (previous && store.getState().docConflict === null) store.setState({ past: [{ label: 'load the other tab’s version', workspace: previous }] });
        return message;
      }
      if (choice === 'copy') {
        const ws = st.workspace;
        if (!ws) return 'no workspace';
        const name = replaceWorkspace(store, { ...ws, name: `${ws.name.slice(0, 188)} (this tab)` }, currentWeights(store, ws), 'keep this tab’s version as a copy', {}, 'keptCopy');
        // The copy is saved under its own id from here on; the held edit is in it.
        if (name !== null) autosave.dropStash(conflict.id);
        return `kept this tab's version as '${name}'; the other tab's stays under '${conflict.theirs?.name ?? ws.name}'`;
      }
      // Mine: write over the revision the other tab saved (or re-create a deleted one).
      st.setKnownRevision(conflict.id, conflict.theirs?.revision ?? null);
      st.setDoc({ docConflict: null });
      await autosave.saveNow();
      return store.getState().docConflict ? 'the other tab saved again meanwhile; choose again' : 'saved this tab’s version over the other';
    },
    async downloadDamaged(place, key, name) {
      try {
        const value = await db.readDamaged(place, key);
        if (value === undefined) return `‘${name}’ is no longer stored`;
        download(`${fileBase(name, 'workspace')}.damaged.json`, damagedValueJson(value));
        return `downloaded the damaged ‘${name}’`;
      } catch (e) {
        return `not downloaded: ${describe(e)}`;
      }
    },
    async removeDamaged(place, key, name) {
      try {
        await db.removeDamaged(place, key);
      } catch (e) {
        return `not deleted: ${describe(e)}`;
      }
      store.getState().dismissRecovery(`damaged:${key}`);
      await autosave.refreshList();
      return `deleted the damaged ‘${name}’`;
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

/** A preset (or the default, for New) opened by the entry-reuse rule; without autosave, as a plain replace. */
export function openPreset(store: typeof useStore, workspace: Workspace, label: string): Promise<string> {
  return active ? active.openPreset(workspace, label) : Promise.resolve(`opened '${replaceWorkspace(store, workspace, undefined, label, {}, 'preset')}'`);
}
