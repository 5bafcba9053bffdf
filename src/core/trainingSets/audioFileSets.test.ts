import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseWorkspace } from '../spec/parseWorkspace.ts';
import { audioFileSets, parseDigitFileName } from './audioFileSets.ts';
import type { NamedRecord } from './ecgTraining.ts';

const ws = parseWorkspace(JSON.parse(readFileSync('public/presets/audio-digits.workspace.json', 'utf8')));

/** A 0.6 s tone at 8 kHz per file; its pitch follows the digit and the speaker, so every file's input differs. */
function recording(name: string): NamedRecord {
  const id = parseDigitFileName(name);
  const n = 4800;
  const values = Float32Array.from({ length: n }, (_, t) => 0.3 * Math.sin((2 * Math.PI * (200 + 100 * (id?.digit ?? 0) + 7 * (id?.speaker.length ?? 0)) * t) / 8000));
  return { name, signal: { samplingHz: 8000, channels: ['mono'], unit: '', length: n, values, annotations: [] } };
}

const speakers = ['george', 'jackson', 'theo'];
const files = speakers.flatMap((s) => [0, 1, 2].flatMap((digit) => [0, 7].map((take) => recording(`${digit}_${s}_${take}.wav`))));

describe('spoken digits from FSDD-named WAV files', () => {
  it('parses DIGIT_SPEAKER_INDEX names and refuses others by name', () => {
    expect(parseDigitFileName('7_jackson_32.wav')).toEqual({ digit: 7, speaker: 'jackson', index: 32 });
    expect(parseDigitFileName('jackson_7.wav')).toBeUndefined();
    expect(() => audioFileSets(ws, [...files, recording('hello.wav')], 'inter')).toThrow(/'hello.wav' is not named DIGIT_SPEAKER_INDEX.wav/);
  });

  it("'inter' holds out the last speaker by name, or the one asked for", () => {
    const last = audioFileSets(ws, files, 'inter');
    expect(last.description).toContain('speaker theo held out');
    expect([last.train.labels.length, last.test.labels.length]).toEqual([12, 6]);
    const george = audioFileSets(ws, files, 'inter', 'george');
    expect(george.description).toContain('speaker george held out');
    expect([george.train.labels.length, george.test.labels.length]).toEqual([12, 6]);
    // The held-out speaker's samples are george's: the same inputs as george's files alone give.
    const alone = audioFileSets(ws, files.filter((f) => f.name.includes('_george_')), 'intra');
    const georgeInputs = [...alone.train.inputs, ...alone.test.inputs].map((x) => Array.from(x).join());
    expect(george.test.inputs.every((x) => georgeInputs.includes(Array.from(x).join()))).toBe(true);
    expect(last.test.inputs.some((x) => georgeInputs.includes(Array.from(x).join()))).toBe(false);
    expect(Array.from(george.test.labels)).toEqual([0, 0, 1, 1, 2, 2]);
  });

  it("'intra' takes FSDD's split: takes 0–4 test, the rest train", () => {
    const sets = audioFileSets(ws, files, 'intra');
    expect([sets.train.labels.length, sets.test.labels.length]).toEqual([9, 9]);
  });

  it('refuses a speaker who is not in the files, naming the speakers there', () => {
    expect(() => audioFileSets(ws, files, 'inter', 'lucas')).toThrow("no recording of speaker 'lucas' to hold out; the speakers are george, jackson, theo");
  });
});
