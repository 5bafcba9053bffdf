import { describe, expect, it } from 'vitest';
import { craftEdf, type EdfSignalSpec } from '../../../../test/support/craft/edfCraft.ts';
import { refusal } from '../../../../test/support/refusal.ts';
import { parseEdf } from './edfReader.ts';

/** One EDF signal of 4 samples per record, `records` records of 2 bytes a sample, all zero. */
const edf = (over: { records?: number; durationS?: number; signal?: Partial<EdfSignalSpec>; dataRecords?: number } = {}) => {
  const signal = { label: 'EEG', samplesPerRecord: 4, ...over.signal };
  const records = over.records ?? 2;
  return craftEdf({ signals: [signal], records, ...(over.durationS === undefined ? {} : { durationS: over.durationS }), data: new Uint8Array(2 * 4 * (over.dataRecords ?? Math.max(records, 0))) });
};

// With one signal the per-signal fields start at 256: label 16, transducer 80, dimension 8, then
// physical min at 360, physical max 368, digital min 376, digital max 384, prefilter 80, samples 472.
describe('EDF header numbers that give no signal are refused with field and offset', () => {
  it('a clean file reads with no warning', () => {
    const e = parseEdf(edf(), 'ok.edf');
    expect(e.warnings).toEqual([]);
    expect(e.signals[0]?.samplingHz).toBe(4);
  });

  it('refuses a record duration of 0 or −1 s (was 0 Hz and −125 s)', () => {
    for (const d of [0, -1]) expect(refusal(() => parseEdf(edf({ durationS: d }), 'd.edf'))).toMatchObject({ file: 'd.edf', field: 'duration of a data record', byteOffset: 244 });
    expect(refusal(() => parseEdf(edf({ durationS: -1 }), 'd.edf')).message).toMatch(/-1 s: a data record must last more than 0 s/);
  });

  it('refuses 0 or negative samples per record at the signal\'s field', () => {
    for (const n of [0, -4]) expect(refusal(() => parseEdf(edf({ signal: { samplesPerRecord: n } }), 'n.edf'))).toMatchObject({ field: 'signal 0 samples per record', byteOffset: 472 });
  });

  it('refuses equal physical limits and digital limits that do not increase', () => {
    expect(refusal(() => parseEdf(edf({ signal: { physicalMin: 5, physicalMax: 5 } }), 'p.edf'))).toMatchObject({ field: 'signal 0 physical maximum', byteOffset: 368 });
    for (const [lo, hi] of [[10, 10], [100, -100]] as const) expect(refusal(() => parseEdf(edf({ signal: { digitalMin: lo, digitalMax: hi } }), 'g.edf'))).toMatchObject({ field: 'signal 0 digital maximum', byteOffset: 384 });
    expect(refusal(() => parseEdf(edf({ signal: { digitalMin: -40000 } }), 'g.edf'))).toMatchObject({ field: 'signal 0 digital minimum', byteOffset: 376 });
    // '-1e300' fits the 8-byte field; as float32 every sample would be −Infinity or Infinity.
    expect(refusal(() => parseEdf(edf({ signal: { physicalMin: -1e300, physicalMax: 1e300 } }), 'f.edf'))).toMatchObject({ field: 'signal 0 physical minimum', byteOffset: 360 });
  });

  it('keeps an inverted physical range (physical min above max): the spec allows a negative scale', () => {
    const e = parseEdf(edf({ signal: { physicalMin: 100, physicalMax: -100 } }), 'inv.edf');
    expect(e.signals[0]?.physicalMin).toBe(100);
  });

  it('refuses a sampling rate outside 0.001 Hz … 10 MHz given by samples and duration', () => {
    const tiny = refusal(() => parseEdf(edf({ durationS: 1e-300 }), 'r.edf'));
    expect(tiny).toMatchObject({ field: 'signal 0 sampling rate (samples per record / duration of a data record)', byteOffset: 472 });
    expect(tiny.message).toMatch(/outside the sampling rates read/);
    expect(refusal(() => parseEdf(edf({ durationS: 1e5, signal: { samplesPerRecord: 1 } }), 'slow.edf')).byteOffset).toBe(472);
  });

  it('refuses a record count below −1 or not whole, and reads −1 (unknown) from the size with a warning', () => {
    for (const n of [-2, 1.5]) expect(refusal(() => parseEdf(edf({ records: n, dataRecords: 2 }), 'c.edf'))).toMatchObject({ field: 'number of records', byteOffset: 236 });
    const e = parseEdf(edf({ records: -1, dataRecords: 3 }), 'u.edf');
    expect(e.records).toBe(3);
    expect(e.warnings).toEqual([expect.objectContaining({ code: 'record_count_unknown', file: 'u.edf', field: 'number of records', byteOffset: 236 })]);
    expect(e.warnings[0]?.message).toMatch(/3 whole records of 8 bytes read from the file's size/);
  });

  it('lets an EDF+ file of annotations only have records of duration 0, as EDF+ allows', () => {
    const tals = '+0\x14\x14\x00';
    const data = new Uint8Array(8);
    for (let i = 0; i < tals.length; i++) data[i] = tals.charCodeAt(i);
    const e = parseEdf(craftEdf({ signals: [{ label: 'EDF Annotations', samplesPerRecord: 4 }], records: 1, durationS: 0, reserved: 'EDF+C', data }), 'a.edf');
    expect(e.signals).toEqual([]);
  });
});
