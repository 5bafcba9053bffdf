/**
 * CSV as the plots export it (RFC 4180: comma-separated, a header line, fields quoted only when
 * they must be), built in chunks so that a long recording never becomes one giant string.
 */

/** A CSV field: quoted (with quotes doubled) when it holds a comma, a quote or a line break. */
export function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * A float32 value (a sample, a membrane potential, a read-out) in the shortest decimal that reads
 * back as the same float32: 7 significant digits are enough (IEEE 754 single has 24 bits, 7.22 digits),
 * so 0.1f is written 0.1, not 0.10000000149011612.
 */
export function f32(v: number): string {
  return Number.isFinite(v) ? String(Number(v.toPrecision(7))) : String(v);
}

/** A time in ms of step × dt without float noise (0.1 × 3 is written 0.3). */
export function stepMs(step: number, dtMs: number): string {
  return String(Number((step * dtMs).toFixed(6)));
}

/** Rows 0 … n−1 made by `row`, lazily (a 30-minute ECG is 650,000 of them). */
export function* rowsOf<T>(n: number, row: (i: number) => T): Generator<T> {
  for (let i = 0; i < n; i++) yield row(i);
}

/** Rows joined per chunk: a million-row table is a hundred strings, none larger than about a megabyte. */
const ROWS_PER_CHUNK = 10_000;

/** A table as CSV chunks: the header line, then `rows` (fields already written as text, or numbers). */
export function csvChunks(header: readonly string[], rows: Iterable<readonly (string | number)[]>): string[] {
  const chunks = [`${header.map(csvField).join(',')}\n`];
  let batch: string[] = [];
  for (const row of rows) {
    batch.push(`${row.map((v) => (typeof v === 'number' ? String(v) : csvField(v))).join(',')}\n`);
    if (batch.length === ROWS_PER_CHUNK) {
      chunks.push(batch.join(''));
      batch = [];
    }
  }
  if (batch.length > 0) chunks.push(batch.join(''));
  return chunks;
}

/** What a plot exports as data: a name for the file ('spikes', 'values', …) and the CSV text in chunks. */
export interface PlotCsv {
  readonly what: string;
  readonly chunks: readonly string[];
}
