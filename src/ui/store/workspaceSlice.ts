import type { StateCreator } from 'zustand';
import { SpecError, type SpecIssue } from '../../core/errors.ts';
import { parseWorkspace } from '../../core/spec/parseWorkspace.ts';
import type { Workspace } from '../../core/spec/workspace.ts';
import { checkWorkspaceBudgets } from '../../core/spec/workspaceBudgets.ts';
import { pendingDraft } from './graphSlice.ts';
import type { Store } from './index.ts';

/** A draft is a deep copy of the workspace as plain JSON, edited in place by a recipe. */
export type WorkspaceDraft = Record<string, unknown> & { network: { layers: Record<string, unknown>[] } };

/** The workspace being edited, and the last edit that was refused. */
export interface WorkspaceSlice {
  workspace: Workspace | null;
  /** Why the last edit was refused (its JSON path and message), shown beside the field. */
  editError: SpecIssue | null;
  /** Replaces the workspace (boot, open file); clears undo history. */
  loadWorkspace(ws: Workspace): void;
  /**
   * Applies an edit to a copy of the workspace and validates it; a valid result within the
   * workspace budgets replaces the workspace (undoable unless said otherwise), any other is refused
   * and explained.
   */
  edit(label: string, recipe: (draft: WorkspaceDraft) => void, options?: { undoable?: boolean }): boolean;
}

export const createWorkspaceSlice: StateCreator<Store, [], [], WorkspaceSlice> = (set, get) => ({
  workspace: null,
  editError: null,
  loadWorkspace: (ws) => set({ workspace: ws, editError: null, past: [], future: [] }),
  edit(label, recipe, options = {}) {
    const current = get().workspace;
    if (!current) return false;
    const draft = structuredClone(current) as unknown as WorkspaceDraft;
    recipe(draft);
    try {
      const next = parseWorkspace(draft);
      // An edit the simulation worker would refuse is refused here, so the network before it keeps running.
      checkWorkspaceBudgets(next);
      const undoable = options.undoable ?? true;
      set((s) => {
        // An unfinished graph in the editor stays over the edited workspace (an encoder edit does not drop it).
        const draft = pendingDraft(s);
        return {
          workspace: next,
          editError: null,
          pendingGraph: draft ? { draft, over: next } : null,
          ...(undoable ? { past: [...s.past.slice(-99), { label, workspace: current, ...(draft ? { draft } : {}) }], future: [] } : {}),
        };
      });
      return true;
    } catch (e) {
      if (e instanceof SpecError) {
        set({ editError: e.issues[0] ?? { path: '', message: e.message } });
        return false;
      }
      throw e;
    }
  },
});
