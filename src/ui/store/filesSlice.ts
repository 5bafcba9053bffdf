import type { StateCreator } from 'zustand';
import type { LoadedRecord } from '../../core/data/fileStore.ts';
import type { KeptEntry } from '../keptFiles/keptFiles.ts';
import type { Store } from './index.ts';

/** Records of the files the user dropped (summaries only; the samples stay in the worker). */
export interface FilesSlice {
  files: LoadedRecord[];
  /** Status line of the last drop: what was loaded, or why a file was refused. */
  /** `detail`: the raw engine text behind a refusal, for a details fold (explainError). */
  fileStatus: { readonly ok: boolean; readonly message: string; readonly detail?: string } | null;
  /** Files kept in this browser for the next visit; null when the browser cannot keep any. */
  kept: readonly KeptEntry[] | null;
  /** Why no file can be kept (IndexedDB missing or blocked), when `kept` is null. */
  keptError: string | null;
  /** True while the kept files load at boot: a run missing a file waits for them instead of failing. */
  restoringKept: boolean;
  addLoaded(records: readonly LoadedRecord[]): void;
  setFileStatus(status: FilesSlice['fileStatus']): void;
  setKept(kept: readonly KeptEntry[] | null, error?: string): void;
  setRestoringKept(restoring: boolean): void;
}

export const createFilesSlice: StateCreator<Store, [], [], FilesSlice> = (set) => ({
  files: [],
  fileStatus: null,
  kept: [],
  keptError: null,
  restoringKept: false,
  addLoaded: (records) =>
    set((s) => ({ files: [...s.files.filter((f) => !records.some((r) => r.checksum === f.checksum)), ...records] })),
  setFileStatus: (fileStatus) => set({ fileStatus }),
  setRestoringKept: (restoringKept) => set({ restoringKept }),
  setKept: (kept, error) => set({ kept, keptError: kept ? null : (error ?? 'kept files are unavailable') }),
});
