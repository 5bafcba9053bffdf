import { Inflate } from 'fflate';
import { LinkError } from '../errors.ts';

/**
 * Input is fed to the inflater this many bytes at a time. DEFLATE expands at most ~1032:1, so one
 * push can produce about 1 MB: that bounds how far past the cap a decompression bomb gets before
 * it is refused.
 */
const CHUNK_BYTES = 1024;

/**
 * Bytes of input after the end of the DEFLATE stream. fflate's Inflate reports no consumed count,
 * so this reads the state it keeps between pushes: `s.f` (the last block was begun), `s.l` (a
 * block is still open), `p` (input not yet consumed, from the byte that holds the next bit) and
 * `s.p` (that bit's offset in `p[0]`). A partly used first byte is the stream's own padding.
 * Undefined when the state is not of that shape (another fflate): the caller refuses then,
 * rather than accept a link it cannot check.
 */
function trailingBytes(inflater: Inflate): number | undefined {
  const { s, p } = inflater as unknown as { s?: { f?: unknown; l?: unknown; p?: unknown }; p?: unknown };
  if (!s || !(p instanceof Uint8Array) || typeof s.p !== 'number' || s.f !== 1 || s.l !== null) return undefined;
  return p.length - (s.p > 0 ? 1 : 0);
}

/** Thrown from inside the inflater's callback to stop it; never escapes this module. */
class TooLarge extends Error {}

/**
 * Inflates raw DEFLATE data, refusing (LinkError 'inflate') output larger than `maxBytes` as soon
 * as it is produced, rather than after allocating it all, and refusing damaged or cut-short data
 * and bytes after the end of the stream.
 */
export function boundedInflate(data: Uint8Array, maxBytes: number): Uint8Array {
  const chunks: Uint8Array[] = [];
  let total = 0;
  const inflater = new Inflate((chunk) => {
    total += chunk.length;
    if (total > maxBytes) throw new TooLarge();
    chunks.push(chunk);
  });
  // Nothing to inflate is nothing (the container then says it was cut short).
  if (data.length === 0) return new Uint8Array(0);
  try {
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
  // Raw DEFLATE ends itself; anything after it was added to the link (and is outside its CRC).
  const trailing = trailingBytes(inflater);
  if (trailing === undefined) throw new LinkError('inflate', 'the end of the compressed data cannot be checked (unexpected inflater state)');
  if (trailing > 0) throw new LinkError('inflate', `${trailing} bytes follow the end of the compressed data at byte ${data.length - trailing}; a link holds nothing after it`);
  const out = new Uint8Array(total);
  let o = 0;
  for (const c of chunks) {
    out.set(c, o);
    o += c.length;
  }
  return out;
}
