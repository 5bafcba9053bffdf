import type { useStore } from '../store/index.ts';
import type { Autosave } from './autosave.ts';
import { readAutosaveRecord } from './autosaveRecord.ts';
import { damagedCopyKey } from './damagedCopies.ts';
import { recoverUnsaved } from './recoverUnsaved.ts';
import type { StashStorage } from './unsavedEditStash.ts';
import { BACKUP_KEY, type WorkspaceDb } from './workspaceDb.ts';
import { newWorkspaceId, summariseWorkspace, type WorkspaceEntry } from './workspaceEntry.ts';

const describe = (e: unknown) => (e instanceof Error ? e.message : String(e));

/**
 * The single autosave record of the page before named workspaces (record version 1), moved into
 * the list as a saved workspace of its own. An unreadable one stays as the backup and is reported.
 */
async function migrateLegacy(store: typeof useStore, db: WorkspaceDb, now: number): Promise<WorkspaceEntry | undefined> {
  const legacy = await db.takeLegacy();
  if (legacy === undefined) return undefined;
  try {
    const { workspace, weights } = readAutosaveRecord(legacy);
    const entry: WorkspaceEntry = { id: newWorkspaceId(), name: workspace.name, savedAt: now, revision: 1, summary: summariseWorkspace(workspace), hasWeights: weights !== undefined };
    const record = { recordVersion: 2, id: entry.id, revision: 1, savedAt: now, workspace, weights: weights ?? null };
    const outcome = await db.write(record, entry, null);
    return outcome.ok ? entry : undefined;
  } catch (e) {
    store.getState().setAutosave({ kind: 'error', message: `the autosaved workspace was not restored: ${describe(e)}; it is kept as a backup in IndexedDB (spikelab / autosave / ${BACKUP_KEY})` });
    return undefined;
  }
}

/**
 * Keeps a copy of a record that could not be read beside the workspace shown instead (the
 * original stays where it is too: it may be a newer Spikelab's, still readable in another tab),
 * and puts up a notice that stays until dismissed and offers the copy for download.
 */
async function keepUnreadable(store: typeof useStore, db: WorkspaceDb, entry: WorkspaceEntry, value: unknown, reason: string, now: number): Promise<void> {
  const key = damagedCopyKey(entry.id, entry.revision);
  try {
    await db.keepDamaged({ key, id: entry.id, name: entry.name, at: now, reason, value });
  } catch (e) {
    // The original is untouched either way; say that the copy could not be made.
    reason = `${reason}; no copy could be kept (${describe(e)}), the original stays in the list`;
  }
  store.getState().addRecovery({
    id: `damaged:${key}`,
    text: `The saved workspace ‘${entry.name}’ could not be read (${reason}). It is kept as a damaged copy beside the workspace shown; download it to repair it or to report the problem.`,
    damaged: { place: 'copy', key, name: entry.name },
  });
}

/**
 * Boot: shows the saved workspace this tab had open (a reload), else the one saved last, unless a
 * link opened meanwhile (it wins, as a new saved workspace). Records that cannot be read (corrupt,
 * or saved by a newer Spikelab) are skipped with a message, stay in the list untouched and are
 * copied aside (keepUnreadable). An edit this browser stashed for the workspace shown and
 * IndexedDB does not hold comes back (recoverUnsaved). Returns whether a saved workspace is shown.
 */
export async function restoreSaved(
  store: typeof useStore,
  db: WorkspaceDb,
  autosave: Pick<Autosave, 'show' | 'saveNow' | 'refreshList' | 'dropStash'>,
  tabDocId: string | null,
  now: () => number = Date.now,
  local?: StashStorage,
): Promise<boolean> {
  let entries: readonly WorkspaceEntry[];
  try {
    entries = await db.list();
    if (entries.length === 0) {
      const migrated = await migrateLegacy(store, db, now());
      if (migrated) entries = [migrated];
    }
  } catch (e) {
    store.getState().setAutosave({ kind: 'error', message: `the saved workspaces could not be read: ${describe(e)}` });
    return false;
  }
  if (store.getState().workspace !== null) return false;
  const ordered = [...entries.filter((e) => e.id === tabDocId), ...entries.filter((e) => e.id !== tabDocId)];
  const unreadable: string[] = [];
  for (const entry of ordered) {
    let restored: ReturnType<typeof readAutosaveRecord>;
    let raw: unknown;
    try {
      raw = await db.read(entry.id);
      restored = readAutosaveRecord(raw);
    } catch (e) {
      unreadable.push(`'${entry.name}' (${describe(e)})`);
      await keepUnreadable(store, db, entry, raw, describe(e), now());
      continue;
    }
    if (store.getState().workspace !== null) return false;
    autosave.show(entry.id, entry.revision, restored.workspace, restored.weights, entry.pristine);
    if (local) await recoverUnsaved(store, db, autosave, local, { id: entry.id, revision: entry.revision, workspace: restored.workspace, weights: restored.weights, pristine: entry.pristine }, now);
    await autosave.refreshList();
    if (unreadable.length > 0) store.getState().setAutosave({ kind: 'error', message: `not restored: ${unreadable.join('; ')}; they stay in the workspace list` });
    return true;
  }
  if (unreadable.length > 0) store.getState().setAutosave({ kind: 'error', message: `the autosaved workspace was not restored: ${unreadable.join('; ')}; it stays in the workspace list, untouched` });
  return false;
}
