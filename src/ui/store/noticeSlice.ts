import type { StateCreator } from 'zustand';
import type { Store } from './index.ts';

/** Who put a notice in the header; each has at most one notice at a time (a new one replaces it). */
export type NoticeSource = 'model' | 'workspace-file' | 'nir' | 'run';

/** A file opened, saved or refused, or what a run left out, told in the header. Plain text: it is rendered as text. */
export interface HeaderNotice {
  readonly source: NoticeSource;
  readonly text: string;
  readonly error: boolean;
  /** The raw engine text behind an error notice, for a details fold (explainError). */
  readonly detail?: string;
  /** Date.now() when shown: the newest notice is the one in view. */
  readonly at: number;
}

/**
 * The header's notices, newest last. The header shows one of them on one line (the rest a click
 * away), so they cannot grow it: three of them once took it to 150 px at 1280×720.
 */
export interface NoticeSlice {
  notices: readonly HeaderNotice[];
  showNotice(source: NoticeSource, text: string, error: boolean, detail?: string): void;
  dismissNotice(source: NoticeSource): void;
}

export const createNoticeSlice: StateCreator<Store, [], [], NoticeSlice> = (set) => ({
  notices: [],
  showNotice: (source, text, error, detail) =>
    set((s) => ({ notices: [...s.notices.filter((n) => n.source !== source), { source, text, error, at: Date.now(), ...(detail === undefined ? {} : { detail }) }] })),
  dismissNotice: (source) => set((s) => ({ notices: s.notices.filter((n) => n.source !== source) })),
});
