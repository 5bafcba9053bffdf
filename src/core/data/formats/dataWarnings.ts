/**
 * The one channel by which a reader reports damage it read through: the data stay readable, so the
 * file is not refused, but the user is told what is wrong, where, and what was done about it. Every
 * reader appends to the `warnings` of the record it returns; the CLI (`inspect`, text and JSON) and
 * the page (the loaded-file list) show them from the record's summary.
 */

/** Each kind of readable damage with the short title the CLI and the page print before it. */
export const DATA_WARNING_TITLES = {
  checksum_mismatch: 'checksum mismatch',
  data_truncated: 'data cut short',
  record_count_unknown: 'record count unknown',
  events_outside_sensor: 'events outside the sensor',
  timestamps_backwards: 'time runs backwards',
} as const;

/** Stable machine-readable code of a warning (a key of DATA_WARNING_TITLES). */
export type DataWarningCode = keyof typeof DATA_WARNING_TITLES;

/** One piece of readable damage: which file, which field, at which byte, and what it means. */
export interface DataWarning {
  readonly code: DataWarningCode;
  readonly file: string;
  readonly field: string;
  readonly byteOffset: number;
  /** `file: field at byte N: reason`, worded as DataFormatError's messages are. */
  readonly message: string;
}

/** A warning whose message names the file, the field and the byte offset, as an error would. */
export function dataWarning(code: DataWarningCode, file: string, field: string, byteOffset: number, reason: string): DataWarning {
  return { code, file, field, byteOffset, message: `${file}: ${field} at byte ${byteOffset}: ${reason}` };
}

/** A warning as one line of text: `warning (checksum mismatch): 100.dat: signal 0 …`. */
export function formatDataWarning(w: Pick<DataWarning, 'code' | 'message'>): string {
  return `warning (${DATA_WARNING_TITLES[w.code]}): ${w.message}`;
}
