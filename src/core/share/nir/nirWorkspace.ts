import { parseJsonText } from '../../format/jsonText.ts';
import { SpecError } from '../../errors.ts';
import { initWeights, type NetworkWeights } from '../../network/weights.ts';
import type { FileResolver } from '../../data/fileSources.ts';
import { sourceStepMs } from '../../data/sources/index.ts';
import { prepareInput } from '../../pipeline.ts';
import { parseWorkspace } from '../../spec/parseWorkspace.ts';
import { WORKSPACE_SCHEMA_VERSION, type Workspace } from '../../spec/workspace.ts';
import { checkWorkspaceBudgets } from '../../spec/workspaceBudgets.ts';
import { networkToNir, type NirExport } from './networkToNir.ts';
import { defaultSource } from './nirDefaultSource.ts';
import { NirError } from './nirError.ts';
import type { NirGraph } from './nirGraph.ts';
import { nirToNetwork, type NirImport, type NirImportOptions } from './nirToNetwork.ts';

/**
 * Whole workspaces through NIR. A NIR file carries a network; Spikelab also puts the workspace it
 * came from (data source, encoder, training, chip, seed) in the graph's metadata, so that
 * workspace → NIR → workspace is identical. A file from elsewhere gets a built-in data source that
 * fits its input (nirDefaultSource.ts), and the caller is told what was chosen.
 */

/** Graph metadata key holding the exporting workspace (JSON). */
export const WORKSPACE_KEY = 'spikelab_workspace';

/**
 * A workspace's network and weights (without them, the seeded initial ones) as NIR, with the
 * workspace in the graph metadata. A workspace over its budgets is refused before any weight is drawn.
 */
export function workspaceToNir(ws: Workspace, weights: NetworkWeights | undefined, dtMs: number): NirExport {
  checkWorkspaceBudgets(ws);
  const { graph, notes } = networkToNir(ws.network, weights ?? initWeights(ws.network, ws.seed), dtMs);
  return { graph: { ...graph, metadata: { ...graph.metadata, [WORKSPACE_KEY]: JSON.stringify(ws) } }, notes };
}

/** A network read from NIR inside a workspace that runs it. */
export interface NirWorkspaceImport extends NirImport {
  readonly workspace: Workspace;
}

/** The workspace a Spikelab file recorded, if it is there and still valid. */
function recordedWorkspace(graph: NirGraph): Workspace | undefined {
  const text = graph.metadata[WORKSPACE_KEY];
  if (typeof text !== 'string') return undefined;
  try {
    return parseWorkspace(parseJsonText(text));
  } catch {
    return undefined;
  }
}

/**
 * The step a workspace's data runs at: the source registry's, or, when that is a user file's own
 * rate, read from the file; undefined when `files` does not hold it (the CLI has none; the page's
 * worker has the dropped ones).
 */
export function workspaceStepMs(ws: Workspace, files?: FileResolver): number | undefined {
  // Outside the try: a workspace over its budgets is refused as such, not as a missing file.
  checkWorkspaceBudgets(ws);
  // The data-source registry owns the step; only a user file's own sampling rate is left to read.
  const fixed = sourceStepMs(ws);
  if (fixed !== undefined) return fixed;
  try {
    return prepareInput(ws, files).dtMs;
  } catch {
    return undefined;
  }
}

/**
 * Reads a NIR graph as a workspace: the recorded one when the network is unchanged, the recorded
 * one around the new network when that still validates, else a new workspace named `name` with a
 * default data source. Notes say which, and when the data's step differs from the import's Δt.
 */
export function nirToWorkspace(graph: NirGraph, options: NirImportOptions & { readonly name?: string } = {}): NirWorkspaceImport {
  const imp = nirToNetwork(graph, options);
  const notes = [...imp.notes];
  const recorded = recordedWorkspace(graph);
  if (recorded && JSON.stringify(recorded.network) === JSON.stringify(imp.network)) return { ...imp, workspace: recorded, notes };
  if (recorded) {
    try {
      const workspace = parseWorkspace({ ...recorded, network: imp.network });
      notes.push('the network differs from the one Spikelab wrote; kept the recorded data source, encoder and settings around it');
      return { ...imp, workspace, notes };
    } catch (e) {
      if (!(e instanceof SpecError)) throw e;
      notes.push(`the recorded workspace no longer fits the network (${e.message}); built a new one`);
    }
  }
  const source = defaultSource(imp.network, imp.dtMs);
  let workspace: Workspace;
  try {
    workspace = parseWorkspace({ schemaVersion: WORKSPACE_SCHEMA_VERSION, name: options.name ?? 'Imported NIR model', seed: 1, network: imp.network, data: source.data, encoder: source.encoder });
  } catch (e) {
    if (e instanceof SpecError) throw new NirError('', `the imported network does not fit a workspace: ${e.message}`);
    throw e;
  }
  notes.push(`data source chosen for the import: ${source.note}`);
  const step = workspaceStepMs(workspace);
  if (step !== undefined && Math.abs(step - imp.dtMs) > 1e-9 * imp.dtMs) {
    notes.push(`the data steps every ${+step.toPrecision(6)} ms but the decays were computed for Δt = ${+imp.dtMs.toPrecision(6)} ms; each step keeps the file's decay, so the network's time constants scale with the data's step`);
  }
  return { ...imp, workspace, notes };
}
