/** Builders of event-camera files for tests: exactly the events given, however absurd. */

/** One event: pixel, polarity (1 = ON) and timestamp in µs. */
export interface CraftEvent {
  readonly x: number;
  readonly y: number;
  readonly p: 0 | 1;
  readonly t: number;
}

/** N-MNIST bytes: 5 big-endian bytes per event (x, y, polarity bit + 23-bit timestamp). */
export function craftNmnist(events: readonly CraftEvent[]): Uint8Array {
  const out = new Uint8Array(5 * events.length);
  events.forEach((e, i) => {
    out.set([e.x, e.y, (e.p << 7) | ((e.t >> 16) & 0x7f), (e.t >> 8) & 0xff, e.t & 0xff], 5 * i);
  });
  return out;
}

/** AEDAT 2.0 bytes: the version line, then 8 bytes per DVS128 event (address, int32 time, big-endian). */
export function craftAedat2(events: readonly CraftEvent[]): Uint8Array {
  const head = new TextEncoder().encode('#!AER-DAT2.0\r\n# crafted\r\n');
  const out = new Uint8Array(head.length + 8 * events.length);
  out.set(head);
  const view = new DataView(out.buffer);
  events.forEach((e, i) => {
    view.setUint32(head.length + 8 * i, (e.y << 8) | (e.x << 1) | e.p, false);
    view.setInt32(head.length + 8 * i + 4, e.t, false);
  });
  return out;
}

/**
 * AEDAT 3.1 bytes: the text header to '#!END-HEADER', then one packet of polarity events (type 1,
 * 8 bytes each, all valid, timestamp at offset 4, overflow 0), little-endian.
 */
export function craftAedat3(events: readonly CraftEvent[]): Uint8Array {
  const head = new TextEncoder().encode('#!AER-DAT3.1\r\n#Format: RAW\r\n#!END-HEADER\r\n');
  const out = new Uint8Array(head.length + 28 + 8 * events.length);
  out.set(head);
  const view = new DataView(out.buffer, head.length);
  view.setInt16(0, 1, true); // polarity events
  view.setInt32(4, 8, true); // event size
  view.setInt32(8, 4, true); // timestamp offset
  view.setInt32(16, events.length, true); // capacity
  view.setInt32(20, events.length, true); // number
  view.setInt32(24, events.length, true); // valid
  events.forEach((e, i) => {
    view.setUint32(28 + 8 * i, ((e.x << 17) | (e.y << 2) | (e.p << 1) | 1) >>> 0, true);
    view.setInt32(28 + 8 * i + 4, e.t, true);
  });
  return out;
}
