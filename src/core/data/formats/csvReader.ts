import { quoteInput } from '../../format/inputText.ts';
import type { Signal } from '../signal.ts';
import { checkSize, utf8 } from './byteReader.ts';
import { DataFormatError } from '../../errors.ts';

/** A numeric table read as a multi-channel signal. */
export interface CsvRecord {
  readonly format: 'csv';
  readonly file: string;
  readonly signal: Signal;
}

/** Most columns read as channels (as many as an EDF may hold): a wider table is not a signal. */
export const MAX_CSV_COLUMNS = 4096;

/**
 * CSV or TSV of numeric columns (comma, semicolon or tab, detected from the first line), with an
 * optional header line of names. Each column becomes a channel sampled at `samplingHz`.
 * Empty lines are skipped; a non-numeric cell is an error naming its line and column.
 */
export function parseCsv(bytes: Uint8Array, file: string, samplingHz = 1): CsvRecord {
  checkSize(bytes, file, 256 * 1024 * 1024);
  const text = utf8(bytes);
  const lines = text.split(/\r?\n/);
  const first = lines.find((l) => l.trim() !== '') ?? '';
  const sep = first.includes('\t') ? '\t' : first.includes(';') ? ';' : ',';
  const cells = (l: string) => l.split(sep).map((c) => c.trim());
  const firstCells = cells(first);
  const header = firstCells.some((c) => c !== '' && !Number.isFinite(Number(c)));
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
      if (c === '' || !Number.isFinite(v)) throw new DataFormatError(file, `line ${li + 1} column ${ci + 1}`, lineOffset, `'${quoteInput(c)}' is not a number`);
      rows.push(v);
    });
  });
  if (rows.length === 0) throw new DataFormatError(file, 'rows', 0, 'no numeric rows');
  return { format: 'csv', file, signal: { samplingHz, channels: names, unit: '', length: rows.length / cols, values: Float32Array.from(rows), annotations: [] } };
}
