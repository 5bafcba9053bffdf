import { DS1_RECORDS, DS2_RECORDS } from '../data/datasets/aami.ts';
import { cutBeats, splitInterPatient, splitIntraPatient, type Beat } from '../data/datasets/ecgBeats.ts';
import type { Signal } from '../data/signal.ts';
import { syntheticEcgBeats } from '../data/synth/syntheticDatasets.ts';
import { SpecError } from '../errors.ts';
import { createRng } from '../rng.ts';
import type { Workspace } from '../spec/workspace.ts';
import { beatSourceHz, beatStepMs, beatsOf, beatWindowOf, encodeBeats } from '../data/datasets/beatEncoding.ts';
import { trainingSchema, type TrainingConfig } from '../spec/trainingConfig.ts';
import type { LabelledSet } from '../data/datasets/labelledSet.ts';

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

/**
 * Builds the sets a workspace trains on. Without records: synthetic beats (its generator, seeded),
 * tested on fresh synthetic beats. With MIT-BIH records: intra-patient (beats shuffled, 80/20) or
 * inter-patient (DS1 records train, the others test) as `training.dataset.split` says.
 */
export function ecgTrainingSets(ws: Workspace, records?: readonly NamedRecord[]): EcgSets {
  const cfg = ws.training ?? trainingSchema.parse({});
  // Synthetic beats are made at the workspace source's rate, so their width is the one the page feeds.
  const synthHz = beatSourceHz(ws);
  const hz = records?.[0]?.signal.samplingHz ?? synthHz;
  const dtMs = beatStepMs(cfg, hz);
  const d = beatsOf(cfg);
  const short = records?.find((r) => r.signal.channels.length < d.leads);
  if (short) throw new SpecError([{ path: 'training.dataset.leads', message: `${d.leads} leads asked for, but record ${short.name} has ${short.signal.channels.length}` }]);
  if (!records || records.length === 0) {
    const beats = syntheticEcgBeats(d.beats, createRng(ws.seed, 'train-beats'), undefined, beatWindowOf(cfg), synthHz);
    const test = syntheticEcgBeats(Math.max(50, Math.round(d.beats / 4)), createRng(ws.seed + 1, 'test-beats'), undefined, beatWindowOf(cfg), synthHz);
    return { train: encodeBeats(ws, beats, 'train'), test: encodeBeats(ws, test, 'test'), dtMs, description: `${beats.length} synthetic beats, tested on ${test.length} new ones`, config: cfg };
  }
  // Inter-patient follows de Chazal (2004): DS1 trains, DS2 tests, the paced records are in neither.
  const ds1 = new Set<string>(DS1_RECORDS);
  const ds2 = new Set<string>(DS2_RECORDS);
  const used = d.split === 'intra' ? records : records.filter((r) => ds1.has(r.name) || ds2.has(r.name));
  if (d.split === 'inter' && (!used.some((r) => ds1.has(r.name)) || !used.some((r) => ds2.has(r.name))))
    throw new SpecError([{ path: 'training.dataset.split', message: `the inter-patient split needs MIT-BIH records of both DS1 (e.g. 101, 106) and DS2 (e.g. 100, 103); got ${records.map((r) => r.name).join(', ')}` }]);
  const all = used.flatMap((r) => cutBeats(r.name, r.signal, beatWindowOf(cfg)));
  const split = d.split === 'intra' ? splitIntraPatient(all, createRng(ws.seed, 'split')) : splitInterPatient(all, used.map((r) => r.name).filter((n) => ds2.has(n)));
  const limit = (b: readonly Beat[]) => b.slice(0, d.beats);
  return {
    train: encodeBeats(ws, limit(split.train), 'train'),
    test: encodeBeats(ws, split.test, 'test'),
    dtMs,
    description: `${used.length} records, ${d.split}-patient split${d.split === 'inter' ? ' (DS1 → DS2)' : ''}: ${Math.min(split.train.length, d.beats)} training beats, ${split.test.length} test beats`,
    config: cfg,
  };
}
