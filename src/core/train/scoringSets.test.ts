import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { EventRecord } from '../data/formats/eventsRecord.ts';
import { parseWorkspace } from '../spec/parseWorkspace.ts';
import { audioFileSets } from '../trainingSets/audioFileSets.ts';
import { trainingSchema } from '../spec/trainingConfig.ts';
import type { NamedRecord } from '../trainingSets/ecgTraining.ts';
import type { LabelledEvents } from '../trainingSets/eventFileSets.ts';
import { scoringSet } from './scoringSets.ts';

const preset = (name: string) => parseWorkspace(JSON.parse(readFileSync(`public/presets/${name}.workspace.json`, 'utf8')));
const audio = preset('audio-digits');
const nmnist = preset('dvs-nmnist');
const cfgOf = (ws: ReturnType<typeof preset>) => ws.training ?? trainingSchema.parse({});

/** A 0.6 s tone at 8 kHz whose pitch follows the digit. */
function digitFile(name: string, digit: number): NamedRecord {
  const n = 4800;
  const values = Float32Array.from({ length: n }, (_, t) => 0.3 * Math.sin((2 * Math.PI * (200 + 100 * digit) * t) / 8000));
  return { name, signal: { samplingHz: 8000, channels: ['mono'], unit: '', length: n, values, annotations: [] } };
}

/** A few events on a 34×34 sensor, one per millisecond along a diagonal. */
function events(name: string, label: number, test: boolean): LabelledEvents {
  const n = 40;
  const e: EventRecord = { format: 'synthetic', file: name, width: 34, height: 34, x: Uint16Array.from({ length: n }, (_, i) => i % 34), y: Uint16Array.from({ length: n }, (_, i) => i % 34), p: new Uint8Array(n).fill(1), t: Float64Array.from({ length: n }, (_, i) => 1000 * i) };
  return { name, events: e, label, test };
}

describe('scoringSet: what eval scores', () => {
  it('takes every WAV digit of a single speaker, where training would need two to hold one out', () => {
    const files = [0, 1, 2, 3].map((d) => digitFile(`${d}_alice_${d}.wav`, d));
    expect(() => audioFileSets(audio, files, 'inter')).toThrow(/needs two speakers or more/);
    const s = scoringSet(audio, cfgOf(audio), 10, { kind: 'signals', records: files });
    expect([s.samples, s.files, [...s.set.labels]]).toEqual([4, 4, [0, 1, 2, 3]]);
    expect(s.set.classes).toBe(10);
    expect(s.description).toBe('4 spoken digits of 1 speaker');
  });

  it('encodes a digit exactly as training tests it, so eval on the held-out files reproduces the test set', () => {
    const files = ['bob', 'carol'].flatMap((sp) => [0, 1].map((d) => digitFile(`${d}_${sp}_${d}.wav`, d)));
    const { test } = audioFileSets(audio, files, 'inter', 'carol');
    const s = scoringSet(audio, cfgOf(audio), 10, { kind: 'signals', records: files.filter((f) => f.name.includes('carol')) });
    expect(s.set.inputs).toEqual(test.inputs);
  });

  it("takes an event folder's test list when it has one, else every labelled recording", () => {
    const mixed = [events('a.bs2', 1, false), events('b.bs2', 2, true), events('c.bs2', 3, true)];
    expect([...scoringSet(nmnist, cfgOf(nmnist), 10, { kind: 'events', samples: mixed }).set.labels]).toEqual([2, 3]);
    const trainOnly = mixed.map((m) => ({ ...m, test: false }));
    const all = scoringSet(nmnist, cfgOf(nmnist), 10, { kind: 'events', samples: trainOnly });
    expect([all.samples, all.description]).toEqual([3, '3 event recordings (every labelled one)']);
  });

  it('refuses a label beyond the model’s classes and samples that do not fit its input, naming both', () => {
    expect(() => scoringSet(nmnist, cfgOf(nmnist), 3, { kind: 'events', samples: [events('z.bs2', 7, false)] })).toThrow(/z\.bs2 is labelled 7, but the model has 3 classes/);
    const narrow = { ...audio, data: { ...audio.data, bands: 16 } } as typeof audio;
    expect(() => scoringSet(narrow, cfgOf(narrow), 10, { kind: 'signals', records: [digitFile('0_a_0.wav', 0)] })).toThrow(/the samples have \d+ inputs per step but the model's input layer has \d+/);
  });
});
