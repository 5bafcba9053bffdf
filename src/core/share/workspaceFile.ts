import { parseJsonText } from '../format/jsonText.ts';
import { z } from 'zod';
import { EngineError, SpecError } from '../errors.ts';
import { checkWeights, type NetworkWeights } from '../network/weights.ts';
import { parseWorkspace, zodIssues } from '../spec/parseWorkspace.ts';
import type { Workspace } from '../spec/workspace.ts';
import { decodeStoredWeights, floatsToBase64, parseModel } from '../train/modelFile.ts';

/** Largest workspace file read (characters): float32 weights as base64 for a large network. */
export const MAX_WORKSPACE_FILE_CHARS = 128 * 1024 * 1024;

/** A workspace file's contents: the workspace and, when trained, its full-precision weights. */
export interface WorkspaceFile {
  readonly workspace: Workspace;
  readonly weights?: NetworkWeights;
}

const fileSchema = z.object({
  format: z.literal('spikelab-workspace'),
  version: z.literal(1),
  workspace: z.unknown(),
  weights: z.record(z.string(), z.object({ shape: z.array(z.number().int().positive()), data: z.string() })).optional(),
});

/** The JSON text of a workspace file; weights are float32 little-endian as base64, unquantised. */
export function serializeWorkspaceFile(f: WorkspaceFile): string {
  const weights = f.weights ? Object.fromEntries(Object.entries(f.weights).map(([k, w]) => [k, { shape: [...w.shape], data: floatsToBase64(w.values) }])) : undefined;
  return JSON.stringify({ format: 'spikelab-workspace', version: 1, workspace: f.workspace, ...(weights ? { weights } : {}) }, null, 1);
}

const fail = (path: string, message: string) => new SpecError([{ path, message }]);

/**
 * Reads a workspace file (or a model file from `spikelab train --out`, whose weights are kept)
 * with the checks a link gets: size cap → JSON without prototype keys → parseWorkspace (validated,
 * older versions migrated) → weights checked against the network. Throws SpecError naming the path.
 */
export function parseWorkspaceFile(text: string): WorkspaceFile {
  if (text.length > MAX_WORKSPACE_FILE_CHARS) throw fail('(root)', `the file has ${text.length} characters; at most ${MAX_WORKSPACE_FILE_CHARS} are read`);
  let doc: unknown;
  try {
    doc = parseJsonText(text, (key, path) => fail(path, `the key '${key}' is not allowed in a workspace file`));
  } catch (e) {
    if (e instanceof SpecError) throw e;
    throw fail('(root)', `not JSON: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (typeof doc === 'object' && doc !== null && (doc as { format?: unknown }).format === 'spikelab-model') {
    const model = parseModel(text);
    return withCheckedWeights(model.workspace, model.weights);
  }
  const r = fileSchema.safeParse(doc);
  if (!r.success) throw new SpecError(zodIssues(r.error));
  const workspace = parseWorkspace(r.data.workspace);
  if (!r.data.weights) return { workspace };
  return withCheckedWeights(workspace, decodeStoredWeights(r.data.weights));
}

function withCheckedWeights(workspace: Workspace, weights: NetworkWeights): WorkspaceFile {
  try {
    checkWeights(workspace.network, weights);
  } catch (e) {
    if (e instanceof EngineError) throw fail('weights', e.message);
    throw e;
  }
  return { workspace, weights };
}
