import { test } from '@fast-check/vitest';
import fc from 'fast-check';
import { describe } from 'vitest';
import { parseCsv } from '../../src/core/data/formats/csvReader.ts';
import { loadFiles, type DataRecord, type NamedBytes } from '../../src/core/data/formats/loadFiles.ts';
import { craftCsv } from '../support/craft/readerSeeds.ts';
import { judgeRead } from '../support/property/judgeRead.ts';
import { READER_CASES } from '../support/property/readerCases.ts';
import { PROPERTY_SEED, runs } from '../support/property/propertyRuns.ts';
import { EXTREME_NUMBERS } from '../support/property/byteMutations.ts';

/** Extensions the drop zone tells formats by, and some it does not know. */
const EXTENSIONS = ['hea', 'dat', 'atr', 'edf', 'bdf', 'bin', 'bs2', 'aedat', 'wav', 'csv', 'tsv', 'txt', 'gz', 'idx3-ubyte', 'nir', 'json', ''];
const MAGICS = READER_CASES.flatMap((c) => c.magic);

/** The one record loadFiles makes of one dropped file (one file never gives two records). */
const onlyRecord = (files: readonly NamedBytes[]): DataRecord => {
  const records = loadFiles(files);
  if (records.length !== 1) throw new Error(`loadFiles made ${records.length} records of one file`);
  return records[0] as DataRecord;
};

describe('loadFiles: any dropped file, whatever its name (property)', () => {
  test.prop([fc.constantFrom(...EXTENSIONS), fc.nat({ max: MAGICS.length }), fc.uint8Array({ maxLength: 1024 })], { seed: PROPERTY_SEED, numRuns: runs(300) })(
    'a random file with any extension is read as valid records or refused with a DataFormatError naming it',
    (ext, magic, body) => {
      const head = MAGICS[magic] ?? new Uint8Array(0);
      const bytes = new Uint8Array(head.length + body.length);
      bytes.set(head);
      bytes.set(body, head.length);
      judgeRead('loadFiles', [{ name: `drop.${ext}`, bytes }], onlyRecord);
    },
  );

  test.prop([fc.constantFrom(...EXTREME_NUMBERS)], { seed: PROPERTY_SEED, numRuns: runs(EXTREME_NUMBERS.length * 2) })(
    'a CSV read at any --csv-hz gives a valid signal or a DataFormatError',
    (hz) => {
      judgeRead('CSV --csv-hz', [{ name: 'rec.csv', bytes: craftCsv() }], (files) => parseCsv(files[0]?.bytes ?? new Uint8Array(0), 'rec.csv', hz));
    },
  );
});
