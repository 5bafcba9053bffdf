import { test } from '@fast-check/vitest';
import { afterAll, describe, expect } from 'vitest';
import type { NamedBytes } from '../../src/core/data/formats/loadFiles.ts';
import { judgeRead, type ReadVerdict } from '../support/property/judgeRead.ts';
import { READER_CASES } from '../support/property/readerCases.ts';
import { damaged, randomInputArb, randomized, seedDamageArb } from '../support/property/readerInputs.ts';
import { dataFile, HAVE_DATA } from '../support/sharedData.ts';
import { PROPERTY_SEED, runs } from '../support/property/propertyRuns.ts';

const RUNS = { crafted: 150, real: 50, random: 100 } as const;
/** A real seed of more than 1 MB (MIT-BIH 100: 1.95 MB, ~150 ms a read here) gets fewer runs, to keep the suite under a minute. */
const realRuns = (files: readonly NamedBytes[]) => (files.reduce((a, f) => a + f.bytes.length, 0) > 2 ** 20 ? 30 : RUNS.real);

/** Answers per property and the dearest input, printed at the end: a property that never reads a valid record tests little. */
const tally = new Map<string, { valid: number; refused: number; maxMs: number; maxMb: number }>();
function count(name: string, v: ReadVerdict): void {
  const t = tally.get(name) ?? { valid: 0, refused: 0, maxMs: 0, maxMb: 0 };
  t[v.verdict]++;
  t.maxMs = Math.max(t.maxMs, v.ms);
  t.maxMb = Math.max(t.maxMb, v.bytes / 2 ** 20);
  tally.set(name, t);
}
afterAll(() => {
  for (const [name, t] of tally) console.log(`${name}: ${t.valid} valid, ${t.refused} refused; dearest input ${t.maxMs.toFixed(0)} ms, ${t.maxMb.toFixed(1)} MB`);
});

for (const c of READER_CASES) {
  const crafted: NamedBytes[] = c.crafted().map((bytes, i) => ({ name: c.names[i] ?? `input ${i}`, bytes }));

  describe(`${c.reader} reader`, () => {
    test('reads its crafted seed as a valid record (the properties start from a good file)', () => {
      expect(judgeRead(c.reader, crafted, c.read).verdict).toBe('valid');
    });

    test.prop([seedDamageArb(c)], { seed: PROPERTY_SEED, numRuns: runs(RUNS.crafted) })('a damaged crafted file is read as a valid record or refused with its offset, within budget', (d) => {
      count(`${c.reader} crafted`, judgeRead(c.reader, damaged(c, crafted, d), c.read));
    });

    test.prop([randomInputArb(c)], { seed: PROPERTY_SEED, numRuns: runs(RUNS.random) })('a random file is read as a valid record or refused with its offset, within budget', (r) => {
      count(`${c.reader} random`, judgeRead(c.reader, randomized(c, crafted, r), c.read));
    });

    c.real.forEach((paths) => {
      describe.skipIf(!HAVE_DATA)(`seeded from ../shared/data/${paths[0]}`, () => {
        const real: NamedBytes[] = HAVE_DATA ? paths.map((p) => ({ name: p.replace(/^.*\//, ''), bytes: dataFile(p) })) : [];
        test('reads the real seed as a valid record', () => {
          expect(judgeRead(c.reader, real, c.read).verdict).toBe('valid');
        });
        test.prop([seedDamageArb(c)], { seed: PROPERTY_SEED, numRuns: runs(realRuns(real)) })('a damaged real file is read as a valid record or refused with its offset, within budget', (d) => {
          count(`${c.reader} ${paths[0]}`, judgeRead(c.reader, damaged(c, real, d), c.read));
        });
      });
    });
  });
}

