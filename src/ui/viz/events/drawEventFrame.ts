import type { EventRecord } from '../../../core/data/formats/eventsRecord.ts';

/** First index with t ≥ value in time-sorted events (binary search). */
export function firstEventAtOrAfter(t: Float64Array, value: number): number {
  let lo = 0;
  let hi = t.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((t[mid] as number) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Paints the events of [fromUs, fromUs + windowUs) into an ImageData scaled by an integer factor:
 * ON events green, OFF events magenta, both yellow-white where a pixel has both. Returns how many
 * events were drawn.
 */
export function drawEventFrame(image: ImageData, e: EventRecord, fromUs: number, windowUs: number): number {
  const px = new Uint32Array(image.data.buffer);
  px.fill(0xff202020);
  const scale = Math.max(1, Math.floor(Math.min(image.width / e.width, image.height / e.height)));
  const seen = new Uint8Array(e.width * e.height);
  let k = firstEventAtOrAfter(e.t, fromUs);
  let drawn = 0;
  for (; k < e.t.length && (e.t[k] as number) < fromUs + windowUs; k++) {
    const x = e.x[k] as number;
    const y = e.y[k] as number;
    const i = y * e.width + x;
    seen[i] = (seen[i] as number) | ((e.p[k] as number) ? 1 : 2);
    drawn++;
  }
  // ABGR in a little-endian Uint32 view of RGBA bytes.
  const colors = [0, 0xff50e050, 0xffe050e0, 0xffc0ffff];
  for (let y = 0; y < e.height; y++)
    for (let x = 0; x < e.width; x++) {
      const s = seen[y * e.width + x] as number;
      if (!s) continue;
      for (let yy = y * scale; yy < Math.min(image.height, (y + 1) * scale); yy++) px.fill(colors[s] as number, yy * image.width + x * scale, yy * image.width + Math.min(image.width, (x + 1) * scale));
    }
  return drawn;
}
