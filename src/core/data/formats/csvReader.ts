import { quoteInput } from '../../format/inputText.ts';
import type { Signal } from '../signal.ts';
import { checkSize, utf8 } from './byteReader.ts';
import { DataFormatError } from '../../errors.ts';
import type { DataWarning } from './dataWarnings.ts';
import { checkSamplingHz } from './samplingRate.ts';
import { checkFileBudget, fileBudgetFigure, FILE_BUDGETS } from './fileBudgets.ts';

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
export const MAX_CSV_COLUMNS = FILE_BUDGETS.csvColumns.limit;

const NL = 0x0a;
const SEPARATORS = [0x09, 0x3b, 0x2c]; // tab, ';', ',' in order of precedence

/** The shape of a CSV from a byte scan, before any text is decoded or split. */
interface CsvShape {
  /** Byte offset and 1-based number of the first line that is not blank. */
  readonly firstStart: number;
  readonly firstLine: number;
  readonly sep: number;
  readonly columns: number;
  /** Lines from the first non-blank one on: a bound on the rows. */
  readonly lines: number;
}

/**
 * Scans the bytes once: where the first non-blank line is, its separator and column count, and
 * how many lines follow. A 100 MB file of one line is 11 million columns; splitting it into
 * strings to find that out took 2.4 GB, counting bytes takes none.
 */
function scanShape(bytes: Uint8Array): CsvShape {
  let start = 0;
  let line = 1;
  let end = bytes.indexOf(NL, start);
  // Blank lines (only spaces, tabs, CR) before the first one that holds something.
  while (isBlank(bytes, start, end < 0 ? bytes.length : end) && end >= 0) {
    start = end + 1;
    line++;
    end = bytes.indexOf(NL, start);
  }
  const stop = end < 0 ? bytes.length : end;
  const first = bytes.subarray(start, stop);
  const sep = SEPARATORS.find((c) => first.includes(c)) ?? 0x2c;
  let columns = 1;
  for (let i = 0; i < first.length; i++) if (first[i] === sep) columns++;
  let lines = 1;
  for (let i = bytes.indexOf(NL, start); i >= 0; i = bytes.indexOf(NL, i + 1)) lines++;
  return { firstStart: start, firstLine: line, sep, columns, lines };
}

function isBlank(bytes: Uint8Array, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const b = bytes[i] as number;
    if (b !== 0x20 && b !== 0x09 && b !== 0x0d) return false;
  }
  return true;
}

/**
 * CSV or TSV of numeric columns (comma, semicolon or tab, detected from the first line), with an
 * optional header line of names. Each column becomes a channel sampled at `samplingHz`.
 * Empty lines are skipped; a non-numeric cell is an error naming its line and column, and so is a
 * non-finite one (NaN, Infinity) or one beyond float32's range. `samplingHz` must lie in
 * SAMPLING_HZ_RANGE. A table of more columns or values than the file budgets allow
 * (fileBudgets.ts) is refused from a byte scan, before its text is decoded.
 */
export function parseCsv(bytes: Uint8Array, file: string, samplingHz = 1): CsvRecord {
  checkSize(bytes, file, 256 * 1024 * 1024);
  checkSamplingHz(samplingHz, file, 'sampling rate (--csv-hz)', 0);
  const shape = scanShape(bytes);
  const cols = shape.columns;
  checkFileBudget('csvColumns', cols, file, `line ${shape.firstLine}`, shape.firstStart, `${cols} columns`);
  checkFileBudget('signalValues', shape.lines * cols, file, 'rows', shape.firstStart, `up to ${fileBudgetFigure(shape.lines * cols)} values (${shape.lines} lines × ${cols} columns)`);
  const text = utf8(bytes);
  const sep = String.fromCharCode(shape.sep);
  const cells = (l: string) => l.split(sep).map((c) => c.trim());
  // Sized from the scan (a bound), filled row by row, trimmed at the end: no array of boxed numbers.
  const values = new Float32Array(shape.lines * cols);
  let names: string[] = [];
  let n = 0;
  // Line by line with indexOf, not split(): 2.4e7 lines held as strings at once took 760 MB.
  for (let pos = 0, li = 1; pos <= text.length; li++) {
    const nl = text.indexOf('\n', pos);
    const end = nl < 0 ? text.length : nl;
    const line = text.slice(pos, end > pos && text.charCodeAt(end - 1) === 0x0d ? end - 1 : end);
    const lineOffset = pos;
    pos = end + 1;
    if (line.trim() === '') continue;
    const cs = cells(line);
    if (names.length === 0) {
      // A first line of 'NaN' or 'inf' is a row of damaged samples, not of column names.
      const header = cs.some((c) => c !== '' && !NON_FINITE_WORD.test(c) && !Number.isFinite(Number(c)));
      names = header ? cs : cs.map((_, i) => `column ${i + 1}`);
      if (header) continue;
    }
    if (cs.length !== cols) throw new DataFormatError(file, `line ${li}`, lineOffset, `has ${cs.length} columns, the first line has ${cols}`);
    cs.forEach((c, ci) => {
      const v = Number(c);
      const at = `line ${li} column ${ci + 1}`;
      if (c === '' || Number.isNaN(v) || NON_FINITE_WORD.test(c)) throw new DataFormatError(file, at, lineOffset, `'${quoteInput(c)}' is not a ${NON_FINITE_WORD.test(c) ? 'finite ' : ''}number`);
      if (!(Math.abs(v) <= FLOAT32_MAX)) throw new DataFormatError(file, at, lineOffset, `'${quoteInput(c)}' is beyond the ±3.4e38 a sample holds (it would read as Infinity)`);
      values[n++] = v;
    });
  }
  if (n === 0) throw new DataFormatError(file, 'rows', 0, 'no numeric rows');
  return { format: 'csv', file, signal: { samplingHz, channels: names, unit: '', length: n / cols, values: values.slice(0, n), annotations: [] }, warnings: [] };
}
