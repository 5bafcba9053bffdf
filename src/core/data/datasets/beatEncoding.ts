import { MITBIH_HZ } from './aami.ts';
import type { BeatWindow, Beat } from './ecgBeats.ts';
import { beatSet } from './beatSet.ts';
import type { LabelledSet } from './labelledSet.ts';
import { SpecError } from '../../errors.ts';
import { createRng, type Rng } from '../../rng.ts';
import { ecgDataset, trainingSchema, type EcgBeatsDataset, type TrainingConfig } from '../../spec/trainingConfig.ts';
import type { Workspace } from '../../spec/workspace.ts';
import { HELD_STEP_MS } from '../stepLength.ts';

/** Sampling rate of a workspace's beats before any record is read: its synthetic ECG's, else MIT-BIH's. */
export function beatSourceHz(ws: Pick<Workspace, 'data'>): number {
  return ws.data.kind === 'synthetic-ecg' ? ws.data.samplingHz : MITBIH_HZ;
}

/** The heartbeat dataset of a config; a SpecError if it trains on something else. */
export function beatsOf(cfg: TrainingConfig): EcgBeatsDataset {
  const d = ecgDataset(cfg);
  if (!d) throw new SpecError([{ path: 'training.dataset.kind', message: `this needs heartbeats ('ecg-beats'), not '${cfg.dataset.kind}'` }]);
  return d;
}

/** The beat window a training config cuts (leads beyond a record's channels are an error there). */
export function beatWindowOf(cfg: TrainingConfig): BeatWindow {
  const d = beatsOf(cfg);
  return { beforeS: d.beforeS, afterS: d.afterS, channel: 0, leads: d.leads };
}

/** Step length of encoded beats, ms: a decimated sample, or 1 ms for a held window (no clock of its own, as in the page's run). */
export function beatStepMs(cfg: TrainingConfig, samplingHz: number): number {
  const d = beatsOf(cfg);
  return d.input === 'window' ? HELD_STEP_MS : (1000 * d.decimate) / samplingHz;
}

/** Encodes beats with the workspace's encoder and the dataset's decimation. */
export function encodeBeats(ws: Workspace, beats: readonly Beat[], purpose: string | Rng): LabelledSet {
  const cfg = ws.training ?? trainingSchema.parse({});
  const d = beatsOf(cfg);
  return beatSet(beats, { decimate: d.decimate, encoder: ws.encoder, input: d.input, rrFeatures: d.rrFeatures, steps: d.steps }, typeof purpose === 'string' ? createRng(ws.seed, purpose) : purpose);
}
