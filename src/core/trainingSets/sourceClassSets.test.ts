import { describe, expect, it } from 'vitest';
import { SpecError } from '../errors.ts';
import { parseWorkspace } from '../spec/parseWorkspace.ts';
import { sourceClassNames, sourceClassSets } from './sourceClassSets.ts';

const eeg = parseWorkspace({
  schemaVersion: 1,
  name: 'eeg',
  seed: 3,
  network: { layers: [{ kind: 'input', name: 'in', shape: [16] }, { kind: 'dense', name: 'fc', units: 4 }, { kind: 'spiking', name: 'out', neuron: { model: 'lif' } }] },
  data: { kind: 'synthetic-eeg', epochS: 1, samplingHz: 80 },
  encoder: { kind: 'delta', threshold: 5 },
  training: { dataset: { kind: 'source-classes', perClass: 3, testPerClass: 2, split: 'inter' } },
});

describe('sourceClassSets', () => {
  it('makes perClass samples of every class of the source, interleaved, encoded as the page encodes it', () => {
    const s = sourceClassSets(eeg, { kind: 'source-classes', perClass: 3, testPerClass: 2, split: 'inter' });
    expect(s.classes).toEqual(['rest', 'left', 'right', 'focus']);
    expect(Array.from(s.train.labels)).toEqual([0, 1, 2, 3, 0, 1, 2, 3, 0, 1, 2, 3]);
    expect(s.test.labels.length).toBe(8);
    // 1 s at 80 Hz, delta coding: 2 neurons per channel of the 8-channel montage.
    expect([s.train.steps, s.train.neurons]).toEqual([80, 16]);
    expect(s.dtMs).toBe(12.5);
  });

  it('gives every sample its own seed, and the same workspace the same samples', () => {
    const a = sourceClassSets(eeg, { kind: 'source-classes', perClass: 2, testPerClass: 1, split: 'inter' });
    const b = sourceClassSets(eeg, { kind: 'source-classes', perClass: 2, testPerClass: 1, split: 'inter' });
    expect(Array.from(a.train.inputs[0] ?? [])).toEqual(Array.from(b.train.inputs[0] ?? []));
    // Two 'rest' samples (0 and 4) differ: different seeds.
    expect(Array.from(a.train.inputs[0] ?? [])).not.toEqual(Array.from(a.train.inputs[4] ?? []));
    // Test samples are not training samples.
    expect(Array.from(a.test.inputs[0] ?? [])).not.toEqual(Array.from(a.train.inputs[0] ?? []));
  });

  it('refuses a source without classes with a SpecError naming the ones that have them', () => {
    const ecg = { ...eeg, data: parseWorkspace({ ...eeg, data: { kind: 'synthetic-ecg' }, network: { layers: [{ kind: 'input', name: 'in', shape: [32] }, { kind: 'dense', name: 'fc', units: 4 }, { kind: 'spiking', name: 'out', neuron: { model: 'lif' } }] }, encoder: { kind: 'levelCrossing' } }).data };
    expect(() => sourceClassNames(ecg)).toThrow(SpecError);
    expect(() => sourceClassNames(ecg)).toThrow(/synthetic-dvs, synthetic-eeg, synthetic-audio/);
  });
});
