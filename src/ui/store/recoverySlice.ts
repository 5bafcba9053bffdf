import type { StateCreator } from 'zustand';
import type { DamagedItem, DamagedPlace } from '../autosave/damagedCopies.ts';
import type { Store } from './index.ts';

/**
 * Something the page kept for the user instead of losing it: a damaged save, an edit another tab
 * overwrote. Shown until the user dismisses it (an autosave after it must not hide it).
 */
export interface RecoveryNotice {
  /** Stable per cause, so the same damage found twice is one notice. */
  readonly id: string;
  /** Plain text: it is rendered as text. */
  readonly text: string;
  /** The damaged item the notice offers to download. */
  readonly damaged?: { readonly place: DamagedPlace; readonly key: string; readonly name: string };
}

/** Notices of kept work, and the damaged items of the database for the Workspaces dialog. */
export interface RecoverySlice {
  recoveries: readonly RecoveryNotice[];
  /** Damaged catalogue entries and kept copies of damaged records (refreshed with the list). */
  damagedItems: readonly DamagedItem[];
  addRecovery(n: RecoveryNotice): void;
  dismissRecovery(id: string): void;
  setDamagedItems(items: readonly DamagedItem[]): void;
}

export const createRecoverySlice: StateCreator<Store, [], [], RecoverySlice> = (set) => ({
  recoveries: [],
  damagedItems: [],
  addRecovery: (n) => set((s) => ({ recoveries: [...s.recoveries.filter((r) => r.id !== n.id), n] })),
  dismissRecovery: (id) => set((s) => ({ recoveries: s.recoveries.filter((r) => r.id !== id) })),
  setDamagedItems: (damagedItems) => set({ damagedItems }),
});
