import type { z } from 'zod';
import { SpecError, type SpecIssue } from '../errors.ts';
import { sourceInputWidth } from '../data/sources/index.ts';
import { ecgDataset } from './trainingConfig.ts';
import { inferShapes, shapeSize } from '../network/shapes.ts';
import { migrateWorkspace } from './migrations.ts';
import { WORKSPACE_SCHEMA_VERSION, workspaceSchema, type Workspace } from './workspace.ts';

/** Formats a zod path as a JSON path: `network.layers[2].units`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out === '' ? '(root)' : out;
}

/** Turns zod issues into SpecIssues with JSON paths and plain sentences. */
export function zodIssues(error: z.ZodError, prefix = ''): SpecIssue[] {
  return error.issues.map((issue) => {
    const path = formatPath(issue.path);
    return { path: prefix && path !== '(root)' ? `${prefix}.${path}` : prefix || path, message: issue.message };
  });
}

/** Number of input neurons the data source and encoder produce (data/sources: each kind says). */
export function inputWidth(ws: Pick<Workspace, 'data' | 'encoder' | 'training'>): number {
  return sourceInputWidth(ws);
}

/**
 * The only way into a workspace: validates an unknown value (e.g. from JSON.parse), migrates an
 * older version, fills defaults and checks that the parts fit together. Throws SpecError listing
 * every issue with its JSON path; never returns a half-valid workspace.
 */
export function parseWorkspace(value: unknown): Workspace {
  const migrated = migrateWorkspace(value);
  const parsed = workspaceSchema.safeParse(migrated);
  if (!parsed.success) throw new SpecError(zodIssues(parsed.error));
  const ws = parsed.data;
  const issues = crossCheck(ws);
  if (issues.length > 0) throw new SpecError(issues);
  return ws;
}

/** Checks that need more than one part of the workspace: shapes, encoder width, probes. */
function crossCheck(ws: Workspace): SpecIssue[] {
  const { shapes, issues } = inferShapes(ws.network);
  const out = [...issues];
  const input = ws.network.layers[0];
  if (input?.kind === 'input') {
    const want = inputWidth(ws);
    const have = shapeSize(input.shape);
    if (want !== have) {
      const source =
        ws.data.kind === 'event-file' || ws.data.kind === 'synthetic-dvs'
          ? `the event source (${ws.data.width}×${ws.data.height}, 2 polarities)`
          : `the ${ws.encoder.kind} encoder`;
      out.push({ path: 'network.layers[0].shape', message: `${source} produces ${want} input neurons but the input layer has ${have}` });
    }
  }
  const beats = ecgDataset(ws.training);
  if (beats && ws.data.kind === 'synthetic-ecg' && ws.data.leads !== beats.leads)
    out.push({ path: 'data.leads', message: `training cuts ${beats.leads} lead(s) per beat but the synthetic ECG has ${ws.data.leads}: the input layer could not fit both` });
  if (beats?.input === 'window' && ws.data.kind === 'signal-file' && ws.data.channels < beats.leads)
    out.push({ path: 'data.channels', message: `the training window cuts ${beats.leads} leads but the file source takes ${ws.data.channels} channel(s)` });
  ws.simulation.record.membrane.forEach((probe, i) => {
    const idx = ws.network.layers.findIndex((l) => l.name === probe.layer);
    const layer = ws.network.layers[idx];
    const path = `simulation.record.membrane[${i}]`;
    if (!layer) out.push({ path: `${path}.layer`, message: `no layer named '${probe.layer}'` });
    else if (layer.kind !== 'spiking' && layer.kind !== 'readout') out.push({ path: `${path}.layer`, message: `'${probe.layer}' has no membrane (it is a ${layer.kind} layer)` });
    else {
      const size = shapeSize(shapes[idx] ?? [0]);
      if (probe.neuron >= size) out.push({ path: `${path}.neuron`, message: `neuron ${probe.neuron} does not exist; '${probe.layer}' has ${size}` });
    }
  });
  return out;
}

export { WORKSPACE_SCHEMA_VERSION };
