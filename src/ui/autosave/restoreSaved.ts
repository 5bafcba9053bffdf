import type { useStore } from '../store/index.ts';
import type { Autosave } from './autosave.ts';
import { readAutosaveRecord } from './autosaveRecord.ts';
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
 * Boot: shows the saved workspace this tab had open (a reload), else the one saved last, unless a
 * link opened meanwhile (it wins, as a new saved workspace). Records that cannot be read (corrupt,
 * or saved by a newer Spikelab) are skipped with a message and stay in the list untouched.
 * Returns whether a saved workspace is shown.
 */
export async function restoreSaved(store: typeof useStore, db: WorkspaceDb, autosave: Pick<Autosave, 'show'>, tabDocId: string | null, now: () => number = Date.now): Promise<boolean> {
  let entries: WorkspaceEntry[];
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
    try {
      restored = readAutosaveRecord(await db.read(entry.id));
    } catch (e) {
      unreadable.push(`'${entry.name}' (${describe(e)})`);
      continue;
    }
    if (store.getState().workspace !== null) return false;
    autosave.show(entry.id, entry.revision, restored.workspace, restored.weights, entry.pristine);
    if (unreadable.length > 0) store.getState().setAutosave({ kind: 'error', message: `not restored: ${unreadable.join('; ')}; they stay in the workspace list` });
    return true;
  }
  if (unreadable.length > 0) store.getState().setAutosave({ kind: 'error', message: `the autosaved workspace was not restored: ${unreadable.join('; ')}; it stays in the workspace list, untouched` });
  return false;
}
