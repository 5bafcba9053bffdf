import type { StateCreator } from 'zustand';
import type { LoadedRecord } from '../../core/data/fileStore.ts';
import type { Store } from './index.ts';

/** Records of the files the user dropped (summaries only; the samples stay in the worker). */
export interface FilesSlice {
  files: LoadedRecord[];
  /** Status line of the last drop: what was loaded, or why a file was refused. */
  fileStatus: { readonly ok: boolean; readonly message: string } | null;
  addLoaded(records: readonly LoadedRecord[]): void;
  setFileStatus(status: FilesSlice['fileStatus']): void;
}

export const createFilesSlice: StateCreator<Store, [], [], FilesSlice> = (set) => ({
  files: [],
  fileStatus: null,
  addLoaded: (records) =>
    set((s) => ({ files: [...s.files.filter((f) => !records.some((r) => r.checksum === f.checksum)), ...records] })),
  setFileStatus: (fileStatus) => set({ fileStatus }),
});
