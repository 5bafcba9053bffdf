import { hasStudyParam } from '../../core/share/studyLink.ts';
import type { useStore } from '../store/index.ts';
import { hashHasWorkspace, openLinkWithStudy } from './openStudyLink.ts';

/** True when a URL fragment carries a workspace link (`#w=…`, possibly among other parameters). */
export const hashHasLink = hashHasWorkspace;

/**
 * Opens the link in the page's URL, if there is one: a workspace (`#w=…`), a study (`study=…`), or
 * both. Once opened the fragment is removed with replaceState (no new history entry, no
 * hashchange), so a reload comes back to the autosaved edits rather than re-opening the link over
 * them. A refused link is left in the address bar for the user to inspect. Returns whether a
 * workspace was opened (a study alone leaves the workspace to the autosave or the default).
 */
export function openLinkInUrl(store: typeof useStore): boolean {
  if (!hashHasWorkspace(location.hash) && !hasStudyParam(location.hash)) return false;
  const opened = openLinkWithStudy(store, location.hash);
  if (opened.workspace || opened.study) history.replaceState(history.state, '', location.pathname + location.search);
  return opened.workspace;
}

/** Opens links pasted into the address bar while the page is open. Returns the unsubscribe. */
export function startUrlSync(store: typeof useStore): () => void {
  const onHashChange = () => void openLinkInUrl(store);
  window.addEventListener('hashchange', onHashChange);
  return () => window.removeEventListener('hashchange', onHashChange);
}
