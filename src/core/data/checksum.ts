const TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

/**
 * CRC-32 (IEEE 802.3, as in gzip and PNG) of a file's bytes, as 8 hex digits plus the length:
 * `crc32:1a2b3c4d:650000`. A workspace names a user's file by it, so a different file with the
 * same name is noticed.
 */
export function fileChecksum(bytes: Uint8Array): string {
  return `crc32:${crc32(bytes).toString(16).padStart(8, '0')}:${bytes.length}`;
}

/** CRC-32 (IEEE 802.3) of some bytes as an unsigned 32-bit number; share links end with one. */
export function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) c = (TABLE[(c ^ (bytes[i] as number)) & 0xff] as number) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
