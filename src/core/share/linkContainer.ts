import { crc32 } from '../data/checksum.ts';
import { LinkError } from '../errors.ts';

/**
 * The bytes a link holds before compression:
 *
 *   varint n | n bytes of UTF-8 JSON (the header) | binary payload | CRC-32 (4 bytes, little-endian)
 *
 * The varint is unsigned LEB128. The JSON says what the payload is (quantised weights, or nothing),
 * and the CRC covers everything before it: raw DEFLATE has no checksum of its own, and a cut or
 * altered link can still inflate to something.
 */
export interface LinkContainer {
  readonly header: Uint8Array;
  readonly payload: Uint8Array;
}

/** A varint of more than 4 bytes (≥ 256 MB) cannot describe anything within the inflate cap. */
const MAX_VARINT_BYTES = 4;

/** Lays out a header and a payload as above. */
export function packContainer({ header, payload }: LinkContainer): Uint8Array {
  const length: number[] = [];
  let n = header.length;
  do {
    length.push((n & 0x7f) | (n > 0x7f ? 0x80 : 0));
    n >>>= 7;
  } while (n > 0);
  const out = new Uint8Array(length.length + header.length + payload.length + 4);
  out.set(length, 0);
  out.set(header, length.length);
  out.set(payload, length.length + header.length);
  const body = out.length - 4;
  new DataView(out.buffer).setUint32(body, crc32(out.subarray(0, body)), true);
  return out;
}

/** Splits container bytes back into header and payload; LinkError 'container' when they do not add up. */
export function unpackContainer(bytes: Uint8Array): LinkContainer {
  if (bytes.length < 5) throw new LinkError('container', `the link holds only ${bytes.length} bytes; it was cut short`);
  const body = bytes.length - 4;
  const stored = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(body, true);
  if (stored !== crc32(bytes.subarray(0, body))) throw new LinkError('container', 'the checksum does not match: the link was altered or cut short');
  let length = 0;
  let at = 0;
  for (;;) {
    const b = bytes[at];
    if (b === undefined || at >= MAX_VARINT_BYTES) throw new LinkError('container', 'the header length is malformed');
    length += (b & 0x7f) * 2 ** (7 * at);
    at++;
    if ((b & 0x80) === 0) break;
  }
  if (length > body - at) throw new LinkError('container', `the header claims ${length} bytes but only ${body - at} follow`);
  return { header: bytes.subarray(at, at + length), payload: bytes.subarray(at + length, body) };
}
