import { quoteInput, WORKSPACE_NAME_CHARS } from '../core/format/inputText.ts';
import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { nirFromHdf5Bytes, nirToHdf5Bytes } from '../core/share/nir/nirHdf5.ts';
import { nirToWorkspace, workspaceStepMs, workspaceToNir } from '../core/share/nir/nirWorkspace.ts';
import type { Workspace } from '../core/spec/workspace.ts';
import { serializeModel } from '../core/train/modelFile.ts';
import { EXIT, UsageError, type CliIo } from './io.ts';
import { loadModelFile, loadWorkspaceFile } from './loadWorkspace.ts';


function dtOption(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!(n > 0) || !Number.isFinite(n)) throw new UsageError(`--dt-ms must be a positive number of milliseconds, got '${value}'`);
  return n;
}

/** The step the workspace runs at, as the pipeline computes it; files the CLI cannot see need --dt-ms. */
function stepMsOrExplain(ws: Workspace): number {
  const step = workspaceStepMs(ws);
  if (step === undefined) throw new UsageError(`the workspace's data comes from the file '${'file' in ws.data ? ws.data.file : ws.data.kind}', so its time step is not known here: give --dt-ms`);
  return step;
}

/** `spikelab export`: the workspace's network and weights (a model's, else the seeded initial ones) as NIR. */
export async function exportCommand(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: { workspace: { type: 'string' }, model: { type: 'string' }, nir: { type: 'string' }, 'dt-ms': { type: 'string' } },
    allowPositionals: true,
    strict: true,
  });
  if (positionals.length > 0) throw new UsageError(`unexpected argument '${positionals[0]}'`);
  if (!values.nir) throw new UsageError('--nir OUT.nir is required');
  if (!values.workspace && !values.model) throw new UsageError('give --workspace FILE, --model MODEL.json, or both');
  const model = values.model ? loadModelFile(values.model) : undefined;
  // With both, the workspace file wins and the model brings its weights (checked against it).
  const ws = values.workspace ? loadWorkspaceFile(values.workspace) : model?.workspace;
  if (!ws) throw new UsageError('no workspace');
  if (!model) io.err('spikelab export: no --model, so the seeded initial (untrained) weights are written');
  const dtMs = dtOption(values['dt-ms']) ?? stepMsOrExplain(ws);
  const { graph, notes } = workspaceToNir(ws, model?.weights, dtMs);
  const bytes = await nirToHdf5Bytes(graph);
  writeFileSync(values.nir, bytes);
  const types = Object.values(graph.nodes).map((n) => n.type);
  io.out(`wrote ${values.nir}: ${types.length} NIR nodes (${types.join(' → ')}), time constants for Δt = ${+dtMs.toPrecision(6)} ms, ${bytes.length} bytes`);
  for (const note of notes) io.err(`spikelab export: ${note}`);
  return EXIT.ok;
}

/** `spikelab import`: a NIR file as a workspace (and a model file with its weights). */
export async function importCommand(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: { out: { type: 'string' }, 'out-model': { type: 'string' }, 'dt-ms': { type: 'string' }, reset: { type: 'string' }, 'drop-bias': { type: 'boolean', default: false } },
    allowPositionals: true,
    strict: true,
  });
  const [file, ...extra] = positionals;
  if (file === undefined || extra.length > 0) throw new UsageError('give exactly one FILE.nir');
  if (!values.out) throw new UsageError('--out WORKSPACE.json is required');
  const reset = values.reset;
  if (reset !== undefined && reset !== 'zero' && reset !== 'subtract') throw new UsageError(`--reset must be 'zero' or 'subtract', got '${reset}'`);
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(readFileSync(file));
  } catch (e) {
    throw new UsageError(`cannot read '${file}': ${(e as { code?: string }).code === 'ENOENT' ? 'no such file' : String(e)}`);
  }
  const dtMs = dtOption(values['dt-ms']);
  const graph = await nirFromHdf5Bytes(bytes, basename(file));
  const name = basename(file).replace(/\.nir$/i, '');
  const imp = nirToWorkspace(graph, { ...(dtMs !== undefined ? { dtMs } : {}), ...(reset ? { reset } : {}), dropBias: values['drop-bias'], name });
  writeFileSync(values.out, JSON.stringify(imp.workspace, null, 2) + '\n');
  const layers = imp.network.layers.map((l) => (l.kind === 'spiking' ? `${l.name} (${l.neuron.model})` : `${l.name} (${l.kind})`));
  io.out(`wrote ${values.out}: "${quoteInput(imp.workspace.name, WORKSPACE_NAME_CHARS)}", ${layers.join(' → ')}`);
  const weighted = Object.keys(imp.weights);
  if (values['out-model']) {
    writeFileSync(values['out-model'], serializeModel({ workspace: imp.workspace, classes: [], weights: imp.weights, metrics: {} }));
    io.out(`wrote ${values['out-model']}: weights of ${weighted.join(', ') || 'no layer'}`);
  } else if (weighted.length > 0) {
    io.err(`spikelab import: the file's weights (${weighted.join(', ')}) are not in a workspace file; give --out-model MODEL.json to keep them`);
  }
  for (const note of imp.notes) io.err(`spikelab import: ${note}`);
  return EXIT.ok;
}
