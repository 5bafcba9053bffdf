import type { NetworkWeights } from '../../core/network/weights.ts';
import { BudgetError } from '../../core/errors.ts';
import type { Workspace } from '../../core/spec/workspace.ts';
import { checkWorkspaceBudgets } from '../../core/spec/workspaceBudgets.ts';
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

/**
 * Where an opened workspace comes from, and what that means for the workspace list. A preset (or
 * a copy) can be made again, so while it stays unedited the next preset may replace it; a link, a
 * file or a model is someone's work that may exist nowhere else, so it is kept as its own entry.
 */
const OPENED_FROM = {
  /** A link, a file, a model, a NIR graph: takes the place of an unedited workspace, and is then kept. */
  outside: { alwaysNew: false, replaceable: false },
  /** A preset or the default (New): replaceable until edited. */
  preset: { alwaysNew: false, replaceable: true },
  /** Duplicate: always an entry of its own, replaceable until edited (it can be made again). */
  duplicate: { alwaysNew: true, replaceable: true },
  /** This tab's version kept as a copy in a conflict: the user's edits, always kept. */
  keptCopy: { alwaysNew: true, replaceable: false },
} as const satisfies Record<string, { alwaysNew: boolean; replaceable: boolean }>;

/** A key of OPENED_FROM. */
export type OpenedFrom = keyof typeof OPENED_FROM;

/**
 * Opens a workspace from outside (a link, a file, a preset, a model) as the workspace shown. By
 * the entry-reuse rule (entryReuse.chooseEntry), a shown preset or copy that holds nothing of the
 * user's own is replaced in place; one with edits stays in the workspace list untouched and the
 * incoming one gets a saved entry of its own, named apart from the others ("X (2)"). Undo returns
 * to what was shown, with its weights, either way. Without weights the trained ones are cleared,
 * so the page runs the same network the sender ran. Returns the name it was given. A workspace over
 * its budgets is not opened: the banner says why (path, estimate, budget), the one shown keeps
 * running, and it returns null.
 */
export function replaceWorkspace(
  store: typeof useStore,
  workspace: Workspace,
  weights: NetworkWeights | undefined,
  label: string,
  train: Partial<Pick<TrainSlice, 'testClasses'>> = {},
  from: OpenedFrom = 'outside',
): string | null {
  try {
    checkWorkspaceBudgets(workspace);
  } catch (e) {
    if (!(e instanceof BudgetError)) throw e;
    store.setState({ editError: e.issues[0] ?? { path: '', message: e.message } });
    return null;
  }
  const how = OPENED_FROM[from];
  const st = store.getState();
  const previous = st.workspace;
  const current = shownForReuse(store);
  const choice = how.alwaysNew ? { kind: 'new' as const } : chooseEntry({ current, docs: st.docs, incoming: { content: contentFingerprint(workspace), hasWeights: weights !== undefined }, reopen: false });
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
    docPristine: how.replaceable ? workspaceFingerprint(shown) : null,
    docConflict: null,
    workspace: shown,
    editError: null,
    past: previous ? [...st.past.slice(-99), { label, workspace: previous, doc: snapshotDoc(st) }] : [],
    future: [],
  });
  return name;
}

/** The refusal replaceWorkspace left in the banner, as `path: message`. */
export function refusal(store: typeof useStore): string {
  const e = store.getState().editError;
  return e ? `${e.path}: ${e.message}` : 'refused';
}
