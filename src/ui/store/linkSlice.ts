import type { StateCreator } from 'zustand';
import type { LinkStage } from '../../core/errors.ts';
import type { LinkedFile } from '../../core/share/linkedFiles.ts';
import type { Store } from './index.ts';

/**
 * What happened to the last share link the page was opened with: refused (which stage, why), or
 * opened (with the weights it carried and the user files it needs). Plain strings only: the
 * banner renders them as text, never as HTML.
 */
export type LinkNotice =
  | { readonly kind: 'refused'; readonly stage: LinkStage; readonly reason: string }
  | { readonly kind: 'opened'; readonly name: string; readonly weightBits: number | null; readonly files: readonly LinkedFile[] };

/** The notice about the last link, until the user dismisses it. */
export interface LinkSlice {
  linkNotice: LinkNotice | null;
  setLinkNotice(n: LinkNotice | null): void;
}

export const createLinkSlice: StateCreator<Store, [], [], LinkSlice> = (set) => ({
  linkNotice: null,
  setLinkNotice: (linkNotice) => set({ linkNotice }),
});
