import { describe, expect, it } from 'vitest';
import { dataFile, HAVE_DATA } from '../../../../test/support/sharedData.ts';
import { DataFormatError } from '../../errors.ts';
import { edfWithAnnotations } from '../../../../test/support/craft/edfCraft.ts';
import { parseEdf, parseTals } from './edfReader.ts';

const count = (xs: readonly { text: string }[]) => xs.reduce<Record<string, number>>((a, x) => ((a[x.text] = (a[x.text] ?? 0) + 1), a), {});

describe.skipIf(!HAVE_DATA)('EDF / EDF+ / BDF on the shared test files', () => {
  it('reads PhysioNet S001R03: EDF+C, 125 records of 1 s, 64 EEG channels at 160 Hz, T0/T1/T2 annotations', () => {
    const e = parseEdf(dataFile('eeg/physionet-eegmmidb/S001R03.edf'), 'S001R03.edf');
    expect(e).toMatchObject({ variant: 'EDF+C', records: 125, recordDurationS: 1, start: '12.08.09 16.15.00' });
    expect(e.signals).toHaveLength(64);
    expect(e.signals[0]).toMatchObject({ label: 'Fc5.', samplingHz: 160, unit: 'uV', transducer: 'BCI2000' });
    expect(e.signals.at(-1)?.label).toBe('Iz..');
    expect([...(e.signals[0]?.digital.subarray(0, 3) ?? [])]).toEqual([-57, -49, -55]);
    expect(e.signals[0]?.values[0]).toBeCloseTo(-57, 4);
    expect(count(e.annotations)).toEqual({ T0: 15, T1: 8, T2: 7 });
    expect(e.annotations[1]).toMatchObject({ onsetS: 4.2, durationS: 4.1 });
  });

  it('reads S001R12 with T1 7 and T2 8', () => {
    expect(count(parseEdf(dataFile('eeg/physionet-eegmmidb/S001R12.edf'), 'S001R12.edf').annotations)).toEqual({ T0: 15, T1: 7, T2: 8 });
  });

  it('reads a BioSemi BDF: 73 signals at 2048 Hz, 24-bit samples, Status channel', () => {
    const e = parseEdf(dataFile('eeg/mne-python/test.bdf'), 'test.bdf');
    expect(e).toMatchObject({ format: 'bdf', variant: 'BDF', records: 1 });
    expect(e.signals).toHaveLength(73);
    expect(e.signals[0]).toMatchObject({ label: 'Fp1', samplingHz: 2048, digitalMin: -8388608, digitalMax: 8388607 });
    expect([...(e.signals[0]?.digital.subarray(0, 3) ?? [])]).toEqual([469155, 468981, 468722]);
    expect(e.signals.at(-1)?.label).toBe('Status');
  });

  it('handles different rates per signal and a non-integer record duration', () => {
    const u = parseEdf(dataFile('eeg/mne-python/test_uneven_samp.edf'), 'u.edf');
    expect(u.signals.map((s) => s.samplingHz)).toEqual([100, 12.8]);
    expect(u.signals[0]?.values.length).toBe(11_000);
    const s = parseEdf(dataFile('eeg/mne-python/test_edf_stim_channel.edf'), 's.edf');
    expect(s).toMatchObject({ variant: 'EDF', records: 1, recordDurationS: 9.59375 });
    expect(s.signals).toHaveLength(25);
    expect(s.signals[0]?.samplingHz).toBeCloseTo(128, 6);
  });

  it('reads EDF+ annotations: UTF-8 text, inverted physical range, annotation-only files', () => {
    const utf = parseEdf(dataFile('eeg/pyedflib/test_utf8.edf'), 'test_utf8.edf');
    expect(utf.annotations).toHaveLength(5);
    expect(utf.annotations.find((a) => a.onsetS === 120)?.text).toBe('中文测试八个字');
    expect(utf.signals[0]?.physicalMax).toBeLessThan(utf.signals[0]?.physicalMin ?? 0);
    const gen = parseEdf(dataFile('eeg/pyedflib/test_generator.edf'), 'g.edf');
    expect(gen.annotations.map((a) => [a.onsetS, a.text])).toEqual([
      [0, 'Recording starts'],
      [600, 'Recording ends'],
    ]);
    expect(gen.signals[0]?.digital[0]).toBe(3276);
    expect(gen.signals[0]?.values[0]).toBeCloseTo(99.9924, 3);
    const ann = parseEdf(dataFile('eeg/wfdb-python/test_edfann.edf'), 'ann.edf');
    expect(ann.signals).toHaveLength(0);
    expect(ann.annotations).toHaveLength(856);
    expect(count(ann.annotations)['Sleep stage N2']).toBe(430);
    expect(ann.annotations[0]).toMatchObject({ onsetS: 0, durationS: 30, text: 'Sleep stage W' });
  });
});

describe('EDF errors', () => {
  it('refuses a file that is not EDF, a truncated header and a discontinuous EDF+D, naming the field', () => {
    expect(() => parseEdf(new TextEncoder().encode('hello world'.padEnd(300)), 'x.edf')).toThrow(DataFormatError);
    const head = new TextEncoder().encode('0'.padEnd(8) + ' '.repeat(176) + '512'.padEnd(8) + 'EDF+D'.padEnd(44) + '1'.padEnd(8) + '1'.padEnd(8) + '1'.padEnd(4));
    expect(() => parseEdf(head, 'd.edf')).toThrow(/discontinuous/);
    const trunc = new TextEncoder().encode('0'.padEnd(8) + ' '.repeat(176) + '512'.padEnd(8) + ''.padEnd(44) + '1'.padEnd(8) + '1'.padEnd(8) + '1'.padEnd(4));
    expect(() => parseEdf(trunc, 't.edf')).toThrow(/signal headers/);
  });
  it('rejects a TAL without a valid onset', () => {
    expect(() => parseTals(new TextEncoder().encode('abc\x14x\x14\x00'), 'x.edf', 100)).toThrow(/TAL onset/);
  });
});

describe('EDF+ under hostile input', () => {
  it('reads an annotation channel of 500,000 annotations without overflowing the call stack', () => {
    const e = parseEdf(edfWithAnnotations(500_000), 'many.edf');
    expect(e.annotations).toHaveLength(500_000);
    expect(e.annotations[499_999]).toMatchObject({ onsetS: 1, text: 'A' });
  });
});
