import { LinkError } from '../../core/errors.ts';
import { decodeWorkspaceLink } from '../../core/share/linkCodec.ts';
import type { useStore } from '../store/index.ts';
import { replaceWorkspace } from './replaceWorkspace.ts';

/**
 * Opens a share link (a whole URL, a `#w=…` fragment or the bare value) in the page: a valid link
 * replaces the workspace with its weights (replaceWorkspace: undoable). A refused link changes
 * nothing but the notice, which names the stage and reason. Returns whether the link was opened.
 */
export function openLink(store: typeof useStore, text: string): boolean {
  let decoded: ReturnType<typeof decodeWorkspaceLink>;
  try {
    decoded = decodeWorkspaceLink(text);
  } catch (e) {
    // decodeWorkspaceLink promises LinkError only; anything else is still a refusal, not a crash.
    const notice = e instanceof LinkError ? { stage: e.stage, reason: e.reason } : { stage: 'workspace' as const, reason: `the link could not be read: ${String(e)}` };
    store.getState().setLinkNotice({ kind: 'refused', ...notice });
    return false;
  }
  const { workspace, weights } = decoded;
  replaceWorkspace(store, workspace, weights, 'open shared link');
  store.getState().setLinkNotice({ kind: 'opened', name: workspace.name, weightBits: decoded.weightBits ?? null, files: decoded.files });
  return true;
}
