import { describe, expect, it } from 'vitest';
import { dataFile, HAVE_DATA } from '../../../../test/support/sharedData.ts';
import { parseEdf } from '../formats/edfReader.ts';
import { epochsFromAnnotations, labelFromFileName } from './eegEpochs.ts';

describe.skipIf(!HAVE_DATA)('EEG epochs from EDF+ annotations', () => {
  it('cuts S001R03 into 30 epochs of 4 s labelled T0/T1/T2 over 64 channels at 160 Hz', () => {
    const r = parseEdf(dataFile('eeg/physionet-eegmmidb/S001R03.edf'), 'S001R03.edf');
    const epochs = epochsFromAnnotations(r, { epochS: 4 });
    // 30 cues, the last at ~120.6 s: all fit in 125 s.
    expect(epochs).toHaveLength(30);
    expect(epochs.filter((e) => e.label === 'T1')).toHaveLength(8);
    expect(epochs[0]).toMatchObject({ samplingHz: 160, onsetS: 0 });
    expect(epochs[0]?.channels).toHaveLength(64);
    expect(epochs[0]?.values.length).toBe(640 * 64);
    // Sample 0 of channel 0 of the first epoch is the file's first Fc5. value (−57 µV).
    expect(epochs[0]?.values[0]).toBeCloseTo(-57, 4);
  });
  it('keeps chosen channels and labels only', () => {
    const r = parseEdf(dataFile('eeg/physionet-eegmmidb/S001R04.edf'), 'S001R04.edf');
    const epochs = epochsFromAnnotations(r, { epochS: 2, channels: ['C3..', 'C4..'], labels: ['T1', 'T2'] });
    expect(epochs).toHaveLength(15);
    expect(epochs[0]?.channels).toEqual(['C3..', 'C4..']);
    expect(() => epochsFromAnnotations(r, { epochS: 2, channels: ['Nope'] })).toThrow(/no channel 'Nope'/);
  });
});

describe('labels from file names', () => {
  it('takes the first capture group of the rule', () => {
    expect(labelFromFileName('/data/fsdd/7_george_32.wav', /^(\d)_/)).toBe('7');
    expect(labelFromFileName('S001R12.edf', /R(\d\d)\.edf$/)).toBe('12');
    expect(labelFromFileName('x.wav', /^(\d)_/)).toBeUndefined();
  });
});
