import { ByteReader, checkSize } from './byteReader.ts';
import { dataWarning } from './dataWarnings.ts';
import { checkFileBudget } from './fileBudgets.ts';
import type { EventRecord } from './eventsRecord.ts';

/** N-MNIST's sensor: the ATIS crop of Orchard et al. (2015), 34 × 34 pixels. */
export const NMNIST_SENSOR = { width: 34, height: 34 } as const;

/**
 * N-MNIST binary events (Orchard et al. 2015): no header, 5 bytes per event, big-endian fields —
 * byte 0 x, byte 1 y, bit 7 of byte 2 polarity (1 = ON), bits 22…0 of bytes 2–4 timestamp (µs).
 * A size that is not a multiple of 5 is a truncated file. An event outside the 34 × 34 sensor is
 * damage: it is dropped and the record's warning says how many and where the first was (a file of
 * nothing else is refused); it used to widen the frame, and the input layer with it.
 */
export function parseNmnist(bytes: Uint8Array, file: string): EventRecord {
  checkSize(bytes, file);
  const r: ByteReader = new ByteReader(bytes, file);
  if (bytes.length % 5 !== 0) r.fail('event', bytes.length - (bytes.length % 5), `${bytes.length} bytes is not a whole number of 5-byte events (truncated file?)`);
  const total = bytes.length / 5;
  checkFileBudget('events', total, file, 'events', 0, `the file holds ${total} events`);
  const x = new Uint16Array(total);
  const y = new Uint16Array(total);
  const p = new Uint8Array(total);
  const t = new Float64Array(total);
  let n = 0;
  let outside = 0;
  let firstOutside = -1;
  let last = -1;
  for (let i = 0; i < total; i++) {
    const o = 5 * i;
    const b2 = bytes[o + 2] as number;
    const time = ((b2 & 0x7f) << 16) | ((bytes[o + 3] as number) << 8) | (bytes[o + 4] as number);
    if (time < last) r.fail('timestamp', o + 2, `time goes backwards (${time} µs after ${last} µs): not an N-MNIST file`);
    last = time;
    const ex = bytes[o] as number;
    const ey = bytes[o + 1] as number;
    if (ex >= NMNIST_SENSOR.width || ey >= NMNIST_SENSOR.height) {
      if (outside++ === 0) firstOutside = o;
      continue;
    }
    x[n] = ex;
    y[n] = ey;
    p[n] = b2 >> 7;
    t[n] = time;
    n++;
  }
  const where = `${outside} of ${total} events lie outside the ${NMNIST_SENSOR.width}×${NMNIST_SENSOR.height} sensor (x or y ≥ 34), the first at byte ${firstOutside}`;
  if (outside > 0 && n === 0) r.fail('event x, y', firstOutside, `${where}: not an N-MNIST file`);
  const warnings = outside > 0 ? [dataWarning('events_outside_sensor', file, 'event x, y', firstOutside, `${where}; they are dropped`)] : [];
  const { width, height } = NMNIST_SENSOR;
  return { format: 'nmnist', file, width, height, x: x.slice(0, n), y: y.slice(0, n), p: p.slice(0, n), t: t.slice(0, n), warnings };
}
