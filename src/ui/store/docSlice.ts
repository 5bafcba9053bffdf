import type { StateCreator } from 'zustand';
import type { WorkspaceEntry } from '../autosave/workspaceEntry.ts';
import type { Store } from './index.ts';

/**
 * Someone else saved (or deleted) the workspace this tab has open, so this tab's next save would
 * overwrite their work: autosave holds this tab's saves until the user picks what to keep.
 */
export interface DocConflict {
  readonly id: string;
  /** Their save; null when the workspace was deleted elsewhere. */
  readonly theirs: WorkspaceEntry | null;
}

/** Which saved workspace this tab shows, the revisions it knows, and the list for the picker. */
export interface DocSlice {
  /** Id of the saved workspace shown here; null before boot. */
  docId: string | null;
  /**
   * Fingerprint of the shown workspace as it was opened (entryReuse.workspaceFingerprint): while
   * the workspace still matches it and has no weights, it holds nothing of the user's own, and a
   * preset picked next replaces it rather than piling up a copy. Null: unknown, counts as edited.
   */
  docPristine: string | null;
  /**
   * The revision of each workspace this tab last read or wrote: a save writes only over that one
   * (WorkspaceDb.write), which is how two tabs notice each other.
   */
  knownRevisions: Readonly<Record<string, number>>;
  docConflict: DocConflict | null;
  /** The saved workspaces, newest first (refreshed after every save here or elsewhere). */
  docs: readonly WorkspaceEntry[];
  setDoc(patch: Partial<Pick<DocSlice, 'docId' | 'docPristine' | 'docConflict' | 'docs'>>): void;
  setKnownRevision(id: string, revision: number | null): void;
}

export const createDocSlice: StateCreator<Store, [], [], DocSlice> = (set) => ({
  docId: null,
  docPristine: null,
  knownRevisions: {},
  docConflict: null,
  docs: [],
  setDoc: (patch) => set(patch),
  setKnownRevision: (id, revision) =>
    set((s) => {
      const next = { ...s.knownRevisions };
      if (revision === null) delete next[id];
      else next[id] = revision;
      return { knownRevisions: next };
    }),
});
