import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatBudgetFigure, WORKSPACE_BUDGETS } from '../../spec/budgetTable.ts';
import { DataFormatError } from '../../errors.ts';
import { parseAedat2, parseAedat3 } from './aedatReader.ts';
import { parseCsv } from './csvReader.ts';
import { FILE_BUDGETS, fileBudgetFigure } from './fileBudgets.ts';
import { parseNmnist } from './nmnistReader.ts';
import { parseWav } from './wavReader.ts';
import { parseEdf } from './edfReader.ts';
import { readWfdbRecord } from './wfdbRecord.ts';
import { craftEdf } from '../../../../test/support/craft/edfCraft.ts';
import { parseWfdbAnnotations } from './wfdbAnnotations.ts';

/** Runs `fn`; what it threw, how long it took and how many array-buffer bytes it left allocated. */
function refusal(fn: () => unknown): { error: unknown; ms: number; bytes: number } {
  const before = process.memoryUsage().arrayBuffers;
  const t0 = performance.now();
  let error: unknown;
  try {
    fn();
  } catch (e) {
    error = e;
  }
  return { error, ms: performance.now() - t0, bytes: process.memoryUsage().arrayBuffers - before };
}

/** `text` repeated to `bytes` bytes, as UTF-8, without building a string of that size. */
function repeated(text: string, times: number, tail = ''): Uint8Array {
  const unit = new TextEncoder().encode(text);
  const end = new TextEncoder().encode(tail);
  const out = new Uint8Array(unit.length * times + end.length);
  for (let i = 0; i < times; i++) out.set(unit, i * unit.length);
  out.set(end, unit.length * times);
  return out;
}

describe('file budgets', () => {
  it('a 20 MB CSV of one line (10^7 columns) is refused from a byte scan, with the count and the limit, quickly', () => {
    const bytes = repeated('1,', 10_000_000, '1\n');
    const { error, ms, bytes: kept } = refusal(() => parseCsv(bytes, 'one-line.csv'));
    expect(error).toBeInstanceOf(DataFormatError);
    expect((error as Error).message).toBe('one-line.csv: line 1 at byte 0: 10000001 columns; at most 4096 channels are read');
    // Before: split into 10^7 strings (≈ 0.5 GB for 20 MB, 2.4 GB and 20 s for 100 MB).
    expect(ms).toBeLessThan(3000);
    expect(kept).toBeLessThan(1 << 20);
  });

  it('counts the columns of the first line that is not blank, and names its line and byte', () => {
    const text = '\n  \r\n' + Array.from({ length: 5000 }, () => '0').join('\t') + '\n';
    expect(() => parseCsv(new TextEncoder().encode(text), 'blank-first.tsv')).toThrow(/^blank-first\.tsv: line 3 at byte 5: 5000 columns; at most 4096 channels are read$/);
  });

  it('still reads a table within its budgets exactly as before (header, separators, blank lines)', () => {
    const r = parseCsv(new TextEncoder().encode('a;b\n1;2\n\n3;4.5\n'), 'ok.csv', 10);
    expect(r.signal.channels).toEqual(['a', 'b']);
    expect(r.signal.length).toBe(2);
    expect([...r.signal.values]).toEqual([1, 2, 3, 4.5]);
  });

  it('reads a CSV line by line and names the byte where a bad line starts, CRLF counted', () => {
    // Lines start at bytes 0, 5 and 10 ('a,b\r\n' and '1,2\r\n' are 5 bytes each).
    expect(() => parseCsv(new TextEncoder().encode('a,b\r\n1,2\r\n3,x\r\n'), 'crlf.csv')).toThrow(/^crlf\.csv: line 3 column 2 at byte 10: 'x' is not a number$/);
  });

  it('a .atr of 3·10^6 annotations (6 MB) is counted without keeping any and refused with the count and the limit', () => {
    // Each word: code 1 (N) and a 1-sample interval.
    const word = 1 << 10 | 1;
    const n = 3 * FILE_BUDGETS.annotations.limit;
    const bytes = new Uint8Array(2 * n);
    const view = new DataView(bytes.buffer);
    for (let i = 0; i < n; i++) view.setUint16(2 * i, word, true);
    const { error, ms } = refusal(() => parseWfdbAnnotations(bytes, 'huge.atr'));
    expect(error).toBeInstanceOf(DataFormatError);
    expect((error as Error).message).toBe('huge.atr: annotations at byte 0: the file holds 3000000 annotations; at most 1.0e6 annotations are read');
    // Before: 3·10^6 objects kept (a 30 MB file took 2.5 GB).
    expect(ms).toBeLessThan(3000);
  });

  it('a .atr within the budget is read whole, AUX strings and subtypes included', () => {
    // N at 5, SUB 3, AUX "ab"; then V at 7; then the end word.
    const words = [1 << 10 | 5, 61 << 10 | 3, 63 << 10 | 2, 0x6261, 5 << 10 | 2, 0];
    const bytes = new Uint8Array(new Uint16Array(words).buffer);
    expect(parseWfdbAnnotations(bytes, 'small.atr')).toEqual([
      { sample: 5, symbol: 'N', subtype: 3, chan: 0, num: 0, aux: 'ab' },
      { sample: 7, symbol: 'V', subtype: 0, chan: 0, num: 0, aux: '' },
    ]);
  });
});

describe('file budgets of the binary readers', () => {
  const over = FILE_BUDGETS.events.limit + 1;

  it('an N-MNIST file of more events than the budget is refused from its size', () => {
    const { error } = refusal(() => parseNmnist(new Uint8Array(5 * over), 'many.bin'));
    expect((error as Error).message).toBe(`many.bin: events at byte 0: the file holds ${over} events; at most 1.0e7 events are read`);
  });

  it('an AEDAT 2.0 file of more event records than the budget is refused from its size', () => {
    const head = new TextEncoder().encode('#!AER-DAT2.0\r\n');
    const bytes = new Uint8Array(head.length + 8 * over);
    bytes.set(head);
    expect(() => parseAedat2(bytes, 'many.aedat')).toThrow(`many.aedat: events at byte ${head.length}: the file holds ${over} event records; at most 1.0e7 events are read`);
  });

  it('an AEDAT 3.1 packet header announcing more polarity events than the budget is refused before its events are read', () => {
    const head = new TextEncoder().encode('#!AER-DAT3.1\r\n#!END-HEADER\r\n');
    const bytes = new Uint8Array(head.length + 28);
    bytes.set(head);
    const v = new DataView(bytes.buffer, head.length);
    v.setInt16(0, 1, true); // polarity events
    v.setInt32(4, 8, true); // 8 bytes each
    v.setInt32(8, 4, true); // timestamp at byte 4
    v.setInt32(20, over, true);
    expect(() => parseAedat3(bytes, 'many3.aedat')).toThrow(`many3.aedat: packet event number at byte ${head.length + 20}: the packets up to this one announce ${over} polarity events; at most 1.0e7 events are read`);
  });

  it('a WAV of more samples than the signal budget is refused before its samples are decoded', () => {
    const samples = FILE_BUDGETS.signalValues.limit + 2;
    const bytes = new Uint8Array(44 + samples);
    const v = new DataView(bytes.buffer);
    bytes.set(new TextEncoder().encode('RIFF'), 0);
    v.setUint32(4, 36 + samples, true);
    bytes.set(new TextEncoder().encode('WAVEfmt '), 8);
    v.setUint32(16, 16, true);
    v.setUint16(20, 1, true); // PCM
    v.setUint16(22, 1, true); // mono
    v.setUint32(24, 8000, true);
    v.setUint32(28, 8000, true);
    v.setUint16(32, 1, true);
    v.setUint16(34, 8, true); // 8-bit: each byte would become 4 bytes of float32
    bytes.set(new TextEncoder().encode('data'), 36);
    v.setUint32(40, samples, true);
    expect(() => parseWav(bytes, 'long.wav')).toThrow(`long.wav: data chunk at byte 44: ${samples} samples (${samples} frames × 1 channels); at most 5.0e7 values are read`);
  });
});

describe('file budgets of the signal readers (values = samples × channels)', () => {
  const over = FILE_BUDGETS.signalValues.limit + 1;

  it('a WFDB record of more samples than the budget is refused before its signal file is decoded', () => {
    // Format 80: one byte per sample, so 5·10^7 + 1 samples fit in a 50 MB .dat.
    const hea = new TextEncoder().encode(`big 1 360 ${over}\nbig.dat 80 200 8 0 0 0 0 MLII\n`);
    const files = { header: { name: 'big.hea', bytes: hea }, data: new Map([['big.dat', new Uint8Array(over)]]) };
    expect(() => readWfdbRecord(files)).toThrow(`big.dat: samples at byte 0: ${over} samples (${over} frames × 1 signals); at most 5.0e7 values are read`);
  });

  it('an EDF of more samples than the budget is refused before its records are decoded', () => {
    // 51 records of 10^6 16-bit samples: 102 MB, 5.1e7 samples.
    const edf = craftEdf({ signals: [{ label: 'EEG', samplesPerRecord: 1_000_000 }], records: 51, data: new Uint8Array(2 * 51_000_000) });
    expect(() => parseEdf(edf, 'big.edf')).toThrow('big.edf: number of records at byte 236: 51000000 samples (51 records × 1000000 samples); at most 5.0e7 values are read');
  });
});

describe('README "## Limits"', () => {
  const readme = readFileSync(join(import.meta.dirname, '..', '..', '..', '..', 'README.md'), 'utf8');
  const limits = (readme.split('## Limits')[1] ?? '').split('\n## ')[0]?.replace(/(\d),(\d)/g, '$1$2') ?? '';
  const rows = limits.split('\n').filter((l) => l.startsWith('| '));

  it.each(Object.entries(FILE_BUDGETS))('lists the file budget %s with its limit in a table row', (_, b) => {
    expect(rows.some((r) => r.includes(`| ${fileBudgetFigure(b.limit)} |`)), fileBudgetFigure(b.limit)).toBe(true);
  });

  it.each(Object.entries(WORKSPACE_BUDGETS))('lists the workspace budget %s with its limit in a table row', (_, b) => {
    expect(rows.some((r) => r.includes(`| ${formatBudgetFigure(b.limit)} |`)), formatBudgetFigure(b.limit)).toBe(true);
  });
});
