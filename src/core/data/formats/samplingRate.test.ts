import { describe, expect, it } from 'vitest';
import { craftWfdb } from '../../../../test/support/craft/wfdbCraft.ts';
import { refusal } from '../../../../test/support/refusal.ts';
import { pcm16Wav } from '../../../../test/support/wavFile.ts';
import { parseCsv } from './csvReader.ts';
import { samplingRateProblem, SAMPLING_HZ_RANGE } from './samplingRate.ts';
import { parseWav } from './wavReader.ts';
import { parseWfdbHeader } from './wfdbHeader.ts';

const text = (s: string) => new TextEncoder().encode(s);

describe('sampling rates every reader refuses', () => {
  it('accepts finite rates from 0.001 Hz to 10 MHz and names the problem of any other', () => {
    for (const hz of [SAMPLING_HZ_RANGE.min, 1, 360, 44_100, SAMPLING_HZ_RANGE.max]) expect(samplingRateProblem(hz)).toBeUndefined();
    for (const hz of [1e-300, 0, -1, 1e7 * 1.0001, Infinity, -Infinity, Number.NaN]) expect(samplingRateProblem(hz)).toMatch(/Hz is (not a finite sampling rate|outside the sampling rates read \(0\.001 Hz to 10 MHz\))/);
  });

  it('a WFDB header of 1e-300 Hz is refused at the frequency field', () => {
    const hea = new TextDecoder().decode(craftWfdb({ name: 'rec', samplingHz: '1e-300', signals: [{ samples: [1, 2], description: 'x' }] }).hea);
    // 'rec 1 ' is 6 bytes: the frequency field starts at byte 6.
    expect(refusal(() => parseWfdbHeader(hea, 'rec.hea'))).toMatchObject({ file: 'rec.hea', field: 'sampling frequency', byteOffset: 6 });
    expect(refusal(() => parseWfdbHeader('  rec 1 Infinity 2\nrec.dat 16\n', 'rec.hea'))).toMatchObject({ field: 'sampling frequency', byteOffset: 8 });
  });

  it('a WAV header of 0 Hz or 20 MHz is refused at the sample-rate field (byte 24)', () => {
    for (const hz of [0, 20_000_000]) {
      const w = pcm16Wav(new Float32Array(4), 8000);
      new DataView(w.buffer).setUint32(24, hz, true);
      expect(refusal(() => parseWav(w, 'r.wav'))).toMatchObject({ field: 'sample rate', byteOffset: 24 });
    }
  });

  it('a CSV read at 1e-300 Hz or Infinity Hz is refused before a cell is read', () => {
    for (const hz of [1e-300, Infinity]) expect(refusal(() => parseCsv(text('1,2\n3,4\n'), 'r.csv', hz))).toMatchObject({ file: 'r.csv', field: 'sampling rate (--csv-hz)', byteOffset: 0 });
  });
});

describe('CSV samples that are not finite', () => {
  it('refuses Infinity, NaN and inf cells naming line and column (a first line of them is not a header)', () => {
    expect(refusal(() => parseCsv(text('a,b\n1,2\n3,Infinity\n'), 'i.csv'))).toMatchObject({ field: 'line 3 column 2', byteOffset: 8 });
    expect(refusal(() => parseCsv(text('1,2\nNaN,4\n'), 'n.csv'))).toMatchObject({ field: 'line 2 column 1', byteOffset: 4 });
    const first = refusal(() => parseCsv(text('inf,-inf\n1,2\n'), 'f.csv'));
    expect(first).toMatchObject({ field: 'line 1 column 1', byteOffset: 0 });
    expect(first.message).toMatch(/'inf' is not a finite number/);
  });

  it('refuses a value beyond float32 (it would read as Infinity) and keeps the largest float32', () => {
    expect(refusal(() => parseCsv(text('1\n1e39\n'), 'big.csv')).message).toMatch(/'1e39' is beyond the ±3.4e38 a sample holds/);
    expect(parseCsv(text('1\n3.4e38\n'), 'ok.csv').signal.values[1]).toBeCloseTo(3.4e38, -32);
  });
});
