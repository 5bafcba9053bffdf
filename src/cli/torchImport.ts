import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { torchResultModel } from '../core/export/torch/torchResult.ts';
import { parseModel, serializeModel } from '../core/train/modelFile.ts';
import { EXIT, UsageError, type CliIo } from './io.ts';
import { loadPreset, loadWorkspaceFile } from './loadWorkspace.ts';

/**
 * `spikelab import --torch RESULT (--workspace FILE | --preset NAME) --out MODEL.json`: an exported project's trained
 * weights as a Spikelab model of that workspace (what `spikelab train --out` writes). The model is
 * checked as any model file is read before it is written; on any error nothing is written.
 */
export async function torchImportCommand(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, options: { torch: { type: 'string' }, workspace: { type: 'string' }, preset: { type: 'string' }, out: { type: 'string' } }, allowPositionals: true, strict: true });
  if (positionals.length > 0) throw new UsageError(`unexpected argument '${positionals[0]}'`);
  if (!values.torch) throw new UsageError('--torch RESULT (the trained.safetensors train.py wrote) is required');
  if ((values.workspace === undefined) === (values.preset === undefined)) throw new UsageError('give the workspace that was exported: --workspace FILE or --preset NAME');
  if (!values.out) throw new UsageError('--out MODEL.json is required');
  const ws = values.workspace !== undefined ? loadWorkspaceFile(values.workspace) : loadPreset(values.preset ?? '');
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(readFileSync(values.torch));
  } catch (e) {
    throw new UsageError(`cannot read '${values.torch}': ${(e as { code?: string }).code === 'ENOENT' ? 'no such file' : String(e)}`);
  }
  const { model, report } = torchResultModel(bytes, values.torch, ws);
  const text = serializeModel(model);
  // Read back as `spikelab eval` and the page will: a model that would be refused is not written.
  parseModel(text);
  writeFileSync(values.out, text);
  if (!report.sameNetwork) io.err(`spikelab import: the result was trained for another network than this workspace's (the shapes match, a node's parameters differ): is --workspace the one that was exported?`);
  io.out(`wrote ${values.out}: weights of ${Object.keys(model.weights).join(', ')}; PyTorch reported test accuracy ${(100 * report.testAccuracy).toFixed(2)} % (best epoch ${report.bestEpoch + 1} of ${report.epochs}, ${report.processes} process${report.processes === 1 ? '' : 'es'}); check it: spikelab eval --model ${values.out}`);
  return EXIT.ok;
}
