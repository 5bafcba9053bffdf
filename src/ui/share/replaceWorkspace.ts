import type { NetworkWeights } from '../../core/network/weights.ts';
import type { Workspace } from '../../core/spec/workspace.ts';
import { weightArtifacts } from '../runController.ts';
import type { useStore } from '../store/index.ts';

/**
 * Replaces the workspace with one from outside (a link, a file): undo returns to the previous
 * one, and the weights that came with it go where the run controller looks. Without weights the
 * trained ones are cleared, so the page runs the same network the sender ran.
 */
export function replaceWorkspace(store: typeof useStore, workspace: Workspace, weights: NetworkWeights | undefined, label: string): void {
  const st = store.getState();
  const { workspace: previous, past } = st;
  st.setTrain({
    weightsId: weights ? weightArtifacts.put(weights) : null,
    weightsNetwork: weights ? JSON.stringify(workspace.network) : null,
    testMetrics: null,
    epochs: [],
    trainStatus: 'idle',
  });
  st.loadWorkspace(workspace);
  // loadWorkspace clears the history; the edits before the replacement stay undoable.
  if (previous) store.setState({ past: [...past.slice(-99), { label, workspace: previous }] });
}
