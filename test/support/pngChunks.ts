import { inflateSync } from 'node:zlib';

/** A PNG's chunks in file order, each checked against its CRC (a test reader: throws on any damage). */
export function pngChunks(png: Uint8Array): { type: string; data: Uint8Array }[] {
  const sig = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (sig.some((b, i) => png[i] !== b)) throw new Error('no PNG signature');
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  const out: { type: string; data: Uint8Array }[] = [];
  let at = 8;
  while (at < png.length) {
    const len = view.getUint32(at);
    const type = String.fromCharCode(...png.subarray(at + 4, at + 8));
    const data = png.subarray(at + 8, at + 8 + len);
    const crc = view.getUint32(at + 8 + len);
    // zlib's crc32 (Node 20.15+ has zlib.crc32; computed here by hand to hold on any Node 20).
    let c = 0xffffffff;
    for (const b of png.subarray(at + 4, at + 8 + len)) {
      c ^= b;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    }
    if (((c ^ 0xffffffff) >>> 0) !== crc) throw new Error(`chunk ${type} at byte ${at}: bad CRC`);
    out.push({ type, data });
    at += 12 + len;
  }
  return out;
}

/** The text chunks of a PNG (tEXt, uncompressed or compressed iTXt) as keyword → text. */
export function pngTextEntries(png: Uint8Array): Record<string, string> {
  const dec = new TextDecoder();
  const out: Record<string, string> = {};
  for (const { type, data } of pngChunks(png)) {
    const nul = data.indexOf(0);
    const keyword = dec.decode(data.subarray(0, nul));
    if (type === 'tEXt') out[keyword] = new TextDecoder('latin1').decode(data.subarray(nul + 1));
    if (type === 'iTXt') {
      const compressed = data[nul + 1] === 1;
      let rest = nul + 3;
      rest = data.indexOf(0, rest) + 1; // language tag
      rest = data.indexOf(0, rest) + 1; // translated keyword
      const body = data.subarray(rest);
      out[keyword] = dec.decode(compressed ? inflateSync(body) : body);
    }
  }
  return out;
}

/** Width and height from a PNG's IHDR chunk. */
export function pngSize(png: Uint8Array): { width: number; height: number } {
  const ihdr = pngChunks(png)[0];
  if (ihdr?.type !== 'IHDR') throw new Error('the first chunk is not IHDR');
  const v = new DataView(ihdr.data.buffer, ihdr.data.byteOffset);
  return { width: v.getUint32(0), height: v.getUint32(4) };
}
