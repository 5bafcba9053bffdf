import { MITBIH_HZ } from '../data/datasets/aami.ts';
import { cutBeats } from '../data/datasets/ecgBeats.ts';
import { syntheticEcgBeats } from '../data/synth/syntheticDatasets.ts';
import { fixedSourceStepMs } from '../data/sources/index.ts';
import { SpecError } from '../errors.ts';
import { inferShapes, shapeSize } from '../network/shapes.ts';
import { createRng } from '../rng.ts';
import type { Workspace } from '../spec/workspace.ts';
import { digitSet, encodeDigitFiles } from '../trainingSets/audioFileSets.ts';
import type { TrainingConfig } from '../spec/trainingConfig.ts';
import { beatSourceHz, beatStepMs, beatWindowOf, beatsOf, encodeBeats } from '../data/datasets/beatEncoding.ts';
import type { NamedRecord } from '../trainingSets/ecgTraining.ts';
import { eventSet, type LabelledEvents } from '../trainingSets/eventFileSets.ts';
import { sourceClassSets } from '../trainingSets/sourceClassSets.ts';
import type { LabelledSet } from './trainer.ts';
import type { TrainingData } from '../trainingSets/workspaceSets.ts';

/** What a saved model is scored on, and a sentence saying how many files and samples that is. */
export interface ScoringSet {
  readonly set: LabelledSet;
  /** Step length of the encoded samples, ms. */
  readonly dtMs: number;
  /** Labelled samples scored. */
  readonly samples: number;
  /** Files they came from (0 for generated samples). */
  readonly files: number;
  readonly description: string;
}

type Scorer<D> = (ws: Workspace, cfg: TrainingConfig, classes: number, data: D) => ScoringSet;

/** Every beat of every record: a record is scored whole, whatever split trained the model. */
const scoreBeatRecords: Scorer<readonly NamedRecord[]> = (ws, cfg, _classes, records) => {
  const d = beatsOf(cfg);
  const short = records.find((r) => r.signal.channels.length < d.leads);
  if (short) throw new SpecError([{ path: 'training.dataset.leads', message: `the model cuts ${d.leads} leads per beat, but record ${short.name} has ${short.signal.channels.length}` }]);
  const beats = records.flatMap((r) => cutBeats(r.name, r.signal, beatWindowOf(cfg)));
  if (beats.length === 0) throw new SpecError([{ path: 'data', message: `no annotated beat in the ${records.length} records given (WFDB records with their .atr annotations are scored)` }]);
  return { set: encodeBeats(ws, beats, 'test'), dtMs: beatStepMs(cfg, records[0]?.signal.samplingHz ?? MITBIH_HZ), samples: beats.length, files: records.length, description: `${beats.length} beats of ${records.length} record${records.length === 1 ? '' : 's'}` };
};

/** Every WAV digit given, of however many speakers. */
const scoreDigitFiles: Scorer<readonly NamedRecord[]> = (ws, _cfg, _classes, files) => {
  const { digits, steps, neurons, dtMs } = encodeDigitFiles(ws, files);
  const speakers = new Set(digits.map((x) => x.speaker)).size;
  return { set: digitSet(digits, steps, neurons), dtMs, samples: digits.length, files: files.length, description: `${digits.length} spoken digits of ${speakers} speaker${speakers === 1 ? '' : 's'}` };
};

/** Recordings (signals) by what the model was trained on: heartbeats or spoken digits. */
const RECORD_SCORERS: Readonly<Record<TrainingConfig['dataset']['kind'], Scorer<readonly NamedRecord[]>>> = {
  'ecg-beats': scoreBeatRecords,
  'source-classes': scoreDigitFiles,
};

/** The folder's own test list where it has one (test*.txt), else every labelled recording. */
const scoreEventFiles: Scorer<readonly LabelledEvents[]> = (ws, _cfg, classes, samples) => {
  const listed = samples.filter((s) => s.test);
  const scored = listed.length > 0 ? listed : samples;
  const over = scored.find((s) => s.label >= classes);
  if (over) throw new SpecError([{ path: 'data', message: `${over.name} is labelled ${over.label}, but the model has ${classes} classes (0–${classes - 1})` }]);
  // eventSet refuses a source other than an event file, whose step the source registry gives.
  return { set: eventSet(ws, scored, classes), dtMs: fixedSourceStepMs(ws), samples: scored.length, files: scored.length, description: `${scored.length} event recordings (${listed.length > 0 ? 'the test list of the folder' : 'every labelled one'})` };
};

/** Given data, by its kind. */
const DATA_SCORERS: { readonly [K in TrainingData['kind']]: Scorer<Extract<TrainingData, { kind: K }>> } = {
  signals: (ws, cfg, classes, data) => RECORD_SCORERS[cfg.dataset.kind](ws, cfg, classes, data.records),
  events: (ws, cfg, classes, data) => scoreEventFiles(ws, cfg, classes, data.samples),
};

/** Without data: the samples training tested on, generated again from the same seeds. */
const BUILT_IN_SCORERS: Readonly<Record<TrainingConfig['dataset']['kind'], Scorer<undefined>>> = {
  'ecg-beats': (ws, cfg) => {
    const d = beatsOf(cfg);
    const hz = beatSourceHz(ws);
    const beats = syntheticEcgBeats(Math.max(50, Math.round(d.beats / 4)), createRng(ws.seed + 1, 'test-beats'), undefined, beatWindowOf(cfg), hz);
    return { set: encodeBeats(ws, beats, 'test'), dtMs: beatStepMs(cfg, hz), samples: beats.length, files: 0, description: `${beats.length} synthetic test beats` };
  },
  'source-classes': (ws, cfg) => {
    if (cfg.dataset.kind !== 'source-classes') throw new Error('unreachable: looked up by kind');
    const { test, dtMs } = sourceClassSets(ws, cfg.dataset);
    return { set: test, dtMs, samples: test.labels.length, files: 0, description: `${test.labels.length} ${ws.data.kind} test samples` };
  },
};

/**
 * What `eval` scores: every labelled sample it is given and nothing else. It never splits — a
 * folder of one speaker, one record or one digit is scored whole (an N-MNIST folder's own test
 * list stands for the folder). Without data, the built-in test samples are generated again.
 * `classes` is the model's class count; the samples must fit its input layer.
 */
export function scoringSet(ws: Workspace, cfg: TrainingConfig, classes: number, data?: TrainingData): ScoringSet {
  const scored = data ? (DATA_SCORERS[data.kind] as Scorer<TrainingData>)(ws, cfg, classes, data) : BUILT_IN_SCORERS[cfg.dataset.kind](ws, cfg, classes, undefined);
  const inputs = shapeSize(inferShapes(ws.network).shapes[0] ?? [0]);
  if (scored.samples === 0) throw new SpecError([{ path: 'data', message: 'there is no labelled sample to score' }]);
  if (scored.set.neurons !== inputs) throw new SpecError([{ path: 'network.layers[0].shape', message: `the samples have ${scored.set.neurons} inputs per step but the model's input layer has ${inputs} (recordings at another rate or size?)` }]);
  return { ...scored, set: { ...scored.set, classes } };
}
