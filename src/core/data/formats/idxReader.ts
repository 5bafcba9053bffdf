import { boundedGunzip, gunzipPrefix } from './boundedGunzip.ts';
import { ByteReader, checkSize } from './byteReader.ts';
import type { DataWarning } from './dataWarnings.ts';

/** An IDX array (MNIST): unsigned bytes with their dimensions. */
export interface IdxRecord {
  readonly format: 'idx';
  readonly file: string;
  readonly dims: readonly number[];
  readonly data: Uint8Array;
  /** Always empty: an IDX file is read whole or refused. Kept so every reader's record has the list. */
  readonly warnings: readonly DataWarning[];
}

/** Largest decompressed IDX accepted (a gzip bomb stops here, not in the tab's memory). */
export const MAX_IDX_INFLATED_BYTES = 256 * 1024 * 1024;

/** Bytes of the longest IDX header: magic, type, rank and four dimensions. */
const MAX_HEADER_BYTES = 4 + 4 * 4;

interface IdxHeader {
  readonly dims: readonly number[];
  /** Byte offset of the data. */
  readonly start: number;
  /** Bytes of data the dimensions announce. */
  readonly size: number;
}

function readHeader(r: ByteReader): IdxHeader {
  if (r.u8(0, 'magic') !== 0 || r.u8(1, 'magic') !== 0) r.fail('magic', 0, 'an IDX file starts with two zero bytes');
  const type = r.u8(2, 'data type');
  if (type !== 0x08) r.fail('data type', 2, `type 0x${type.toString(16)} is not supported (0x08 unsigned byte, as in MNIST)`);
  const nd = r.u8(3, 'number of dimensions');
  if (nd < 1 || nd > 4) r.fail('number of dimensions', 3, `${nd} dimensions`);
  const dims = Array.from({ length: nd }, (_, i) => r.u32be(4 + 4 * i, `dimension ${i}`));
  return { dims, start: 4 + 4 * nd, size: dims.reduce((a, b) => a * b, 1) };
}

/**
 * Inflates a gzipped IDX to exactly the size its header announces: the header is read from the
 * first inflated bytes, a size over `cap` is refused before inflating more, and a stream that goes
 * on past the announced size (a bomb, whatever its footer says) is stopped there.
 */
function inflateIdx(bytes: Uint8Array, file: string, cap: number): Uint8Array {
  const head = readHeader(new ByteReader(gunzipPrefix(bytes, file, MAX_HEADER_BYTES), file));
  const announced = head.start + head.size;
  if (announced > cap) {
    new ByteReader(bytes, file).fail(`data of ${head.dims.join(' × ')} bytes`, head.start, `the header announces ${announced} bytes inflated, over the ${(cap / 2 ** 20).toFixed(0)} MB limit (${cap} bytes)`);
  }
  return boundedGunzip(bytes, file, announced, `the limit of the ${announced} bytes its IDX header announces (${head.dims.join(' × ')})`);
}

/**
 * IDX (LeCun's MNIST format), gzipped or not: 2 zero bytes, a type byte (0x08 = unsigned byte),
 * the number of dimensions, one big-endian uint32 per dimension, then the data row-major. A gzipped
 * file is inflated no further than its header announces and at most `maxInflatedBytes`.
 */
export function parseIdx(bytes: Uint8Array, file: string, maxInflatedBytes = MAX_IDX_INFLATED_BYTES): IdxRecord {
  checkSize(bytes, file);
  const raw = bytes[0] === 0x1f && bytes[1] === 0x8b ? inflateIdx(bytes, file, maxInflatedBytes) : bytes;
  const r: ByteReader = new ByteReader(raw, file);
  const { dims, start, size } = readHeader(r);
  r.need(start, size, `data of ${dims.join(' × ')} bytes`);
  if (raw.length !== start + size) r.fail('data', start + size, `${raw.length - start - size} bytes follow the announced ${dims.join(' × ')} array`);
  return { format: 'idx', file, dims, data: raw.subarray(start, start + size), warnings: [] };
}
