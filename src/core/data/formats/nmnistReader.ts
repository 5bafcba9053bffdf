import { ByteReader, checkSize } from './byteReader.ts';
import { checkFileBudget } from './fileBudgets.ts';
import type { EventRecord } from './eventsRecord.ts';

/**
 * N-MNIST binary events (Orchard et al. 2015): no header, 5 bytes per event, big-endian fields —
 * byte 0 x, byte 1 y, bit 7 of byte 2 polarity (1 = ON), bits 22…0 of bytes 2–4 timestamp (µs).
 * Sensor 34 × 34. A size that is not a multiple of 5 is a truncated file.
 */
export function parseNmnist(bytes: Uint8Array, file: string): EventRecord {
  checkSize(bytes, file);
  const r: ByteReader = new ByteReader(bytes, file);
  if (bytes.length % 5 !== 0) r.fail('event', bytes.length - (bytes.length % 5), `${bytes.length} bytes is not a whole number of 5-byte events (truncated file?)`);
  const n = bytes.length / 5;
  checkFileBudget('events', n, file, 'events', 0, `the file holds ${n} events`);
  const x = new Uint16Array(n);
  const y = new Uint16Array(n);
  const p = new Uint8Array(n);
  const t = new Float64Array(n);
  let width = 0;
  let height = 0;
  for (let i = 0; i < n; i++) {
    const o = 5 * i;
    const b2 = bytes[o + 2] as number;
    x[i] = bytes[o] as number;
    y[i] = bytes[o + 1] as number;
    p[i] = b2 >> 7;
    t[i] = ((b2 & 0x7f) << 16) | ((bytes[o + 3] as number) << 8) | (bytes[o + 4] as number);
    if (i > 0 && (t[i] as number) < (t[i - 1] as number)) r.fail('timestamp', o + 2, `time goes backwards (${t[i]} µs after ${t[i - 1]} µs): not an N-MNIST file`);
    width = Math.max(width, (x[i] as number) + 1);
    height = Math.max(height, (y[i] as number) + 1);
  }
  // N-MNIST's sensor is 34 × 34; a file of one saccade may not touch the border.
  return { format: 'nmnist', file, width: Math.max(34, width), height: Math.max(34, height), x, y, p, t };
}
