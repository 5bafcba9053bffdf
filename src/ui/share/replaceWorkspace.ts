import type { NetworkWeights } from '../../core/network/weights.ts';
import type { Workspace } from '../../core/spec/workspace.ts';
import { newWorkspaceId } from '../autosave/workspaceEntry.ts';
import { currentWeights, weightArtifacts } from '../runController.ts';
import { snapshotDoc } from '../store/historySlice.ts';
import type { useStore } from '../store/index.ts';
import type { TrainSlice } from '../store/trainSlice.ts';
import { chooseEntry, contentFingerprint, isEdited, uniqueName, workspaceFingerprint } from '../workspaces/entryReuse.ts';

/** The saved workspace shown, and whether it has the user's own edits, as entryReuse.chooseEntry asks. */
export function shownForReuse(store: typeof useStore): { id: string; edited: boolean } | null {
  const { workspace, docId, docPristine, docConflict } = store.getState();
  // A workspace in conflict with another tab is theirs too: never written over in place.
  if (!workspace || !docId || docConflict) return null;
  return { id: docId, edited: isEdited(workspace, docPristine, currentWeights(store, workspace) !== undefined) };
}

/** How replaceWorkspace picks the saved entry: by the entry-reuse rule, or always a new one (duplicate, keep a copy). */
export type ReplaceEntry = 'reuse' | 'new';

/**
 * Opens a workspace from outside (a link, a file, a preset, a model) as the workspace shown. By
 * the entry-reuse rule (entryReuse.chooseEntry), a shown workspace that holds nothing of the
 * user's own is replaced in place; one with edits stays in the workspace list untouched and the
 * incoming one gets a saved entry of its own, named apart from the others ("X (2)"). Undo returns
 * to what was shown, with its weights, either way. Without weights the trained ones are cleared,
 * so the page runs the same network the sender ran. Returns the name it was given.
 */
export function replaceWorkspace(
  store: typeof useStore,
  workspace: Workspace,
  weights: NetworkWeights | undefined,
  label: string,
  train: Partial<Pick<TrainSlice, 'testClasses'>> = {},
  entry: ReplaceEntry = 'reuse',
): string {
  const st = store.getState();
  const previous = st.workspace;
  const current = shownForReuse(store);
  const choice = entry === 'new' ? { kind: 'new' as const } : chooseEntry({ current, docs: st.docs, incoming: { content: contentFingerprint(workspace), hasWeights: weights !== undefined }, reopen: false });
  const docId = choice.kind === 'replace' && current ? current.id : newWorkspaceId();
  const name = uniqueName(workspace.name, st.docs.filter((d) => d.id !== docId).map((d) => d.name));
  const shown = name === workspace.name ? workspace : { ...workspace, name };
  const weightsId = weights ? weightArtifacts.put(weights) : null;
  // One state change: autosave must never see the old workspace with the new weights (it would
  // save the old workspace without its own).
  store.setState({
    weightsId,
    weightsNetwork: weights ? JSON.stringify(shown.network) : null,
    testMetrics: null,
    epochs: [],
    trainStatus: 'idle',
    ...train,
    docId,
    docPristine: workspaceFingerprint(shown),
    docConflict: null,
    workspace: shown,
    editError: null,
    past: previous ? [...st.past.slice(-99), { label, workspace: previous, doc: snapshotDoc(st) }] : [],
    future: [],
  });
  return name;
}
