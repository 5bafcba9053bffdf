import { describe, expect, it } from 'vitest';
import { dataFile, HAVE_DATA } from '../../../../test/support/sharedData.ts';
import { createRng } from '../../rng.ts';
import { readWfdbRecord } from '../formats/wfdbRecord.ts';
import { DS1_RECORDS, DS2_RECORDS, PACED_RECORDS } from './aami.ts';
import { classCounts, cutBeats, splitInterPatient, splitIntraPatient } from './ecgBeats.ts';

const record = (n: string) =>
  readWfdbRecord({
    header: { name: `${n}.hea`, bytes: dataFile(`mitdb/${n}.hea`) },
    data: new Map([[`${n}.dat`, dataFile(`mitdb/${n}.dat`)]]),
    annotations: { name: `${n}.atr`, bytes: dataFile(`mitdb/${n}.atr`) },
  }).signal;

describe('AAMI record lists', () => {
  it('split the 44 non-paced MIT-BIH records into two disjoint sets of 22', () => {
    expect(DS1_RECORDS).toHaveLength(22);
    expect(DS2_RECORDS).toHaveLength(22);
    const all = new Set<string>([...DS1_RECORDS, ...DS2_RECORDS, ...PACED_RECORDS]);
    expect(all.size).toBe(48);
  });
});

describe.skipIf(!HAVE_DATA)('cutting MIT-BIH beats into AAMI classes', () => {
  it('maps record 106 to N 1507 and V 520 (all beats, none lost at the edges) with 252-sample windows at 360 Hz', () => {
    const beats = cutBeats('106', record('106'));
    // README: 106 has N 1507, V 520; the first beat is far enough from sample 0 for a full window.
    expect(classCounts(beats)).toEqual({ N: 1507, S: 0, V: 520, F: 0, Q: 0 });
    expect(beats[0]?.values.length).toBe(Math.round(0.25 * 360) + Math.round(0.45 * 360));
  });

  it('maps record 108 (N 1739 + j 1, A 4, V 17, F 2) to N 1739, S 4, V 17, F 2: its first beat at sample 88 has no full window', () => {
    // 88 samples = 244 ms before the R peak < the 250 ms (90 samples) the window needs.
    expect(classCounts(cutBeats('108', record('108')))).toEqual({ N: 1739, S: 4, V: 17, F: 2, Q: 0 });
    expect(classCounts(cutBeats('108', record('108'), { beforeS: 0.2, afterS: 0.4, channel: 0 })).N).toBe(1740);
  });

  it('splits intra-patient 80/20 reproducibly and inter-patient by whole records', () => {
    const beats = [...cutBeats('100', record('100')), ...cutBeats('106', record('106'))];
    const a = splitIntraPatient(beats, createRng(1));
    const b = splitIntraPatient(beats, createRng(1));
    expect(a.train.length).toBe(Math.round(beats.length * 0.8));
    expect(a.train.map((x) => x.sample)).toEqual(b.train.map((x) => x.sample));
    expect(new Set(a.train.map((x) => x.record))).toEqual(new Set(['100', '106']));
    const inter = splitInterPatient(beats, ['100']);
    expect(new Set(inter.test.map((x) => x.record))).toEqual(new Set(['100']));
    expect(inter.train.every((x) => x.record === '106')).toBe(true);
  });
});
