import { Inflate } from 'fflate';
import { LinkError } from '../errors.ts';

/**
 * Input is fed to the inflater this many bytes at a time. DEFLATE expands at most ~1032:1, so one
 * push can produce about 1 MB: that bounds how far past the cap a decompression bomb gets before
 * it is refused.
 */
const CHUNK_BYTES = 1024;

/** Thrown from inside the inflater's callback to stop it; never escapes this module. */
class TooLarge extends Error {}

/**
 * Inflates raw DEFLATE data, refusing (LinkError 'inflate') output larger than `maxBytes` as soon
 * as it is produced, rather than after allocating it all, and refusing damaged or cut-short data.
 */
export function boundedInflate(data: Uint8Array, maxBytes: number): Uint8Array {
  const chunks: Uint8Array[] = [];
  let total = 0;
  const inflater = new Inflate((chunk) => {
    total += chunk.length;
    if (total > maxBytes) throw new TooLarge();
    chunks.push(chunk);
  });
  try {
    if (data.length === 0) inflater.push(data, true);
    for (let at = 0; at < data.length; at += CHUNK_BYTES) {
      const end = Math.min(data.length, at + CHUNK_BYTES);
      inflater.push(data.subarray(at, end), end === data.length);
    }
  } catch (e) {
    if (e instanceof TooLarge) {
      throw new LinkError('inflate', `the link unpacks to more than ${maxBytes / (1024 * 1024)} MB; links that large are refused (a decompression bomb?)`);
    }
    throw new LinkError('inflate', `the compressed data is damaged or cut short (${e instanceof Error ? e.message : String(e)})`);
  }
  const out = new Uint8Array(total);
  let o = 0;
  for (const c of chunks) {
    out.set(c, o);
    o += c.length;
  }
  return out;
}
