import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { formatDataWarning } from '../core/data/formats/dataWarnings.ts';
import { w2ExportInput, workspaceExportInput } from '../core/export/torch/exportInputs.ts';
import { torchProject } from '../core/export/torch/torchProject.ts';
import { trainingSchema } from '../core/spec/trainingConfig.ts';
import { readDataFolder } from './ecgRecords.ts';
import { EXIT, UsageError, type CliIo } from './io.ts';
import { loadPreset, loadWorkspaceFile } from './loadWorkspace.ts';

/**
 * `spikelab export --torch DIR`: a PyTorch training project for the workspace (or W2's batch), in
 * a new or empty folder (an export never mixes with other files, nor overwrites a trained result).
 */
export async function torchExportCommand(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: { torch: { type: 'string' }, workspace: { type: 'string' }, preset: { type: 'string' }, workload: { type: 'string' }, data: { type: 'string' }, epochs: { type: 'string' } },
    allowPositionals: true,
    strict: true,
  });
  if (positionals.length > 0) throw new UsageError(`unexpected argument '${positionals[0]}'`);
  const dir = values.torch;
  if (!dir) throw new UsageError('--torch DIR is required');
  if ([values.workspace, values.preset, values.workload].filter((v) => v !== undefined).length !== 1) throw new UsageError('give exactly one of --workspace FILE, --preset NAME or --workload W2');
  if (values.workload !== undefined && values.workload !== 'W2') throw new UsageError(`--workload exports W2 (the training workload), not '${values.workload}'`);
  const epochs = values.epochs === undefined ? undefined : Number(values.epochs);
  if (epochs !== undefined && (!Number.isInteger(epochs) || epochs < 1)) throw new UsageError(`--epochs must be a whole number ≥ 1, got '${values.epochs}'`);
  let input;
  if (values.workload) input = w2ExportInput();
  else {
    let ws = values.workspace !== undefined ? loadWorkspaceFile(values.workspace) : loadPreset(values.preset ?? '');
    if (epochs !== undefined) ws = { ...ws, training: trainingSchema.parse({ ...(ws.training ?? {}), epochs }) };
    const data = values.data ? readDataFolder(values.data, (w) => io.err(formatDataWarning(w))) : undefined;
    input = workspaceExportInput(ws, data);
  }
  // The project first (it may be refused), then the folder.
  const project = torchProject(input);
  let existing: string[] = [];
  try {
    existing = readdirSync(dir);
  } catch (e) {
    if ((e as { code?: string }).code !== 'ENOENT') throw new UsageError(`cannot use '${dir}': ${String(e)}`);
  }
  if (existing.length > 0) throw new UsageError(`'${dir}' is not empty (${existing.length} entr${existing.length === 1 ? 'y' : 'ies'}); give a new or empty folder`);
  mkdirSync(dir, { recursive: true });
  let bytes = 0;
  for (const [name, content] of Object.entries(project.files)) {
    writeFileSync(join(dir, name), content);
    bytes += typeof content === 'string' ? Buffer.byteLength(content) : content.length;
  }
  const layers = project.plan.layers.map((l) => `${l.name} → ${l.population} (${l.model}${l.loop ? `, loop ${l.loop}` : ''}${l.pool ? ', pooled' : ''})`);
  io.out(`wrote ${dir}: ${Object.keys(project.files).length} files, ${(bytes / 1e6).toFixed(2)} MB; ${layers.join(', ')}; ${input.split.trainIdx.length} training, ${input.split.val.length} validation, ${input.test.labels.length} test samples (${input.source})`);
  io.out(`run it: cd ${dir} && python3 train.py   (data-parallel: torchrun --standalone --nproc_per_node N train.py)`);
  if (input.epochOrders.length < input.training.epochs) io.err(`spikelab export: Spikelab's sample order is exported for ${input.epochOrders.length} of ${input.training.epochs} epochs (the rest would pass ${(input.training.epochs * input.split.trainIdx.length).toExponential(1)} indices); later epochs shuffle with PyTorch's generator`);
  return EXIT.ok;
}
