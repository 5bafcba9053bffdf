import type { StateCreator } from 'zustand';
import type { Store } from './index.ts';

/** Autosave's state: off until the database opens, the last save's time, or why it fails. */
export type AutosaveState =
  | { readonly kind: 'off' }
  | { readonly kind: 'saved'; readonly at: number }
  | { readonly kind: 'error'; readonly message: string };

/** Autosave status for the header. */
export interface AutosaveSlice {
  autosave: AutosaveState;
  setAutosave(a: AutosaveState): void;
}

export const createAutosaveSlice: StateCreator<Store, [], [], AutosaveSlice> = (set) => ({
  autosave: { kind: 'off' },
  setAutosave: (autosave) => set({ autosave }),
});
