import type { Signal } from '../signal.ts';
import { checkSize, utf8 } from './byteReader.ts';
import { DataFormatError } from '../../errors.ts';
import type { DataWarning } from './dataWarnings.ts';
import { checkSamplingHz } from './samplingRate.ts';

/** A numeric table read as a multi-channel signal. */
export interface CsvRecord {
  readonly format: 'csv';
  readonly file: string;
  readonly signal: Signal;
  /** Always empty: a CSV is read whole or refused. Kept so every reader's record has the list. */
  readonly warnings: readonly DataWarning[];
}

/** Words for a non-finite number (JavaScript, numpy, R, Excel): a cell, not a column name. */
const NON_FINITE_WORD = /^[+-]?(inf|infinity|nan)$/i;

/** Largest magnitude a float32 sample holds; beyond it a value would become Infinity. */
const FLOAT32_MAX = 3.4028234663852886e38;

/** Most columns read as channels (as many as an EDF may hold): a wider table is not a signal. */
export const MAX_CSV_COLUMNS = 4096;

/**
 * CSV or TSV of numeric columns (comma, semicolon or tab, detected from the first line), with an
 * optional header line of names. Each column becomes a channel sampled at `samplingHz`.
 * Empty lines are skipped; a non-numeric cell is an error naming its line and column, and so is a
 * non-finite one (NaN, Infinity) or one beyond float32's range. `samplingHz` must lie in
 * SAMPLING_HZ_RANGE.
 */
export function parseCsv(bytes: Uint8Array, file: string, samplingHz = 1): CsvRecord {
  checkSize(bytes, file, 256 * 1024 * 1024);
  checkSamplingHz(samplingHz, file, 'sampling rate (--csv-hz)', 0);
  const text = utf8(bytes);
  const lines = text.split(/\r?\n/);
  const first = lines.find((l) => l.trim() !== '') ?? '';
  const sep = first.includes('\t') ? '\t' : first.includes(';') ? ';' : ',';
  const cells = (l: string) => l.split(sep).map((c) => c.trim());
  const firstCells = cells(first);
  // A first line of 'NaN' or 'inf' is a row of damaged samples, not of column names.
  const header = firstCells.some((c) => c !== '' && !NON_FINITE_WORD.test(c) && !Number.isFinite(Number(c)));
  const names = header ? firstCells : firstCells.map((_, i) => `column ${i + 1}`);
  const cols = names.length;
  if (cols > MAX_CSV_COLUMNS) throw new DataFormatError(file, 'line 1', 0, `${cols} columns; at most ${MAX_CSV_COLUMNS} channels are read`);
  const rows: number[] = [];
  let offset = 0;
  let seenFirst = false;
  lines.forEach((line, li) => {
    const lineOffset = offset;
    offset += line.length + 1;
    if (line.trim() === '') return;
    if (!seenFirst) {
      seenFirst = true;
      if (header) return;
    }
    const cs = cells(line);
    if (cs.length !== cols) throw new DataFormatError(file, `line ${li + 1}`, lineOffset, `has ${cs.length} columns, the first line has ${cols}`);
    cs.forEach((c, ci) => {
      const v = Number(c);
      const at = `line ${li + 1} column ${ci + 1}`;
      if (c === '' || Number.isNaN(v) || NON_FINITE_WORD.test(c)) throw new DataFormatError(file, at, lineOffset, `'${c.slice(0, 20)}' is not a ${NON_FINITE_WORD.test(c) ? 'finite ' : ''}number`);
      if (!(Math.abs(v) <= FLOAT32_MAX)) throw new DataFormatError(file, at, lineOffset, `'${c.slice(0, 20)}' is beyond the ±3.4e38 a sample holds (it would read as Infinity)`);
      rows.push(v);
    });
  });
  if (rows.length === 0) throw new DataFormatError(file, 'rows', 0, 'no numeric rows');
  return { format: 'csv', file, signal: { samplingHz, channels: names, unit: '', length: rows.length / cols, values: Float32Array.from(rows), annotations: [] }, warnings: [] };
}
