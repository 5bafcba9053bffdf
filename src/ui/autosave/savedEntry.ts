import type { NetworkWeights } from '../../core/network/weights.ts';
import type { Workspace } from '../../core/spec/workspace.ts';
import { contentFingerprint, isEdited } from '../workspaces/entryReuse.ts';
import { summariseWorkspace, type WorkspaceEntry } from './workspaceEntry.ts';

/**
 * The catalogue entry of a save: what the list shows about it. createdAt is the save's time; the
 * database keeps the stored one when the entry exists already (WorkspaceDb.write).
 */
export function savedEntry(id: string, revision: number, workspace: Workspace, weights: NetworkWeights | undefined, pristine: string | null, savedAt: number): WorkspaceEntry {
  return {
    id,
    name: workspace.name,
    savedAt,
    revision,
    summary: summariseWorkspace(workspace),
    hasWeights: weights !== undefined,
    createdAt: savedAt,
    ...(pristine === null ? {} : { pristine }),
    content: contentFingerprint(workspace),
    edited: isEdited(workspace, pristine, weights !== undefined),
  };
}
