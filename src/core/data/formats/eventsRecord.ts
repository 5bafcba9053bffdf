import type { DataWarning } from './dataWarnings.ts';

/** Polarity events of an event camera (DVS/ATIS), columnar; timestamps in µs, non-decreasing. */
export interface EventRecord {
  readonly format: 'nmnist' | 'aedat2' | 'aedat3' | 'synthetic';
  readonly file: string;
  readonly width: number;
  readonly height: number;
  readonly x: Uint16Array;
  readonly y: Uint16Array;
  /** 1 = ON (brighter), 0 = OFF. */
  readonly p: Uint8Array;
  /** Timestamps in µs (float64: AEDAT 3.1 timestamps can exceed 2^32 with their overflow words). */
  readonly t: Float64Array;
  /** Damage a file reader read through (events dropped, and why); absent for built-in events. */
  readonly warnings?: readonly DataWarning[];
}

/** Number of ON events. */
export function countOn(e: EventRecord): number {
  let n = 0;
  for (const v of e.p) n += v;
  return n;
}
