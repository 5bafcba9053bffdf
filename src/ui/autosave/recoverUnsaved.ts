import type { NetworkWeights } from '../../core/network/weights.ts';
import type { Workspace } from '../../core/spec/workspace.ts';
import type { useStore } from '../store/index.ts';
import type { Autosave } from './autosave.ts';
import { toAutosaveRecord } from './autosaveRecord.ts';
import { savedEntry } from './savedEntry.ts';
import { clearStash, readStash, reconcileStash, type StashStorage } from './unsavedEditStash.ts';
import type { WorkspaceDb } from './workspaceDb.ts';
import { newWorkspaceId } from './workspaceEntry.ts';

/** The saved workspace just shown, as IndexedDB holds it. */
export interface ShownSave {
  readonly id: string;
  readonly revision: number;
  readonly workspace: Workspace;
  readonly weights: NetworkWeights | undefined;
  readonly pristine: string | undefined;
}

const clock = (at: number) => new Date(at).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' });

/**
 * Called each time a saved workspace is shown (boot, Open): an edit this browser stashed for it
 * (unsavedEditStash.ts) that IndexedDB does not hold is brought back. When nothing was saved over
 * it, it is shown and saved (the page went away before its save committed); when another tab saved
 * the workspace since, or a conflict held it, it becomes a saved workspace of its own, named
 * "… (edit not saved HH:MM)", and a notice says so until dismissed. Nothing is dropped: a stash
 * that cannot be read is kept as a damaged copy. Returns whether the edit was shown here.
 */
export async function recoverUnsaved(
  store: typeof useStore,
  db: WorkspaceDb,
  autosave: Pick<Autosave, 'show' | 'saveNow' | 'refreshList' | 'dropStash'>,
  local: StashStorage,
  shown: ShownSave,
  now: () => number = Date.now,
): Promise<boolean> {
  const read = readStash(local, shown.id);
  if (read.kind === 'none') return false;
  const st = store.getState();
  if (read.kind === 'damaged') {
    const at = now();
    const key = `unsaved:${shown.id}@${at}`;
    await db.keepDamaged({ key, id: shown.id, name: shown.workspace.name, at, reason: `an unsaved edit kept in this browser: ${read.reason}`, value: read.text });
    autosave.dropStash(shown.id);
    st.addRecovery({ id: `damaged:${key}`, text: `An unsaved edit of ‘${shown.workspace.name}’ kept in this browser could not be read (${read.reason}); it is kept as a damaged copy.`, damaged: { place: 'copy', key, name: shown.workspace.name } });
    await autosave.refreshList();
    return false;
  }
  const edit = read.edit;
  const decision = reconcileStash(edit, shown);
  if (decision === 'landed') {
    clearStash(local, shown.id);
    return false;
  }
  // Weights too large for localStorage: the saved ones are the best there is.
  const weights = edit.weightsLeftOut ? shown.weights : edit.weights;
  if (decision === 'restore') {
    autosave.show(shown.id, shown.revision, edit.workspace, weights, shown.pristine);
    await autosave.saveNow();
    return true;
  }
  const id = newWorkspaceId();
  const name = `${edit.workspace.name.slice(0, 170)} (edit not saved ${clock(edit.editedAt)})`;
  const workspace = { ...edit.workspace, name };
  const savedAt = now();
  const outcome = await db.write(toAutosaveRecord(id, 1, workspace, weights, savedAt), savedEntry(id, 1, workspace, weights, null, savedAt), null);
  if (!outcome.ok) return false;
  clearStash(local, shown.id, edit.editedAt);
  const why = edit.held ? 'another tab saved it while this browser held an edit to it' : 'it was changed elsewhere before this browser’s last edit was saved';
  st.addRecovery({ id: `copy:${id}`, text: `‘${edit.workspace.name}’: ${why} (made ${clock(edit.editedAt)}); the edit is kept as ‘${name}’ in Workspaces.` });
  await autosave.refreshList();
  return false;
}
