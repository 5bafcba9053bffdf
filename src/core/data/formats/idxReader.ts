import { gunzipSync } from 'fflate';
import { ByteReader, checkSize } from './byteReader.ts';

/** An IDX array (MNIST): unsigned bytes with their dimensions. */
export interface IdxRecord {
  readonly format: 'idx';
  readonly file: string;
  readonly dims: readonly number[];
  readonly data: Uint8Array;
}

/** Largest decompressed IDX accepted (a gzip bomb stops here, not in the tab's memory). */
const MAX_INFLATED = 256 * 1024 * 1024;

/**
 * IDX (LeCun's MNIST format), gzipped or not: 2 zero bytes, a type byte (0x08 = unsigned byte),
 * the number of dimensions, one big-endian uint32 per dimension, then the data row-major.
 */
export function parseIdx(bytes: Uint8Array, file: string): IdxRecord {
  checkSize(bytes, file);
  let raw = bytes;
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
    // gzip's footer holds the inflated size mod 2^32: check it before inflating.
    const r0: ByteReader = new ByteReader(bytes, file);
    const isize = r0.u32le(bytes.length - 4, 'gzip size footer');
    if (isize > MAX_INFLATED) r0.fail('gzip size footer', bytes.length - 4, `inflates to ${isize} bytes, over the ${MAX_INFLATED}-byte limit`);
    try {
      raw = gunzipSync(bytes, { out: new Uint8Array(isize) });
    } catch (e) {
      r0.fail('gzip stream', 10, `cannot be decompressed (${e instanceof Error ? e.message : String(e)})`);
    }
  }
  const r: ByteReader = new ByteReader(raw, file);
  if (r.u8(0, 'magic') !== 0 || r.u8(1, 'magic') !== 0) r.fail('magic', 0, 'an IDX file starts with two zero bytes');
  const type = r.u8(2, 'data type');
  if (type !== 0x08) r.fail('data type', 2, `type 0x${type.toString(16)} is not supported (0x08 unsigned byte, as in MNIST)`);
  const nd = r.u8(3, 'number of dimensions');
  if (nd < 1 || nd > 4) r.fail('number of dimensions', 3, `${nd} dimensions`);
  const dims = Array.from({ length: nd }, (_, i) => r.u32be(4 + 4 * i, `dimension ${i}`));
  const start = 4 + 4 * nd;
  const size = dims.reduce((a, b) => a * b, 1);
  r.need(start, size, `data of ${dims.join(' × ')} bytes`);
  if (raw.length !== start + size) r.fail('data', start + size, `${raw.length - start - size} bytes follow the announced ${dims.join(' × ')} array`);
  return { format: 'idx', file, dims, data: raw.subarray(start, start + size) };
}
