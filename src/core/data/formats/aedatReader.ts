import { ByteReader, checkSize } from './byteReader.ts';
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

class EventBuilder {
  x: number[] = [];
  y: number[] = [];
  p: number[] = [];
  t: number[] = [];
  finish(format: EventRecord['format'], file: string, width: number, height: number): EventRecord {
    // A loop, not Math.max(...array): spreading 10^5+ arguments overflows the call stack.
    let w = Math.max(width, 1);
    let h = Math.max(height, 1);
    for (const v of this.x) if (v + 1 > w) w = v + 1;
    for (const v of this.y) if (v + 1 > h) h = v + 1;
    return {
      format,
      file,
      width: w,
      height: h,
      x: Uint16Array.from(this.x),
      y: Uint16Array.from(this.y),
      p: Uint8Array.from(this.p),
      t: Float64Array.from(this.t),
    };
  }
}

/**
 * AEDAT 2.0 (jAER) from a DVS128: '#' header lines, then 8-byte events of a big-endian int32
 * address and int32 timestamp (µs). DVS128 address bits: 0 polarity (1 = ON), 1–7 x, 8–14 y;
 * bit 15 set marks an external (trigger) event, which is skipped.
 */
export function parseAedat2(bytes: Uint8Array, file: string): EventRecord {
  checkSize(bytes, file);
  const r: ByteReader = new ByteReader(bytes, file);
  if (r.ascii(0, 12, 'version line') !== '#!AER-DAT2.0') r.fail('version line', 0, "an AEDAT 2.0 file starts with '#!AER-DAT2.0'");
  const start = headerEnd(r, false);
  if ((bytes.length - start) % 8 !== 0) r.fail('event', bytes.length - ((bytes.length - start) % 8), 'the events do not fill whole 8-byte records (truncated file?)');
  const b = new EventBuilder();
  for (let o = start; o < bytes.length; o += 8) {
    const addr = r.u32be(o, 'address');
    if (addr & 0x8000) continue;
    b.x.push((addr >> 1) & 0x7f);
    b.y.push((addr >> 8) & 0x7f);
    b.p.push(addr & 1);
    b.t.push(r.i32be(o + 4, 'timestamp'));
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
  while (o < bytes.length) {
    const type = r.i16le(o, 'packet event type');
    const size = r.i32le(o + 4, 'packet event size');
    const tsOffset = r.i32le(o + 8, 'packet timestamp offset');
    const overflow = r.i32le(o + 12, 'packet timestamp overflow');
    const number = r.i32le(o + 20, 'packet event number');
    if (size < 8 || size > 1 << 20 || number < 0 || tsOffset < 0 || tsOffset + 4 > size) r.fail('packet header', o, `event size ${size}, number ${number}, timestamp offset ${tsOffset} are not consistent`);
    const body = o + 28;
    r.need(body, size * number, `packet of ${number} events × ${size} bytes`);
    if (type === 1) {
      for (let k = 0; k < number; k++) {
        const e = body + k * size;
        const data = r.u32le(e, 'polarity event data');
        if ((data & 1) === 0) continue;
        b.x.push((data >>> 17) & 0x7fff);
        b.y.push((data >>> 2) & 0x7fff);
        b.p.push((data >>> 1) & 1);
        b.t.push(overflow * 2 ** 31 + r.i32le(e + tsOffset, 'polarity event timestamp'));
      }
    }
    o = body + size * number;
  }
  return b.finish('aedat3', file, 1, 1);
}
