import { AAMI_CLASSES } from '../data/datasets/aami.ts';
import type { LabelledSet } from '../data/datasets/labelledSet.ts';
import { MissingFileError } from '../data/fileSources.ts';
import { SpecError } from '../errors.ts';
import type { TrainingConfig } from '../spec/trainingConfig.ts';
import type { Workspace } from '../spec/workspace.ts';
import { audioFileSets } from './audioFileSets.ts';
import { ecgTrainingSets, type NamedRecord } from './ecgTraining.ts';
import { eventFileSets, type LabelledEvents } from './eventFileSets.ts';
import { sourceClassSets } from './sourceClassSets.ts';

/** Recordings read from a folder for training: signals (WFDB heartbeats, WAV digits) or labelled event recordings. */
export type TrainingData = { readonly kind: 'signals'; readonly records: readonly NamedRecord[] } | { readonly kind: 'events'; readonly samples: readonly LabelledEvents[] };

/** The labelled sets a workspace trains on, with its class names. */
export function trainingSets(ws: Workspace, cfg: TrainingConfig, data?: TrainingData): { train: LabelledSet; test: LabelledSet; dtMs: number; classes: readonly string[]; description: string } {
  if (data?.kind === 'events') return eventFileSets(ws, data.samples);
  const records = data?.records;
  if (cfg.dataset.kind === 'source-classes') {
    if (!records) {
      // A file source has no classes to generate from: the recordings themselves must be given.
      if ('file' in ws.data) throw new MissingFileError(ws.data.file, ws.data.checksum);
      return sourceClassSets(ws, cfg.dataset);
    }
    if (ws.data.kind === 'synthetic-audio') return audioFileSets(ws, records, cfg.dataset.split, cfg.dataset.heldOut);
    throw new SpecError([{ path: 'training.dataset.kind', message: `recordings (--data) stand in for a spoken-digit source only; this workspace's source is '${ws.data.kind}'` }]);
  }
  return { ...ecgTrainingSets(ws, records), classes: AAMI_CLASSES };
}
