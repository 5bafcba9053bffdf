import type { NetworkWeights } from '../../core/network/weights.ts';
import { BudgetError } from '../../core/errors.ts';
import type { Workspace } from '../../core/spec/workspace.ts';
import { checkWorkspaceBudgets } from '../../core/spec/workspaceBudgets.ts';
import { newWorkspaceId } from '../autosave/workspaceEntry.ts';
import { weightArtifacts } from '../runController.ts';
import { snapshotDoc } from '../store/historySlice.ts';
import type { useStore } from '../store/index.ts';
import type { TrainSlice } from '../store/trainSlice.ts';

/**
 * Opens a workspace from outside (a link, a file, a preset, a model) as a new saved workspace:
 * the one shown before stays in the workspace list untouched, and undo returns to it with its
 * weights. Without weights the trained ones are cleared, so the page runs the same network the
 * sender ran. A workspace over its budgets is not opened: the banner says why (path, estimate,
 * budget) and the one shown keeps running; returns false then.
 */
export function replaceWorkspace(store: typeof useStore, workspace: Workspace, weights: NetworkWeights | undefined, label: string, train: Partial<Pick<TrainSlice, 'testClasses'>> = {}): boolean {
  try {
    checkWorkspaceBudgets(workspace);
  } catch (e) {
    if (!(e instanceof BudgetError)) throw e;
    store.setState({ editError: e.issues[0] ?? { path: '', message: e.message } });
    return false;
  }
  const st = store.getState();
  const previous = st.workspace;
  const weightsId = weights ? weightArtifacts.put(weights) : null;
  // One state change: autosave must never see the old workspace with the new weights (it would
  // save the old workspace without its own).
  store.setState({
    weightsId,
    weightsNetwork: weights ? JSON.stringify(workspace.network) : null,
    testMetrics: null,
    epochs: [],
    trainStatus: 'idle',
    ...train,
    docId: newWorkspaceId(),
    docConflict: null,
    workspace,
    editError: null,
    past: previous ? [...st.past.slice(-99), { label, workspace: previous, doc: snapshotDoc(st) }] : [],
    future: [],
  });
  return true;
}

/** The refusal replaceWorkspace left in the banner, as `path: message`. */
export function refusal(store: typeof useStore): string {
  const e = store.getState().editError;
  return e ? `${e.path}: ${e.message}` : 'refused';
}
