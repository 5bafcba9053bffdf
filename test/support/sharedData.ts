import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The real-data folder: $SPIKELAB_DATA, else ../shared/data beside the repository. */
export const DATA_DIR = process.env['SPIKELAB_DATA'] ?? resolve(import.meta.dirname, '..', '..', '..', 'shared', 'data');

/** Whether the real data is here; tests that need it skip (with a printed reason) when not. */
export const HAVE_DATA = existsSync(DATA_DIR);
if (!HAVE_DATA) console.warn(`SKIP: real data folder ${DATA_DIR} is absent; tests that read it are skipped (set SPIKELAB_DATA).`);

/** Bytes of a data file, path relative to the data folder. */
export function dataFile(rel: string): Uint8Array {
  return new Uint8Array(readFileSync(join(DATA_DIR, rel)));
}
