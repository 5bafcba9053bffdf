import { LinkError } from '../errors.ts';

/** The URL-safe alphabet of RFC 4648 §5: no '+', '/' or '=' to escape in a URL fragment. */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** Value of each character code, -1 outside the alphabet (built once; read-only afterwards). */
const VALUE: readonly number[] = (() => {
  const v = new Array<number>(128).fill(-1);
  for (let i = 0; i < ALPHABET.length; i++) v[ALPHABET.charCodeAt(i)] = i;
  return v;
})();

/** Unpadded base64url of some bytes (4 characters per 3 bytes, rounded up). */
export function bytesToBase64url(bytes: Uint8Array): string {
  const parts: string[] = [];
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i] as number;
    const b = bytes[i + 1] ?? 0;
    const c = bytes[i + 2] ?? 0;
    const n = (a << 16) | (b << 8) | c;
    const left = bytes.length - i;
    parts.push(
      (ALPHABET[n >> 18] ?? '') +
        (ALPHABET[(n >> 12) & 63] ?? '') +
        (left > 1 ? (ALPHABET[(n >> 6) & 63] ?? '') : '') +
        (left > 2 ? (ALPHABET[n & 63] ?? '') : ''),
    );
  }
  return parts.join('');
}

/**
 * Strict inverse of bytesToBase64url. Refuses (LinkError 'base64') any character outside the
 * alphabet, padding, a length no encoder produces (1 mod 4) and non-zero leftover bits, so that
 * each byte string has exactly one accepted spelling and a damaged link is noticed early.
 */
export function base64urlToBytes(text: string): Uint8Array {
  if (text.length % 4 === 1) throw new LinkError('base64', `${text.length} characters cannot be base64url (the link was probably cut short)`);
  const out = new Uint8Array(Math.floor((text.length * 3) / 4));
  let acc = 0;
  let bits = 0;
  let o = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const v = code < 128 ? (VALUE[code] ?? -1) : -1;
    if (v < 0) throw new LinkError('base64', `character ${JSON.stringify(text[i])} at position ${i} is not base64url (A–Z, a–z, 0–9, '-', '_')`);
    // Keep at most 12 bits in the accumulator so it never overflows 32-bit integers.
    acc = ((acc << 6) | v) & 0xfff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (acc >> bits) & 0xff;
    }
  }
  if ((acc & ((1 << bits) - 1)) !== 0) throw new LinkError('base64', 'the last character has stray bits (the link was altered or cut short)');
  return out;
}
