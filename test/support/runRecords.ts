import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseWorkspace } from '../../src/core/spec/parseWorkspace.ts';
import type { RunRecord } from '../../src/core/spec/runRecord.ts';
import type { Workspace } from '../../src/core/spec/workspace.ts';
import { makeRunRecord } from '../../src/core/train/runLog.ts';
import { runSettingsOf } from '../../src/core/train/runSettings.ts';
import type { EpochReport } from '../../src/core/train/trainer.ts';
import { PRESETS_DIR } from './presets.ts';

/** The synthetic-ECG preset: a trainable workspace. */
export function ecgWorkspace(): Workspace {
  return parseWorkspace(JSON.parse(readFileSync(join(PRESETS_DIR, 'ecg-synthetic.workspace.json'), 'utf8')));
}

/** An epoch report with these accuracies (loss falling with the epoch). */
export function epochReport(epoch: number, valAccuracy: number): EpochReport {
  return { epoch, loss: 1 / epoch, valLoss: 1.2 / epoch, trainAccuracy: valAccuracy, valAccuracy, rate: 0.05, layerSpikes: { lif1: 30, out: 4 }, msPerBatch: 10 };
}

/** A run of `ws` (default: the ECG preset) with this seed, start and test accuracy, all its epochs trained (or `epochs`), the last the best. */
export function runOf(o: { seed: number; startedAt: number; accuracy: number; ws?: Workspace; joules?: number | null; epochs?: number }): RunRecord {
  const ws = o.ws ?? ecgWorkspace();
  const settings = runSettingsOf(ws, 'the BPTT kernel');
  if (!settings) throw new Error('the workspace does not train');
  const n = o.epochs ?? settings.epochs;
  const joules = o.joules === undefined ? 4.2e-6 : o.joules;
  return makeRunRecord({
    id: `run-${o.seed}-${o.startedAt}`,
    seed: o.seed,
    startedAt: o.startedAt,
    settings,
    history: Array.from({ length: n }, (_, i) => epochReport(i + 1, 0.5 + i * 0.1)),
    bestEpoch: n - 1,
    test: { accuracy: o.accuracy, macroF1: o.accuracy - 0.1, perClass: [], confusion: [] },
    cancelled: false,
    energy: joules === null ? { chip: 'loihi', joules: null, reason: 'the network needs 3 cores, the chip has 2' } : { chip: 'loihi', joules },
  });
}
