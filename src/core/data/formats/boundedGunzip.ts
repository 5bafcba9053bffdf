import { Gunzip } from 'fflate';
import { ByteReader } from './byteReader.ts';

/**
 * Compressed bytes are fed to the inflater this many at a time: DEFLATE expands at most ~1032:1,
 * so one push yields at most ~1 MB, which bounds how far past a cap a bomb gets before it stops
 * (and fflate inflates no slower in small pushes than in one).
 */
const CHUNK_BYTES = 1024;

/** Thrown from inside the inflater's callback to stop it; never escapes this module. */
class Stop extends Error {}

/** What a run of the inflater produced, and where in the input it stopped. */
interface Inflated {
  readonly chunks: readonly Uint8Array[];
  readonly total: number;
  readonly stopped: boolean;
  readonly consumed: number;
  readonly laterMembers: number;
}

/** Inflates until the end, or until the output passes `stopPast` bytes (then `stopped`). */
function inflate(r: ByteReader, stopPast: number): Inflated {
  const bytes = r.bytes;
  const chunks: Uint8Array[] = [];
  let total = 0;
  let consumed = 0;
  // Several members each end with their own footer; only a single member's can be checked whole.
  let laterMembers = 0;
  const inflater = new Gunzip((chunk) => {
    total += chunk.length;
    chunks.push(chunk);
    if (total > stopPast) throw new Stop();
  });
  inflater.onmember = (offset) => {
    if (offset > 0) laterMembers++;
  };
  try {
    for (; consumed < bytes.length; consumed += CHUNK_BYTES) {
      const end = Math.min(bytes.length, consumed + CHUNK_BYTES);
      inflater.push(bytes.subarray(consumed, end), end === bytes.length);
    }
  } catch (e) {
    if (e instanceof Stop) return { chunks, total, stopped: true, consumed, laterMembers };
    r.fail('gzip stream', Math.min(consumed, bytes.length), `cannot be decompressed (${e instanceof Error ? e.message : String(e)}); the file may be damaged or cut short`);
  }
  return { chunks, total, stopped: false, consumed, laterMembers };
}

function joined(chunks: readonly Uint8Array[], length: number): Uint8Array {
  const out = new Uint8Array(length);
  let o = 0;
  for (const c of chunks) {
    if (o >= length) break;
    out.set(c.subarray(0, length - o), o);
    o += c.length;
  }
  return out;
}

/** The first `n` inflated bytes of a gzip file (fewer if it inflates to less), to read a header. */
export function gunzipPrefix(bytes: Uint8Array, file: string, n: number): Uint8Array {
  const run = inflate(new ByteReader(bytes, file), n - 1);
  return joined(run.chunks, Math.min(n, run.total));
}

/**
 * Inflates a gzip file (one or more members), refusing with DataFormatError as soon as the output
 * passes `maxBytes`, which `limit` describes in the message ("the 256 MB limit"). The 4-byte size
 * footer is only the size modulo 2^32, so it is trusted only to refuse early (a footer over the cap
 * cannot be a smaller file): a small footer may hide a bomb of 4 GB and more, so the stream itself
 * is counted. A footer that disagrees with what was inflated is refused as a damaged file.
 */
export function boundedGunzip(bytes: Uint8Array, file: string, maxBytes: number, limit = `the ${(maxBytes / 2 ** 20).toFixed(0)} MB limit`): Uint8Array {
  const r = new ByteReader(bytes, file);
  const footerAt = bytes.length - 4;
  const footer = r.u32le(footerAt, 'gzip size footer');
  if (footer > maxBytes) r.fail('gzip size footer', footerAt, `announces ${footer} bytes inflated, over ${limit}`);
  const run = inflate(r, maxBytes);
  if (run.stopped) {
    r.fail('gzip stream', run.consumed, `inflates to more than ${maxBytes} bytes, over ${limit} (stopped there; its size footer claims ${footer} bytes: a decompression bomb?)`);
  }
  if (run.laterMembers === 0 && run.total % 2 ** 32 !== footer) {
    r.fail('gzip size footer', footerAt, `says ${footer} bytes but the stream inflates to ${run.total}; the file is damaged`);
  }
  return joined(run.chunks, run.total);
}
