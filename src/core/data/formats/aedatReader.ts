import { ByteReader, checkSize } from './byteReader.ts';
import { dataWarning } from './dataWarnings.ts';
import { checkFileBudget } from './fileBudgets.ts';
import type { EventRecord } from './eventsRecord.ts';

const END_HEADER = '#!END-HEADER';

/**
 * Bytes of the text header: consecutive lines starting with '#' (AEDAT 2), or up to '#!END-HEADER'
 * (3.1, which is refused without it: what follows would be read as packets of header text).
 */
function headerEnd(r: ByteReader, v3: boolean): number {
  const bytes = r.bytes;
  let o = 0;
  while (o < bytes.length && bytes[o] === 0x23) {
    let e = o;
    while (e < bytes.length && bytes[e] !== 0x0a) e++;
    const starts = END_HEADER.split('').every((c, i) => bytes[o + i] === c.charCodeAt(0));
    // A last line without its newline ends at the end of the file, not one byte past it.
    o = Math.min(e + 1, bytes.length);
    if (v3 && starts) return o;
  }
  if (v3) r.fail('header', Math.min(o, bytes.length), `no '${END_HEADER}' line ends the text header of this AEDAT 3.1 file`);
  return o;
}

type TypedColumn = Uint16Array | Uint8Array | Float64Array;

/**
 * A column of numbers grown by doubling in a typed array: 2, 1 or 8 bytes per event, where a JS
 * array of numbers took 8 or more and grew by copies (10^7 events of a file took 1.2 GB).
 */
class Column<T extends TypedColumn> {
  private data: T;
  length = 0;
  constructor(private readonly make: (n: number) => T) {
    this.data = make(4096);
  }

  push(v: number): void {
    if (this.length === this.data.length) {
      const next = this.make(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = v;
  }

  /** The values pushed, in an array of their own length. */
  finish(): T {
    return this.data.slice(0, this.length) as T;
  }
}

/**
 * Collects events in file order and keeps time non-decreasing, as every consumer of an EventRecord
 * assumes (windows are cut by a forward scan, frames counted from the last timestamp). An event
 * earlier than the latest kept one (a timestamp reset, a wrap of the 32-bit clock, a damaged
 * word) is dropped, not sorted in: a reset would interleave two recordings. The record's warning
 * says how many were dropped and where the first was.
 */
class EventBuilder {
  x = new Column((n) => new Uint16Array(n));
  y = new Column((n) => new Uint16Array(n));
  p = new Column((n) => new Uint8Array(n));
  t = new Column((n) => new Float64Array(n));
  private latest = -Infinity;
  private backwards = 0;
  private firstBackwards = { offset: -1, t: 0, after: 0 };

  /** Adds one event read at byte `offset`, unless its time runs backwards. */
  push(x: number, y: number, p: number, t: number, offset: number): void {
    if (t < this.latest) {
      if (this.backwards++ === 0) this.firstBackwards = { offset, t, after: this.latest };
      return;
    }
    this.latest = t;
    this.x.push(x);
    this.y.push(y);
    this.p.push(p);
    this.t.push(t);
  }

  finish(format: EventRecord['format'], file: string, width: number, height: number): EventRecord {
    const x = this.x.finish();
    const y = this.y.finish();
    // A loop, not Math.max(...array): spreading 10^5+ arguments overflows the call stack.
    let w = Math.max(width, 1);
    let h = Math.max(height, 1);
    for (const v of x) if (v + 1 > w) w = v + 1;
    for (const v of y) if (v + 1 > h) h = v + 1;
    const f = this.firstBackwards;
    const warnings = this.backwards === 0 ? [] : [dataWarning('timestamps_backwards', file, 'timestamp', f.offset, `${this.backwards} of ${this.backwards + this.t.length} events go back in time, the first (${f.t} µs after ${f.after} µs) here; they are dropped`)];
    return { format, file, width: w, height: h, x, y, p: this.p.finish(), t: this.t.finish(), warnings };
  }
}

/**
 * AEDAT 2.0 (jAER) from a DVS128: '#' header lines, then 8-byte events of a big-endian int32
 * address and int32 timestamp (µs). DVS128 address bits: 0 polarity (1 = ON), 1–7 x, 8–14 y;
 * bit 15 set marks an external (trigger) event, which is skipped. Events whose time runs backwards
 * are dropped with a warning (EventBuilder).
 */
export function parseAedat2(bytes: Uint8Array, file: string): EventRecord {
  checkSize(bytes, file);
  const r: ByteReader = new ByteReader(bytes, file);
  if (r.ascii(0, 12, 'version line') !== '#!AER-DAT2.0') r.fail('version line', 0, "an AEDAT 2.0 file starts with '#!AER-DAT2.0'");
  const start = headerEnd(r, false);
  if ((bytes.length - start) % 8 !== 0) r.fail('event', bytes.length - ((bytes.length - start) % 8), 'the events do not fill whole 8-byte records (truncated file?)');
  const records = (bytes.length - start) / 8;
  checkFileBudget('events', records, file, 'events', start, `the file holds ${records} event records`);
  const b = new EventBuilder();
  for (let o = start; o < bytes.length; o += 8) {
    const addr = r.u32be(o, 'address');
    if (addr & 0x8000) continue;
    b.push((addr >> 1) & 0x7f, (addr >> 8) & 0x7f, addr & 1, r.i32be(o + 4, 'timestamp'), o + 4);
  }
  return b.finish('aedat2', file, 128, 128);
}

/**
 * AEDAT 3.1 (cAER/DV): text header to '#!END-HEADER', then packets of a 28-byte little-endian
 * header (type, source, event size, timestamp offset, timestamp overflow, capacity, number, valid)
 * and `number` events. Polarity events (type 1, 8 bytes): uint32 data — bit 0 valid, bit 1
 * polarity, bits 2–16 y, bits 17–31 x — and int32 timestamp; time = overflow·2^31 + timestamp.
 * Other packet types (frames, IMU, special) are skipped.
 */
export function parseAedat3(bytes: Uint8Array, file: string): EventRecord {
  checkSize(bytes, file);
  const r: ByteReader = new ByteReader(bytes, file);
  if (r.ascii(0, 12, 'version line') !== '#!AER-DAT3.1') r.fail('version line', 0, "an AEDAT 3.1 file starts with '#!AER-DAT3.1'");
  let o = headerEnd(r, true);
  const b = new EventBuilder();
  // Polarity events announced so far: each packet header is costed before its events are read.
  let announced = 0;
  while (o < bytes.length) {
    const type = r.i16le(o, 'packet event type');
    const size = r.i32le(o + 4, 'packet event size');
    const tsOffset = r.i32le(o + 8, 'packet timestamp offset');
    const overflow = r.i32le(o + 12, 'packet timestamp overflow');
    const number = r.i32le(o + 20, 'packet event number');
    if (size < 8 || size > 1 << 20 || number < 0 || tsOffset < 0 || tsOffset + 4 > size) r.fail('packet header', o, `event size ${size}, number ${number}, timestamp offset ${tsOffset} are not consistent`);
    const body = o + 28;
    if (type === 1) {
      announced += number;
      checkFileBudget('events', announced, file, 'packet event number', o + 20, `the packets up to this one announce ${announced} polarity events`);
    }
    r.need(body, size * number, `packet of ${number} events × ${size} bytes`);
    if (type === 1) {
      for (let k = 0; k < number; k++) {
        const e = body + k * size;
        const data = r.u32le(e, 'polarity event data');
        if ((data & 1) === 0) continue;
        b.push((data >>> 17) & 0x7fff, (data >>> 2) & 0x7fff, (data >>> 1) & 1, overflow * 2 ** 31 + r.i32le(e + tsOffset, 'polarity event timestamp'), e + tsOffset);
      }
    }
    o = body + size * number;
  }
  return b.finish('aedat3', file, 1, 1);
}
