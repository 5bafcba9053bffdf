import { describe, expect, it } from 'vitest';
import { craftWfdb } from '../../../../test/support/craft/wfdbCraft.ts';
import { dataFile, HAVE_DATA } from '../../../../test/support/sharedData.ts';
import { wfdbChecksum } from './wfdbChecksum.ts';
import { readWfdbRecord } from './wfdbRecord.ts';

const read = (hea: Uint8Array, dat: Uint8Array, name = 'rec') => readWfdbRecord({ header: { name: `${name}.hea`, bytes: hea }, data: new Map([[`${name}.dat`, dat]]) });

/** `hea` with the checksum field of signal line `line` (1-based after the record line) changed by `delta`. */
function shiftChecksum(hea: Uint8Array, line: number, delta: number): Uint8Array {
  const lines = new TextDecoder().decode(hea).split('\n');
  const fields = (lines[line] ?? '').split(' ');
  fields[6] = String(Number(fields[6]) + delta);
  lines[line] = fields.join(' ');
  return new TextEncoder().encode(lines.join('\n'));
}

describe('WFDB checksums on a crafted record', () => {
  const samples = [100, -5, 32000, 32000, 7, -32768];
  const { hea, dat } = craftWfdb({ name: 'rec', signals: [{ samples, description: 'MLII' }, { samples: samples.map((v) => -v >> 1), description: 'V5' }] });

  it('wfdbChecksum is the 16-bit signed sum: 32000 + 32000 wraps', () => {
    // 100 − 5 + 64000 + 7 − 32768 = 31334; within 16 bits as it is.
    expect(wfdbChecksum(Int16Array.from(samples))).toBe(31334);
    // 32000 + 32000 = 64000 ≡ 64000 − 65536 = −1536.
    expect(wfdbChecksum(Int16Array.from([32000, 32000]))).toBe(-1536);
  });

  it('a clean record reads with no warning', () => {
    expect(read(hea, dat).warnings).toEqual([]);
  });

  it('a header checksum off by one warns, naming the signal, the header field and both sums', () => {
    const r = read(shiftChecksum(hea, 2, 1), dat);
    expect(r.warnings).toHaveLength(1);
    const w = r.warnings[0];
    const text = new TextDecoder().decode(hea);
    // The offset is that of signal 1's checksum field in the .hea: the 7th field of its line.
    const line2 = text.indexOf('\n', text.indexOf('\n') + 1) + 1;
    expect(w).toMatchObject({ code: 'checksum_mismatch', file: 'rec.hea', field: 'signal 1 (V5) checksum', byteOffset: line2 + text.slice(line2).split(' ').slice(0, 6).join(' ').length + 1 });
    const actual = wfdbChecksum(Int16Array.from(samples.map((v) => -v >> 1)));
    expect(w?.message).toContain(`the header's checksum is ${actual + 1} but the 6 samples in rec.dat sum to ${actual}`);
    // The samples are still read: a warning, not a refusal.
    expect(r.signal.length).toBe(6);
  });

  it('flipped bytes in the .dat warn for the signal they fall in, not the other', () => {
    const flipped = dat.slice();
    flipped[4] = (flipped[4] as number) ^ 0x01; // frame 1, signal 0, low byte: −5 becomes −6
    const r = read(hea, flipped);
    expect(r.warnings.map((w) => w.field)).toEqual(['signal 0 (MLII) checksum']);
    expect(r.warnings[0]?.message).toContain('the header\'s checksum is 31334 but the 6 samples in rec.dat sum to 31333');
  });

  it('a checksum written unsigned (65535 for −1) is the same 16-bit value', () => {
    const { hea: h, dat: d } = craftWfdb({ name: 'rec', signals: [{ samples: [-1], description: 'x', checksum: 65535 }] });
    expect(read(h, d).warnings).toEqual([]);
  });
});

describe.skipIf(!HAVE_DATA)('WFDB checksums on MIT-BIH record 100 (../shared/data/mitdb)', () => {
  const hea = dataFile('mitdb/100.hea');
  const dat = dataFile('mitdb/100.dat');

  it('the real record reads with no warning', () => {
    expect(read(hea, dat, '100').warnings).toEqual([]);
  });

  it('100 flipped bytes in 100.dat warn with the expected and actual checksum', () => {
    const damaged = dat.slice();
    // Every 6,500th byte, its lowest bit: a low nibble of a 212 pair moves one sample by ±1.
    for (let k = 0; k < 100; k++) damaged[1000 + 6500 * k] = (damaged[1000 + 6500 * k] as number) ^ 0x01;
    const r = read(hea, damaged, '100');
    expect(r.warnings.length).toBeGreaterThan(0);
    expect(r.warnings[0]).toMatchObject({ code: 'checksum_mismatch', file: '100.hea', field: expect.stringMatching(/^signal [01] \((MLII|V5)\) checksum$/) });
    expect(r.warnings[0]?.message).toMatch(/the header's checksum is (-22131|20052) but the 650000 samples in 100\.dat sum to -?\d+ \(16-bit\)/);
    expect(r.signal.length).toBe(650_000);
  });

  it('a header checksum off by one warns for that signal alone', () => {
    const text = new TextDecoder().decode(hea).replace('-22131', '-22130');
    const r = read(new TextEncoder().encode(text), dat, '100');
    expect(r.warnings.map((w) => [w.field, w.byteOffset])).toEqual([['signal 0 (MLII) checksum', text.indexOf('-22130')]]);
    expect(r.warnings[0]?.message).toContain("the header's checksum is -22130 but the 650000 samples in 100.dat sum to -22131");
  });
});
