import * as zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { pngChunks, pngSize, pngTextEntries } from '../../../../test/support/pngChunks.ts';
import { crc32 } from '../../../core/data/checksum.ts';
import { withPngText } from './pngText.ts';

const PNG_1PX = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

describe('withPngText', () => {
  it('puts UTF-8 text chunks after IHDR with valid CRCs and leaves the image data as it was', () => {
    const out = withPngText(PNG_1PX, [
      ['Title', 'Spike raster — lif1 → out'],
      ['Description', 'workspace: sha256:0123456789abcdef\nseed: 1'],
    ]);
    const chunks = pngChunks(out);
    expect(chunks.map((c) => c.type)).toEqual(['IHDR', 'iTXt', 'iTXt', 'IDAT', 'IEND']);
    expect(pngTextEntries(out)).toEqual({ Title: 'Spike raster — lif1 → out', Description: 'workspace: sha256:0123456789abcdef\nseed: 1' });
    expect(Buffer.from(chunks[3]?.data ?? []).equals(Buffer.from(pngChunks(PNG_1PX)[1]?.data ?? []))).toBe(true);
    expect(pngSize(out)).toEqual({ width: 1, height: 1 });
  });

  it('computes the CRC-32 of the PNG spec (zlib’s), and refuses a file that is not a PNG or a bad keyword', () => {
    expect(crc32(new TextEncoder().encode('IEND'))).toBe(0xae426082);
    const zcrc = (zlib as { crc32?: (b: Uint8Array) => number }).crc32;
    if (zcrc) expect(crc32(new TextEncoder().encode('123456789'))).toBe(zcrc(new TextEncoder().encode('123456789')));
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
    expect(() => withPngText(new TextEncoder().encode('GIF89a not a png at all, long enough'), [])).toThrow(/not a PNG/);
    expect(() => withPngText(PNG_1PX, [[' Title', 'x']])).toThrow(/keyword/);
  });
});
