import { describe, expect, it } from 'vitest';
import { dataFile, HAVE_DATA } from '../../../../test/support/sharedData.ts';
import { DataFormatError } from '../../errors.ts';
import { parseWfdbAnnotations } from './wfdbAnnotations.ts';
import { parseWfdbHeader } from './wfdbHeader.ts';
import { readWfdbRecord } from './wfdbRecord.ts';
import { decodeWfdbSignals } from './wfdbSignals.ts';

const record = (n: string, withAtr = true) =>
  readWfdbRecord({
    header: { name: `${n}.hea`, bytes: dataFile(`mitdb/${n}.hea`) },
    data: new Map([[`${n}.dat`, dataFile(`mitdb/${n}.dat`)]]),
    annotations: withAtr ? { name: `${n}.atr`, bytes: dataFile(`mitdb/${n}.atr`) } : undefined,
  });

const counts = (symbols: readonly { symbol: string }[]) => symbols.reduce<Record<string, number>>((a, s) => ((a[s.symbol] = (a[s.symbol] ?? 0) + 1), a), {});

describe.skipIf(!HAVE_DATA)('WFDB on MIT-BIH (../shared/data/mitdb)', () => {
  it('reads record 100: 2 signals at 360 Hz, 650,000 samples, MLII and V5, header values as documented', () => {
    const r = record('100');
    expect(r.header).toMatchObject({ record: '100', samplingHz: 360, samples: 650_000 });
    expect(r.header.signals.map((s) => [s.format, s.gain, s.adcResolution, s.adcZero, s.initialValue, s.checksum, s.description])).toEqual([
      [212, 200, 11, 1024, 995, -22131, 'MLII'],
      [212, 200, 11, 1024, 1011, 20052, 'V5'],
    ]);
    expect(r.signal.length).toBe(650_000);
    // The 16-bit sum of each decoded channel equals the header checksum.
    r.digital.forEach((d, c) => {
      let sum = 0;
      for (const v of d) sum = (sum + v) & 0xffff;
      expect(sum > 32767 ? sum - 65536 : sum).toBe(r.header.signals[c]?.checksum);
    });
    expect(r.signal.values[0]).toBeCloseTo((995 - 1024) / 200, 6);
  });

  it('reads the annotations of record 100: 2274 (N 2239, A 33, V 1, + 1), first + (N at sample 18, last N at 649991', () => {
    const r = record('100');
    expect(r.annotations).toHaveLength(2274);
    expect(counts(r.annotations)).toEqual({ N: 2239, A: 33, V: 1, '+': 1 });
    expect(r.annotations[0]).toMatchObject({ symbol: '+', sample: 18, aux: '(N' });
    expect(r.annotations.at(-1)).toMatchObject({ symbol: 'N', sample: 649_991 });
  });

  it.each([
    ['106', { N: 1507, V: 520, '+': 41, '~': 30 }],
    ['108', { N: 1739, '~': 41, V: 17, x: 11, '|': 8, A: 4, F: 2, '+': 1, j: 1 }],
  ])('counts every annotation code of record %s as the README lists', (n, expected) => {
    expect(counts(record(n).annotations)).toEqual(expected);
  });
});

describe('WFDB edge cases (hand-made)', () => {
  it('decodes format 212 pairs, 16 and 80', () => {
    // 212: samples 0x123 = 291 and −1 (0xFFF): bytes 0x23, 0xF1, 0xFF.
    expect([...(decodeWfdbSignals(new Uint8Array([0x23, 0xf1, 0xff]), 'x.dat', 212, 2, 1).map((a) => a[0]))]).toEqual([291, -1]);
    expect([...(decodeWfdbSignals(new Uint8Array([0xfe, 0xff, 0x02, 0x00]), 'x.dat', 16, 1, 2)[0] ?? [])]).toEqual([-2, 2]);
    expect([...(decodeWfdbSignals(new Uint8Array([0, 128, 255]), 'x.dat', 80, 1, 3)[0] ?? [])]).toEqual([-128, 0, 127]);
  });
  it('refuses an unsupported format, a truncated data file and a bad header with file, field and offset', () => {
    expect(() => decodeWfdbSignals(new Uint8Array(10), 'x.dat', 310, 1, 2)).toThrow(/format 310 is not supported/);
    const short = (() => {
      try {
        decodeWfdbSignals(new Uint8Array(5), 'x.dat', 16, 1, 4);
      } catch (e) {
        return e;
      }
    })();
    expect(short).toBeInstanceOf(DataFormatError);
    expect(short).toMatchObject({ file: 'x.dat', byteOffset: 0 });
    expect(() => parseWfdbHeader('rec two 360\n', 'rec.hea')).toThrow(/number of signals/);
    expect(() => parseWfdbHeader('rec 2 360 100\nrec.dat 212 200\n', 'rec.hea')).toThrow(/only 1 signal lines/);
    expect(() => parseWfdbHeader('rec/2 1 360\n', 'rec.hea')).toThrow(/multi-segment/);
  });
  it('refuses an annotation past the end of the record, naming the .atr and the offset of its word', () => {
    // Minimal case found by test/property: 5 samples of format 16, one N annotation at sample 10.
    const files = {
      header: { name: 'rec.hea', bytes: new TextEncoder().encode('rec 1 360 5\nrec.dat 16\n') },
      data: new Map([['rec.dat', new Uint8Array(10)]]),
      annotations: { name: 'rec.atr', bytes: new Uint8Array([10, 1 << 2, 0, 0]) },
    };
    expect(() => readWfdbRecord(files)).toThrow(DataFormatError);
    expect(() => readWfdbRecord(files)).toThrow(/^rec\.atr: annotation time at byte 0: sample 10 is past the end of the record \(5 samples\)/);
    // The last sample is inside: one N at sample 4 is read.
    const inside = { ...files, annotations: { name: 'rec.atr', bytes: new Uint8Array([4, 1 << 2, 0, 0]) } };
    expect(readWfdbRecord(inside).annotations.map((a) => [a.sample, a.symbol])).toEqual([[4, 'N']]);
  });
  it('refuses a record of no signals, which has nothing to feed the network (found by test/property)', () => {
    // Minimal case: the record line of 100.hea with its signal count rewritten to 0.
    const files = { header: { name: 'rec.hea', bytes: new TextEncoder().encode('rec 0 360 650000\n') }, data: new Map<string, Uint8Array>() };
    expect(() => readWfdbRecord(files)).toThrow(DataFormatError);
    expect(() => readWfdbRecord(files)).toThrow(/^rec\.hea: number of signals at byte 0: the record has no signals/);
  });
  it('reads SKIP, NUM, CHN and AUX fields of an annotation file', () => {
    const w = (code: number, v: number) => [v & 0xff, (code << 2) | (v >> 8)];
    // SKIP to 70000 (0x00011170: high word 1, low word 0x1170), then N (+0), AUX "(AB", end.
    const bytes = new Uint8Array([...w(59, 0), 1, 0, 0x70, 0x11, ...w(1, 0), ...w(63, 3), 0x28, 0x41, 0x42, 0, ...w(62, 1), ...w(5, 10), 0, 0]);
    const a = parseWfdbAnnotations(bytes, 't.atr');
    expect(a.map((x) => [x.sample, x.symbol, x.aux, x.chan])).toEqual([
      [70000, 'N', '(AB', 0],
      [70010, 'V', '', 1],
    ]);
  });
});
