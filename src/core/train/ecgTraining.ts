import { DS1_RECORDS } from '../data/datasets/aami.ts';
import { cutBeats, splitInterPatient, splitIntraPatient, type Beat, type BeatWindow } from '../data/datasets/ecgBeats.ts';
import type { Signal } from '../data/signal.ts';
import { syntheticEcgBeats } from '../data/synth/syntheticDatasets.ts';
import { SpecError } from '../errors.ts';
import { createRng } from '../rng.ts';
import type { Workspace } from '../spec/workspace.ts';
import { beatSet } from './beatSet.ts';
import { trainingSchema, type TrainingConfig } from './config.ts';
import type { LabelledSet } from './trainer.ts';

/** A record to cut beats from (MIT-BIH, read by the caller). */
export interface NamedRecord {
  readonly name: string;
  readonly signal: Signal;
}

/** Train and test sets of a workspace, and where they came from. */
export interface EcgSets {
  readonly train: LabelledSet;
  readonly test: LabelledSet;
  /** Step length of the encoded beats, ms. */
  readonly dtMs: number;
  readonly description: string;
  readonly config: TrainingConfig;
}

/** The beat window a training config cuts (leads beyond a record's channels are an error there). */
export function beatWindowOf(cfg: TrainingConfig): BeatWindow {
  return { beforeS: cfg.dataset.beforeS, afterS: cfg.dataset.afterS, channel: 0, leads: cfg.dataset.leads };
}

/** Step length of encoded beats, ms: a decimated sample, or 1 ms for a held window (no clock of its own, as in the page's run). */
export function beatStepMs(cfg: TrainingConfig, samplingHz: number): number {
  return cfg.dataset.input === 'window' ? 1 : (1000 * cfg.dataset.decimate) / samplingHz;
}

/** Encodes beats with the workspace's encoder and the dataset's decimation. */
export function encodeBeats(ws: Workspace, beats: readonly Beat[], purpose: string): LabelledSet {
  const cfg = ws.training ?? trainingSchema.parse({});
  const d = cfg.dataset;
  return beatSet(beats, { decimate: d.decimate, encoder: ws.encoder, input: d.input, rrFeatures: d.rrFeatures, steps: d.steps }, createRng(ws.seed, purpose));
}

/**
 * Builds the sets a workspace trains on. Without records: synthetic beats (its generator, seeded),
 * tested on fresh synthetic beats. With MIT-BIH records: intra-patient (beats shuffled, 80/20) or
 * inter-patient (DS1 records train, the others test) as `training.dataset.split` says.
 */
export function ecgTrainingSets(ws: Workspace, records?: readonly NamedRecord[]): EcgSets {
  const cfg = ws.training ?? trainingSchema.parse({});
  const hz = records?.[0]?.signal.samplingHz ?? 360;
  const dtMs = beatStepMs(cfg, hz);
  const short = records?.find((r) => r.signal.channels.length < cfg.dataset.leads);
  if (short) throw new SpecError([{ path: 'training.dataset.leads', message: `${cfg.dataset.leads} leads asked for, but record ${short.name} has ${short.signal.channels.length}` }]);
  if (!records || records.length === 0) {
    const beats = syntheticEcgBeats(cfg.dataset.beats, createRng(ws.seed, 'train-beats'), undefined, beatWindowOf(cfg));
    const test = syntheticEcgBeats(Math.max(50, Math.round(cfg.dataset.beats / 4)), createRng(ws.seed + 1, 'test-beats'), undefined, beatWindowOf(cfg));
    return { train: encodeBeats(ws, beats, 'train'), test: encodeBeats(ws, test, 'test'), dtMs, description: `${beats.length} synthetic beats, tested on ${test.length} new ones`, config: cfg };
  }
  const all = records.flatMap((r) => cutBeats(r.name, r.signal, beatWindowOf(cfg)));
  const split =
    cfg.dataset.split === 'intra'
      ? splitIntraPatient(all, createRng(ws.seed, 'split'))
      : splitInterPatient(all, records.map((r) => r.name).filter((n) => !(DS1_RECORDS as readonly string[]).includes(n)));
  const limit = (b: readonly Beat[]) => b.slice(0, cfg.dataset.beats);
  return {
    train: encodeBeats(ws, limit(split.train), 'train'),
    test: encodeBeats(ws, split.test, 'test'),
    dtMs,
    description: `${records.length} records, ${cfg.dataset.split}-patient split: ${Math.min(split.train.length, cfg.dataset.beats)} training beats, ${split.test.length} test beats`,
    config: cfg,
  };
}
