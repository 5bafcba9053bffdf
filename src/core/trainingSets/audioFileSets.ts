import { quoteInput } from '../format/inputText.ts';
import { melSignal } from '../data/builtinSources.ts';
import { DIGIT_CLASSES, SYNTHETIC_AUDIO_STEP_MS } from '../data/sources/syntheticAudio.ts';
import { signalStepMs } from '../data/stepLength.ts';
import type { Signal } from '../data/signal.ts';
import { encodeSignal } from '../encoders/index.ts';
import { SpecError } from '../errors.ts';
import { createRng } from '../rng.ts';
import type { Workspace } from '../spec/workspace.ts';
import type { NamedRecord } from './ecgTraining.ts';
import type { LabelledSet } from '../data/datasets/labelledSet.ts';

/** Digit, speaker and take of a file named as the Free Spoken Digit Dataset does: `7_jackson_32.wav`. */
export function parseDigitFileName(name: string): { digit: number; speaker: string; index: number } | undefined {
  const m = /^([0-9])_([A-Za-z0-9-]+)_([0-9]+)(\.wav)?$/i.exec(name);
  return m ? { digit: Number(m[1]), speaker: m[2] ?? '', index: Number(m[3]) } : undefined;
}

/** The middle `durationS` of a mono recording, zero-padded on both sides when shorter. */
export function fitDuration(signal: Signal, durationS: number): Signal {
  const n = Math.round(durationS * signal.samplingHz);
  const values = new Float32Array(n);
  const src = signal.values;
  const c = signal.channels.length;
  const offset = Math.floor((signal.length - n) / 2);
  for (let i = 0; i < n; i++) {
    const t = i + offset;
    if (t >= 0 && t < signal.length) values[i] = src[t * c] as number;
  }
  return { ...signal, channels: [signal.channels[0] ?? 'mono'], length: n, values, annotations: [] };
}

/** One WAV digit through the workspace's front end: its encoded input, digit, speaker and take. */
export interface EncodedDigit {
  readonly x: Float32Array;
  readonly digit: number;
  readonly speaker: string;
  readonly index: number;
}

/**
 * Spoken digits from WAV files named DIGIT_SPEAKER_INDEX.wav, each through the workspace's audio
 * front end (its duration, its mel bands, its encoder, a seed of the file's own) exactly as the
 * page treats its synthetic digit: a file encodes the same whichever set it ends up in.
 */
export function encodeDigitFiles(ws: Workspace, files: readonly NamedRecord[]): { digits: EncodedDigit[]; steps: number; neurons: number; dtMs: number } {
  if (ws.data.kind !== 'synthetic-audio') throw new SpecError([{ path: 'data.kind', message: `WAV digits train a workspace whose source is 'synthetic-audio', not '${ws.data.kind}'` }]);
  const { durationS, bands } = ws.data;
  const named = files.map((f) => ({ f, id: parseDigitFileName(f.name) }));
  const bad = named.find((x) => !x.id);
  if (bad) throw new SpecError([{ path: 'data', message: `'${quoteInput(bad.f.name)}' is not named DIGIT_SPEAKER_INDEX.wav (e.g. 7_jackson_32.wav): its digit is unknown` }]);
  const digits: EncodedDigit[] = [];
  let steps = 0;
  let neurons = 0;
  // Without a file, the built-in digit's step: the same front end.
  let dtMs = SYNTHETIC_AUDIO_STEP_MS;
  for (const { f, id } of named) {
    if (!id) continue;
    const mel = melSignal(fitDuration(f.signal, durationS), bands);
    const e = encodeSignal(mel, ws.encoder, createRng(ws.seed, `wav-${f.name}`));
    steps = e.steps;
    neurons = e.neurons;
    dtMs = signalStepMs(mel);
    digits.push({ x: e.values, digit: id.digit, speaker: id.speaker, index: id.index });
  }
  return { digits, steps, neurons, dtMs };
}

/** Encoded digits as a labelled set of the ten digit classes. */
export function digitSet(digits: readonly EncodedDigit[], steps: number, neurons: number): LabelledSet {
  return { inputs: digits.map((d) => d.x), labels: Int32Array.from(digits, (d) => d.digit), steps, neurons, classes: DIGIT_CLASSES.length };
}

/**
 * Train and test sets of WAV digits (see `encodeDigitFiles`): 'inter' holds out one whole speaker
 * (`heldOut`, else the last by name) for testing, 'intra' uses FSDD's own split (takes 0–4 of
 * every speaker test, the rest train).
 */
export function audioFileSets(ws: Workspace, files: readonly NamedRecord[], split: 'intra' | 'inter', heldOut?: string): { train: LabelledSet; test: LabelledSet; dtMs: number; classes: string[]; description: string } {
  const { digits, steps, neurons, dtMs } = encodeDigitFiles(ws, files);
  const speakers = [...new Set(digits.map((d) => d.speaker))].sort();
  const held = heldOut ?? speakers.at(-1) ?? '';
  if (split === 'inter' && speakers.length < 2) throw new SpecError([{ path: 'training.dataset.split', message: `a speaker-held-out split needs two speakers or more; found ${speakers.join(', ')}` }]);
  if (split === 'inter' && !speakers.includes(held)) throw new SpecError([{ path: 'training.dataset.heldOut', message: `no recording of speaker '${quoteInput(held)}' to hold out; the speakers are ${speakers.join(', ')}` }]);
  const isTest = (d: EncodedDigit) => (split === 'inter' ? d.speaker === held : d.index < 5);
  const test = digits.filter(isTest);
  const train = digits.filter((d) => !isTest(d));
  const how = split === 'inter' ? `speaker ${held} held out` : "FSDD's split (takes 0–4 test)";
  return { train: digitSet(train, steps, neurons), test: digitSet(test, steps, neurons), dtMs, classes: [...DIGIT_CLASSES], description: `${files.length} recordings of ${speakers.length} speakers, ${how}: ${train.length} training, ${test.length} test` };
}
