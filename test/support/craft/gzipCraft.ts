import { constants, deflateRawSync } from 'node:zlib';

/**
 * Gzip bombs built in milliseconds rather than by compressing gigabytes: a DEFLATE stream may be
 * the concatenation of byte-aligned non-final segments (zlib's sync flush ends each on a byte),
 * so one compressed MiB of zeros is repeated as often as needed and an empty final block closes it.
 */

const MIB = 2 ** 20;
/** An empty stored block with BFINAL set: ends a DEFLATE stream on a byte boundary. */
const FINAL_EMPTY_BLOCK = [0x01, 0x00, 0x00, 0xff, 0xff];
const GZIP_HEADER = [0x1f, 0x8b, 0x08, 0x00, 0, 0, 0, 0, 0x00, 0x03];

const syncSegment = (bytes: Uint8Array) => deflateRawSync(bytes, { level: 9, finishFlush: constants.Z_SYNC_FLUSH });

/**
 * A gzip file inflating to `head` followed by `zeroMiB` MiB of zeros. Its size footer is the true
 * size mod 2^32 unless `footer` is given (a lie); the CRC is left 0 (readers here do not check it).
 */
export function gzipBomb(head: Uint8Array, zeroMiB: number, footer?: number): Uint8Array {
  const first = syncSegment(head);
  const zeros = syncSegment(new Uint8Array(MIB));
  const size = 10 + first.length + zeros.length * zeroMiB + FINAL_EMPTY_BLOCK.length + 8;
  const out = new Uint8Array(size);
  out.set(GZIP_HEADER, 0);
  let o = 10;
  out.set(first, o);
  o += first.length;
  for (let i = 0; i < zeroMiB; i++, o += zeros.length) out.set(zeros, o);
  out.set(FINAL_EMPTY_BLOCK, o);
  const inflated = head.length + zeroMiB * MIB;
  new DataView(out.buffer).setUint32(size - 4, footer ?? inflated % 2 ** 32, true);
  return out;
}

/** The 8- or 16-byte header of an unsigned-byte IDX array of these dimensions. */
export function idxHeader(dims: readonly number[]): Uint8Array {
  const out = new Uint8Array(4 + 4 * dims.length);
  out.set([0, 0, 0x08, dims.length]);
  dims.forEach((d, i) => new DataView(out.buffer).setUint32(4 + 4 * i, d, false));
  return out;
}
