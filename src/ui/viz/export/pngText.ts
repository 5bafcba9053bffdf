/**
 * Text chunks in a PNG (PNG spec, 3rd ed., 11.3.3.4 iTXt): the figure's title and stamp travel in
 * the file as well as in its pixels, readable by exiftool, Pillow (`Image.open(f).text`) or
 * ImageMagick's `identify -verbose`. iTXt rather than tEXt: UTF-8, so a title with → or — stays whole.
 */

import { crc32 } from '../../../core/data/checksum.ts';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

// The chunk CRC is CRC-32 (ISO 3309, PNG spec annex D): the same one file checksums and links use.

/** One iTXt chunk: keyword (1–79 Latin-1 characters), uncompressed, no language tag, UTF-8 text. */
function itxtChunk(keyword: string, text: string): Uint8Array {
  if (!/^[\x20-\x7e]{1,79}$/.test(keyword) || keyword !== keyword.trim()) throw new Error(`a PNG text keyword must be 1–79 printable ASCII characters without leading or trailing spaces, got '${keyword}'`);
  const enc = new TextEncoder();
  // keyword \0, compression flag 0, method 0, language tag "" \0, translated keyword "" \0, text.
  const data = new Uint8Array([...enc.encode(keyword), 0, 0, 0, 0, 0, ...enc.encode(text)]);
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  out.set(enc.encode('iTXt'), 4);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

/**
 * The PNG with `entries` as iTXt chunks right after its IHDR chunk (before the image data, where
 * readers that stop early still see them). Throws when `png` is not a PNG.
 */
export function withPngText(png: Uint8Array, entries: readonly (readonly [string, string])[]): Uint8Array<ArrayBuffer> {
  if (png.length < 33 || PNG_SIGNATURE.some((b, i) => png[i] !== b)) throw new Error('not a PNG file (its first 8 bytes are not the PNG signature)');
  const ihdrEnd = 8 + 12 + new DataView(png.buffer, png.byteOffset).getUint32(8);
  const chunks = entries.map(([k, v]) => itxtChunk(k, v));
  const out = new Uint8Array(png.length + chunks.reduce((a, c) => a + c.length, 0));
  out.set(png.subarray(0, ihdrEnd));
  let at = ihdrEnd;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  out.set(png.subarray(ihdrEnd), at);
  return out;
}
