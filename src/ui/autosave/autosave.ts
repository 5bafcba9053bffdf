import type { NetworkWeights } from '../../core/network/weights.ts';
import type { Workspace } from '../../core/spec/workspace.ts';
import { currentWeights, weightArtifacts } from '../runController.ts';
import type { useStore } from '../store/index.ts';
import { toAutosaveRecord } from './autosaveRecord.ts';
import type { WorkspaceDb } from './workspaceDb.ts';
import { clearStash, writeStash, type StashStorage } from './unsavedEditStash.ts';
import { savedEntry } from './savedEntry.ts';
import { isWorkspaceEntry, type WorkspaceEntry } from './workspaceEntry.ts';

/** Debounce of autosave: a burst of edits (typing, dragging a slider) is one write. */
export const AUTOSAVE_DEBOUNCE_MS = 500;

/** Name of the BroadcastChannel on which tabs of this origin announce their saves. */
export const SAVES_CHANNEL = 'spikelab-workspaces';

/** What a tab tells the others after it wrote or deleted a saved workspace. */
export type SaveAnnouncement = { readonly kind: 'saved'; readonly entry: WorkspaceEntry } | { readonly kind: 'deleted'; readonly id: string };

/** The channel between tabs (BroadcastChannel in the page; a pair of fakes in unit tests). */
export interface SaveChannel {
  post(message: SaveAnnouncement): void;
  /** Registers the handler for other tabs' messages; returns the unsubscribe. */
  listen(onMessage: (message: unknown) => void): () => void;
}

/** A BroadcastChannel as a SaveChannel, or undefined where the browser has none. */
export function broadcastSaveChannel(): SaveChannel | undefined {
  if (typeof BroadcastChannel === 'undefined') return undefined;
  const channel = new BroadcastChannel(SAVES_CHANNEL);
  return {
    post: (m) => channel.postMessage(m),
    listen(onMessage) {
      const handler = (ev: MessageEvent<unknown>) => onMessage(ev.data);
      channel.addEventListener('message', handler);
      return () => {
        channel.removeEventListener('message', handler);
        channel.close();
      };
    },
  };
}

/** Autosave's status while a conflict with another tab holds this tab's saves. */
const HELD = 'not saved: another tab changed this workspace; choose above which version to keep';

const describe = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** What one save writes: the saved workspace it belongs to, and its content at the time of the edit. */
interface Pending {
  readonly docId: string;
  readonly workspace: Workspace;
  readonly weights: NetworkWeights | undefined;
  /** The fingerprint the workspace was opened with (DocSlice.docPristine). */
  readonly pristine: string | null;
  /** Epoch milliseconds of the snapshot: a stash of a later edit is not cleared by this one's save. */
  readonly editedAt: number;
  /** The store's weights id at the snapshot (to tell whether what is shown is what was written). */
  readonly weightsId: string | null;
}

/** Autosave's handle, for the workspace list (which must save before switching). */
export interface Autosave {
  /** Writes any pending save now and waits for every save in flight. */
  flush(): Promise<void>;
  /** Saves the workspace shown now, debounce or not (after a conflict was resolved). */
  saveNow(): Promise<void>;
  /**
   * Shows a saved workspace as it was read from the database (revision `revision`), without a
   * save of its own: its content is the database's, and a needless save would look like an edit
   * to another tab that has it open. `pristine` is the entry's (WorkspaceEntry.pristine).
   */
  show(id: string, revision: number, workspace: Workspace, weights: NetworkWeights | undefined, pristine?: string): void;
  /** Tells the other tabs that a saved workspace was deleted here. */
  announceDeleted(id: string): void;
  /** Forgets this browser's unsaved copy of a workspace's edit (the user chose another version). */
  dropStash(id: string): void;
  /** Reloads the list of saved workspaces into the store. */
  refreshList(): Promise<void>;
  stop(): void;
}

/** Where this tab remembers which saved workspace it shows, so a reload comes back to it. */
export const TAB_DOC_KEY = 'spikelab.docId';

/**
 * Saves the workspace and the weights that fit it whenever either changes, debounced, into the
 * saved workspace the tab shows (store.docId). Every write is a compare-and-set on the revision
 * this tab knows: when another tab saved the same workspace in between, nothing is written and the
 * store gets a conflict for the user to settle (ConflictBanner). Other tabs' saves arrive on the
 * channel too, so the conflict shows before this tab even edits. A page being hidden or going
 * away (`visibilitychange`, `pagehide`: tab closed, reload) writes the pending edit to `local`
 * synchronously (unsavedEditStash.ts says why) and starts its IndexedDB save at once; an edit held
 * by a conflict is stashed there too, so closing the tab does not discard it.
 */
export function startAutosave(
  store: typeof useStore,
  db: WorkspaceDb,
  options: { debounceMs?: number; now?: () => number; channel?: SaveChannel | undefined; session?: Pick<Storage, 'setItem'> | undefined; local?: StashStorage | undefined } = {},
): Autosave {
  const { debounceMs = AUTOSAVE_DEBOUNCE_MS, now = Date.now, channel, session, local } = options;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let pending: Pending | null = null;
  // The newest edit not yet known to be in IndexedDB: pending, or written by a save still in flight
  // (after the debounce fired, the edit exists only in a transaction the page's end may abort).
  let latest: Pending | null = null;
  // Saves run one after another: two in flight would both write over the same known revision.
  let queue: Promise<void> = Promise.resolve();
  // What the store showed when it last matched the database (loaded or saved): no save needed.
  let settled: { docId: string | null; workspace: Workspace | null; weightsId: string | null } = { docId: null, workspace: null, weightsId: null };
  // What the database holds of the workspace shown, as this tab last read or wrote it.
  let written: { docId: string | null; workspace: Workspace | null; weightsId: string | null } = { docId: null, workspace: null, weightsId: null };

  const refreshList = async () => {
    try {
      const [{ entries, damaged }, copies] = await Promise.all([db.catalogue(), db.damagedCopies()]);
      store.getState().setDoc({ docs: entries });
      store.getState().setDamagedItems([
        ...damaged.map((d) => ({ place: 'catalogue' as const, ...d })),
        ...copies.map((c) => ({ place: 'copy' as const, key: c.key, name: c.name, reason: c.reason, at: c.at })),
      ]);
    } catch (e) {
      store.getState().setAutosave({ kind: 'error', message: `the list of saved workspaces could not be read: ${describe(e)}` });
    }
  };

  // The edit, synchronously in localStorage: `held` when a conflict keeps it from IndexedDB.
  const stash = (p: Pending, held: boolean) => {
    if (!local) return;
    const st = store.getState();
    writeStash(local, { docId: p.docId, baseRevision: st.knownRevisions[p.docId] ?? null, editedAt: p.editedAt, held, workspace: p.workspace, ...(p.weights ? { weights: p.weights } : {}) });
  };
  const write = async (p: Pending) => {
    const st = store.getState();
    if (st.docConflict?.id === p.docId) {
      st.setAutosave({ kind: 'error', message: HELD });
      return;
    }
    const expected = st.knownRevisions[p.docId] ?? null;
    const revision = (expected ?? 0) + 1;
    const savedAt = now();
    const entry = savedEntry(p.docId, revision, p.workspace, p.weights, p.pristine, savedAt);
    try {
      const outcome = await db.write(toAutosaveRecord(p.docId, revision, p.workspace, p.weights, savedAt), entry, expected);
      if (!outcome.ok) {
        store.getState().setDoc({ docConflict: { id: p.docId, theirs: outcome.current } });
        store.getState().setAutosave({ kind: 'error', message: HELD });
      } else {
        store.getState().setKnownRevision(p.docId, revision);
        written = { docId: p.docId, workspace: p.workspace, weightsId: p.weightsId };
        if (latest === p) latest = null;
        if (local) clearStash(local, p.docId, p.editedAt);
        store.getState().setAutosave({ kind: 'saved', at: savedAt });
        channel?.post({ kind: 'saved', entry });
      }
    } catch (e) {
      store.getState().setAutosave({ kind: 'error', message: `autosave failed: ${describe(e)}; save a workspace file or share a link to keep this work` });
    }
    await refreshList();
  };
  const enqueue = (p: Pending) => {
    queue = queue.then(() => write(p));
    return queue;
  };
  const snapshot = (): Pending | null => {
    const { docId, workspace, docPristine, weightsId } = store.getState();
    return docId && workspace ? { docId, workspace, weights: currentWeights(store, workspace), pristine: docPristine, editedAt: now(), weightsId } : null;
  };
  const fire = () => {
    clearTimeout(timer);
    timer = undefined;
    const p = pending;
    pending = null;
    return p ? enqueue(p) : queue;
  };

  const unsubscribe = store.subscribe((s, prev) => {
    if (s.docId !== prev.docId && s.docId !== null) session?.setItem(TAB_DOC_KEY, s.docId);
    if (s.workspace === prev.workspace && s.weightsId === prev.weightsId && s.docId === prev.docId) return;
    // A different saved workspace: the edit still pending belongs to the one before; write it now.
    if (pending && pending.docId !== s.docId) void fire();
    if (s.docId === settled.docId && s.workspace === settled.workspace && s.weightsId === settled.weightsId) return;
    pending = snapshot();
    latest = pending;
    clearTimeout(timer);
    timer = setTimeout(() => void fire(), debounceMs);
  });

  const unlisten = channel?.listen((m) => {
    // Another tab of this origin sent it, maybe an older or newer page: check its shape.
    const msg = typeof m === 'object' && m !== null ? (m as Record<string, unknown>) : {};
    const entry = msg['kind'] === 'saved' && isWorkspaceEntry(msg['entry']) ? msg['entry'] : null;
    const deleted = msg['kind'] === 'deleted' && typeof msg['id'] === 'string' ? msg['id'] : null;
    if (!entry && !deleted) return;
    void refreshList();
    const st = store.getState();
    if (entry && entry.id === st.docId && entry.revision !== st.knownRevisions[entry.id]) st.setDoc({ docConflict: { id: entry.id, theirs: entry } });
    if (deleted && deleted === st.docId) st.setDoc({ docConflict: { id: deleted, theirs: null } });
  });

  // The page may be going away: keep the newest unsaved edit synchronously, then start its save.
  const hiding = () => {
    const unsaved = pending ?? latest;
    if (!unsaved) return;
    if (store.getState().docConflict?.id !== unsaved.docId) stash(unsaved, false);
    if (pending) void fire();
  };
  // The page is going away: an edit a conflict holds back is stashed too, for the next page that
  // shows the workspace to keep as a copy. Only now: while this tab lives its banner owns that
  // edit, and a stash would be copied by another tab opening the workspace, and again by this
  // tab's own choice (two copies of one edit).
  const leaving = () => {
    const st = store.getState();
    const shown = snapshot();
    const unsaved = shown !== null && (shown.workspace !== written.workspace || shown.weightsId !== written.weightsId || shown.docId !== written.docId);
    if (shown && st.docConflict?.id === shown.docId && unsaved) stash(shown, true);
    hiding();
  };
  const onHidden = () => {
    if (document.visibilityState === 'hidden') hiding();
  };
  const hasDocument = typeof document !== 'undefined';
  if (hasDocument) document.addEventListener('visibilitychange', onHidden);
  if (typeof window !== 'undefined') window.addEventListener('pagehide', leaving);
  void refreshList();
  // Opened before autosave started (a link at boot): save it like any change.
  pending = snapshot();
  latest = pending;
  if (pending) timer = setTimeout(() => void fire(), debounceMs);

  return {
    flush: () => fire(),
    async saveNow() {
      await fire();
      const p = snapshot();
      if (p) {
        latest = p;
        await enqueue(p);
      }
    },
    show(id, revision, workspace, weights, pristine) {
      const weightsId = weights ? weightArtifacts.put(weights) : null;
      settled = { docId: id, workspace, weightsId };
      written = settled;
      // One state change, so autosave never sees a mix of the old workspace and the new weights.
      store.setState((s) => ({
        knownRevisions: { ...s.knownRevisions, [id]: revision },
        weightsId,
        weightsNetwork: weights ? JSON.stringify(workspace.network) : null,
        testMetrics: null,
        epochs: [],
        trainStatus: 'idle',
        docId: id,
        docPristine: pristine ?? null,
        docConflict: null,
        workspace,
        editError: null,
        past: [],
        future: [],
      }));
    },
    announceDeleted: (id) => channel?.post({ kind: 'deleted', id }),
    dropStash: (id) => {
      if (local) clearStash(local, id);
    },
    refreshList,
    stop() {
      unsubscribe();
      unlisten?.();
      clearTimeout(timer);
      if (hasDocument) document.removeEventListener('visibilitychange', onHidden);
      if (typeof window !== 'undefined') window.removeEventListener('pagehide', leaving);
    },
  };
}
