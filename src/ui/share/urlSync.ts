import type { useStore } from '../store/index.ts';
import { openLink } from './openLink.ts';

/** True when a URL fragment carries a workspace link (`#w=…`, possibly among other parameters). */
export function hashHasLink(hash: string): boolean {
  return /^#?(?:[^&]*&)*w=/.test(hash);
}

/**
 * Opens the link in the page's URL, if there is one. Once opened the fragment is removed with
 * replaceState (no new history entry, no hashchange), so a reload comes back to the autosaved
 * edits rather than re-opening the link over them. A refused link is left in the address bar for
 * the user to inspect. Returns whether a link was opened.
 */
export function openLinkInUrl(store: typeof useStore): boolean {
  if (!hashHasLink(location.hash)) return false;
  const opened = openLink(store, location.hash);
  if (opened) history.replaceState(history.state, '', location.pathname + location.search);
  return opened;
}

/** Opens links pasted into the address bar while the page is open. Returns the unsubscribe. */
export function startUrlSync(store: typeof useStore): () => void {
  const onHashChange = () => void openLinkInUrl(store);
  window.addEventListener('hashchange', onHashChange);
  return () => window.removeEventListener('hashchange', onHashChange);
}
