import { melSignal } from '../data/builtinSources.ts';
import type { Signal } from '../data/signal.ts';
import { encodeSignal } from '../encoders/index.ts';
import { SpecError } from '../errors.ts';
import { createRng } from '../rng.ts';
import type { Workspace } from '../spec/workspace.ts';
import type { NamedRecord } from './ecgTraining.ts';
import type { LabelledSet } from './trainer.ts';

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

/**
 * Spoken digits from WAV files named DIGIT_SPEAKER_INDEX.wav, through the workspace's audio front
 * end (its duration, its mel bands, its encoder) exactly as the page treats its synthetic digit.
 * 'inter' holds out one whole speaker (`heldOut`, else the last by name) for testing, 'intra' uses
 * FSDD's own split (takes 0–4 of every speaker test, the rest train).
 */
export function audioFileSets(ws: Workspace, files: readonly NamedRecord[], split: 'intra' | 'inter', heldOut?: string): { train: LabelledSet; test: LabelledSet; dtMs: number; classes: string[]; description: string } {
  if (ws.data.kind !== 'synthetic-audio') throw new SpecError([{ path: 'data.kind', message: `WAV digits train a workspace whose source is 'synthetic-audio', not '${ws.data.kind}'` }]);
  const { durationS, bands } = ws.data;
  const named = files.map((f) => ({ f, id: parseDigitFileName(f.name) }));
  const bad = named.find((x) => !x.id);
  if (bad) throw new SpecError([{ path: 'data', message: `'${bad.f.name}' is not named DIGIT_SPEAKER_INDEX.wav (e.g. 7_jackson_32.wav): its digit is unknown` }]);
  const speakers = [...new Set(named.map((x) => x.id?.speaker ?? ''))].sort();
  const held = heldOut ?? speakers.at(-1) ?? '';
  if (split === 'inter' && speakers.length < 2) throw new SpecError([{ path: 'training.dataset.split', message: `a speaker-held-out split needs two speakers or more; found ${speakers.join(', ')}` }]);
  if (split === 'inter' && !speakers.includes(held)) throw new SpecError([{ path: 'training.dataset.heldOut', message: `no recording of speaker '${held}' to hold out; the speakers are ${speakers.join(', ')}` }]);
  const isTest = (id: { speaker: string; index: number }) => (split === 'inter' ? id.speaker === held : id.index < 5);
  const sets = { train: [] as { x: Float32Array; y: number }[], test: [] as { x: Float32Array; y: number }[] };
  let steps = 0;
  let neurons = 0;
  let dtMs = 10;
  for (const { f, id } of named) {
    if (!id) continue;
    const mel = melSignal(fitDuration(f.signal, durationS), bands);
    const e = encodeSignal(mel, ws.encoder, createRng(ws.seed, `wav-${f.name}`));
    steps = e.steps;
    neurons = e.neurons;
    dtMs = 1000 / mel.samplingHz;
    (isTest(id) ? sets.test : sets.train).push({ x: e.values, y: id.digit });
  }
  const toSet = (s: { x: Float32Array; y: number }[]): LabelledSet => ({ inputs: s.map((v) => v.x), labels: Int32Array.from(s, (v) => v.y), steps, neurons, classes: 10 });
  const how = split === 'inter' ? `speaker ${held} held out` : "FSDD's split (takes 0–4 test)";
  return { train: toSet(sets.train), test: toSet(sets.test), dtMs, classes: ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'], description: `${files.length} recordings of ${speakers.length} speakers, ${how}: ${sets.train.length} training, ${sets.test.length} test` };
}
