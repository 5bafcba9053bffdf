// The trained weights an exported project saves (train.py: trained.safetensors), read back into
// a Spikelab model for its workspace: every tensor the network trains present, of its shape,
// finite, and nothing else; classes from the project. Anything wrong is an error, and no model.

import { DataFormatError, SpecError } from '../../errors.ts';
import { firstNonFinite, weightShapes, type NetworkWeights } from '../../network/weights.ts';
import type { Workspace } from '../../spec/workspace.ts';
import type { ModelFile } from '../../train/modelFile.ts';
import { readSafetensors } from './safetensors.ts';
import { networkFingerprint } from './torchProject.ts';

/** What PyTorch reported with the weights (the result's metadata). */
export interface TorchResultReport {
  readonly testAccuracy: number;
  readonly bestEpoch: number;
  readonly epochs: number;
  readonly firstLoss: number;
  readonly processes: number;
  readonly torch: string;
  /** False when the result was trained for a network other than this workspace's (same shapes, other parameters). */
  readonly sameNetwork: boolean;
}

/** Reads a result file's bytes as a model of `ws` (the workspace exported), with what PyTorch reported. */
export function torchResultModel(bytes: Uint8Array, file: string, ws: Workspace): { model: ModelFile; report: TorchResultReport } {
  const { tensors, metadata } = readSafetensors(bytes, file);
  const bad = (field: string, reason: string): never => {
    throw new DataFormatError(file, field, 8, reason);
  };
  if (metadata['format'] !== 'spikelab-torch-result') bad('__metadata__.format', `'${metadata['format'] ?? '(none)'}', not 'spikelab-torch-result': this is not a result of an exported project's train.py`);
  let classes: unknown;
  try {
    classes = JSON.parse(metadata['classes'] ?? '');
  } catch {
    bad('__metadata__.classes', 'not a JSON list of class names');
  }
  if (!Array.isArray(classes) || !classes.every((c) => typeof c === 'string')) return bad('__metadata__.classes', 'not a JSON list of class names');
  const expected = weightShapes(ws.network);
  const issues: { path: string; message: string }[] = [];
  const weights: Record<string, { shape: number[]; values: Float32Array }> = {};
  for (const [name, shape] of Object.entries(expected)) {
    const t = tensors.get(name);
    if (!t) {
      issues.push({ path: `weights.${name}`, message: `the result has no tensor '${name}' (it holds ${[...tensors.keys()].join(', ') || 'none'})` });
      continue;
    }
    if (t.shape.join(',') !== shape.join(',')) {
      issues.push({ path: `weights.${name}`, message: `'${name}' is [${t.shape.join(', ')}] in the result but [${shape.join(', ')}] in the workspace's network (another workspace's result?)` });
      continue;
    }
    const at = firstNonFinite(t.values);
    if (at >= 0) {
      issues.push({ path: `weights.${name}`, message: `'${name}' value ${at} is ${t.values[at]}: training diverged; weights must be finite` });
      continue;
    }
    weights[name] = { shape, values: t.values };
  }
  for (const name of tensors.keys()) if (!Object.hasOwn(expected, name)) issues.push({ path: `weights.${name}`, message: `the result has a tensor '${name}' that the workspace's network does not (another workspace's result?)` });
  if (issues.length > 0) throw new SpecError(issues);
  const num = (k: string): number => Number(metadata[k]);
  const report: TorchResultReport = { testAccuracy: num('test_accuracy'), bestEpoch: num('best_epoch'), epochs: num('epochs'), firstLoss: num('first_loss'), processes: num('processes'), torch: metadata['torch'] ?? '?', sameNetwork: metadata['network_sha256'] === undefined || metadata['network_sha256'] === networkFingerprint(ws.network) };
  const metrics = { trained_with: `PyTorch ${report.torch}, ${report.processes} process${report.processes === 1 ? '' : 'es'} (spikelab export --torch)`, torch_test_accuracy: report.testAccuracy, best_epoch: report.bestEpoch, epochs: report.epochs, first_loss: report.firstLoss };
  return { model: { workspace: ws, classes: classes as string[], weights: weights as NetworkWeights, metrics }, report };
}
