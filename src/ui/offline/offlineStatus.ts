/**
 * Whether this page works without a network, as the page last learnt it from the offline worker.
 * Its one owner is registerOffline.ts; the header's badge reads it (useOfflineStatus).
 */
import { useSyncExternalStore } from 'react';

export type OfflineStatus =
  /** The development server, or a browser without service workers (or with them blocked, as in the e2e tests). */
  | { readonly state: 'off'; readonly why: string }
  /** The worker is storing the build. */
  | { readonly state: 'storing' }
  /** Every file of the build is stored: a reload works with the network cut. */
  | { readonly state: 'ready'; readonly version: string; readonly files: number }
  /** A newer build is stored and waits for this tab to let it take over. */
  | { readonly state: 'update'; readonly version: string; readonly files: number }
  | { readonly state: 'failed'; readonly why: string };

let current: OfflineStatus = { state: 'off', why: 'not registered yet' };
const listeners = new Set<() => void>();

export function setOfflineStatus(next: OfflineStatus): void {
  current = next;
  for (const l of listeners) l();
}

export const offlineStatus = (): OfflineStatus => current;

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export const useOfflineStatus = (): OfflineStatus => useSyncExternalStore(subscribe, offlineStatus);
