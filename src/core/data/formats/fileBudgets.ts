import { DataFormatError } from '../../errors.ts';

/**
 * The file budgets: how much one file may make a reader allocate. A header field or the shape of
 * the input (a 100 MB CSV of one line is 11 million columns) must not size an allocation on its
 * own, so each reader costs the file from its header or a byte scan first and refuses it over
 * these figures, with the file, the field and the byte offset. The figures sit far above every
 * file in ../shared/data (the largest signal, MIT-BIH 1.3e6 values; the largest .atr 1.3e4
 * annotations) and far below what a browser tab holds. File size itself is capped by
 * byteReader.ts (MAX_FILE_BYTES) and a gzipped IDX file by idxReader.ts (MAX_IDX_INFLATED_BYTES).
 */
export type FileBudgetName = 'csvColumns' | 'signalValues' | 'annotations' | 'events';

/** One file budget: its limit, what it counts (plural noun), and why. */
export interface FileBudget {
  readonly limit: number;
  readonly unit: string;
  /** Why the figure is what it is (README "Limits"). */
  readonly why: string;
}

/** The file budgets by name; the only place their figures live. */
export const FILE_BUDGETS: Readonly<Record<FileBudgetName, FileBudget>> = {
  csvColumns: { limit: 4096, unit: 'channels', why: 'columns of a CSV/TSV read as channels, as many as an EDF may hold: a wider table is not a signal' },
  signalValues: { limit: 5e7, unit: 'values', why: 'samples × channels of one signal file (CSV/TSV, EDF/BDF, WAV, WFDB): 200 MB as float32, held again as the encoder input' },
  annotations: { limit: 1e6, unit: 'annotations', why: 'annotations of one WFDB .atr file (a week of beats at 100 bpm); each is a small object of about 100 bytes' },
  events: { limit: 1e7, unit: 'events', why: 'events of one N-MNIST or AEDAT file, 13 bytes each once read (130 MB), as many as a run may record; an N-MNIST sample holds about 5e3' },
};

/** `4096`, or `5.0e7` from 10^5 on (as the workspace budgets print their figures). */
export function fileBudgetFigure(n: number): string {
  return n < 1e5 ? String(n) : n.toExponential(1).replace('e+', 'e');
}

/**
 * Throws a DataFormatError when `value` is over the budget `name`: `{file}: {field} at byte
 * {offset}: {what}; at most {limit} {unit} are read`. `what` says what the file holds
 * (`11,000,000 columns`); `value` is that figure (an exact count or a bound from the header).
 */
export function checkFileBudget(name: FileBudgetName, value: number, file: string, field: string, byteOffset: number, what: string): void {
  const b = FILE_BUDGETS[name];
  if (value > b.limit) throw new DataFormatError(file, field, byteOffset, `${what}; at most ${fileBudgetFigure(b.limit)} ${b.unit} are read`);
}
