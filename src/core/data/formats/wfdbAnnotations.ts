import { DataFormatError } from '../../errors.ts';
import { ByteReader } from './byteReader.ts';
import { checkFileBudget, FILE_BUDGETS } from './fileBudgets.ts';

/** One annotation of an MIT-format annotation file. */
export interface WfdbAnnotation {
  readonly sample: number;
  /** Mnemonic of the code (WFDB ecgcodes.h), e.g. 'N', 'V', '+'. */
  readonly symbol: string;
  readonly subtype: number;
  readonly chan: number;
  readonly num: number;
  readonly aux: string;
}

/** Mnemonics of annotation codes 0…41 (WFDB ecgcodes.h; code 0 is NOTQRS). */
const SYMBOLS = ['NOTQRS', 'N', 'L', 'R', 'a', 'V', 'F', 'J', 'A', 'S', 'E', 'j', '/', 'Q', '~', '?15', '|', '?17', 's', 'T', '*', 'D', '"', '=', 'p', 'B', '^', 't', '+', 'u', '?', '!', '[', ']', 'e', 'n', '@', 'x', 'f', '(', ')', 'r'];

const SKIP = 59;
const NUM = 60;
const SUB = 61;
const CHN = 62;
const AUX = 63;

/** Beat codes (annotations that mark a QRS complex), used to cut beats. */
export const BEAT_SYMBOLS: ReadonlySet<string> = new Set(['N', 'L', 'R', 'a', 'V', 'F', 'J', 'A', 'S', 'E', 'j', '/', 'Q', 'e', 'n', 'f', 'r']);

/** What a walk over an annotation file meets, in order. */
interface AnnotationVisitor {
  annotation(sample: number, code: number, chan: number, num: number): void;
  /** SUB: the subtype of the annotation just met. */
  subtype(value: number): void;
  /** AUX: `length` bytes at `offset` attached to the annotation just met. */
  aux(offset: number, length: number): void;
}

/**
 * Walks an MIT-format annotation file: 16-bit little-endian words of a 6-bit code and a 10-bit
 * sample interval; SKIP (59) carries a 32-bit interval in PDP-11 word order; NUM, SUB, CHN set the
 * fields of the annotation that follows and persist; AUX (63) attaches a byte string (padded to
 * even length). A zero word ends the file. With `samples` (the record's length), an annotation at
 * or past it is refused: it would point outside the signal it annotates.
 */
function walkAnnotations(bytes: Uint8Array, file: string, visit: AnnotationVisitor, samples?: number): void {
  const r: ByteReader = new ByteReader(bytes, file);
  let time = 0;
  let num = 0;
  let chan = 0;
  let o = 0;
  while (o + 2 <= bytes.length) {
    const word = r.u16le(o, 'annotation word');
    const code = word >> 10;
    const value = word & 0x3ff;
    o += 2;
    if (code === 0 && value === 0) return;
    if (code === SKIP) {
      const hi = r.i16le(o, 'SKIP interval (high word)');
      const lo = r.u16le(o + 2, 'SKIP interval (low word)');
      time += hi * 65536 + lo;
      o += 4;
    } else if (code === NUM) num = value > 511 ? value - 1024 : value;
    else if (code === SUB) visit.subtype(value > 511 ? value - 1024 : value);
    else if (code === CHN) chan = value;
    else if (code === AUX) {
      r.need(o, value, 'AUX string');
      visit.aux(o, value);
      o += value + (value % 2);
    } else {
      time += value;
      if (time < 0) throw new DataFormatError(file, 'annotation time', o - 2, `the running sample number became negative (${time})`);
      if (samples !== undefined && time >= samples) throw new DataFormatError(file, 'annotation time', o - 2, `sample ${time} is past the end of the record (${samples} samples)`);
      visit.annotation(time, code, chan, num);
    }
  }
  if (o !== bytes.length) throw new DataFormatError(file, 'annotation word', o, 'the file ends inside a word');
  // A file without its end marker is accepted (some writers omit it); every word was complete.
}

/** Annotations of a file, counted without keeping any (each takes at least one 2-byte word). */
function countAnnotations(bytes: Uint8Array, file: string): number {
  let n = 0;
  walkAnnotations(bytes, file, { annotation: () => void n++, subtype: () => undefined, aux: () => undefined });
  return n;
}

/**
 * Parses an MIT-format annotation file (see walkAnnotations). A file that may hold more
 * annotations than the budget (fileBudgets.ts; one per 2-byte word at most) is counted first,
 * without keeping any, and refused with the count over the budget.
 */
export function parseWfdbAnnotations(bytes: Uint8Array, file: string, samples?: number): WfdbAnnotation[] {
  if (Math.floor(bytes.length / 2) > FILE_BUDGETS.annotations.limit) {
    const n = countAnnotations(bytes, file);
    checkFileBudget('annotations', n, file, 'annotations', 0, `the file holds ${n} annotations`);
  }
  const out: { sample: number; symbol: string; subtype: number; chan: number; num: number; aux: string }[] = [];
  walkAnnotations(bytes, file, {
    annotation: (sample, code, chan, num) => void out.push({ sample, symbol: SYMBOLS[code] ?? `?${code}`, subtype: 0, chan, num, aux: '' }),
    subtype: (value) => {
      const last = out[out.length - 1];
      if (last) last.subtype = value;
    },
    aux: (o, length) => {
      const last = out[out.length - 1];
      if (last) last.aux = new TextDecoder('latin1').decode(bytes.subarray(o, o + length)).replace(/\0+$/, '');
    },
  }, samples);
  return out;
}
