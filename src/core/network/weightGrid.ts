/**
 * The symmetric per-layer weight grid shared by quantisation-aware training (train/) and quantised
 * links (share/): one scale per layer, scale = max|w| / (2^(bits−1) − 1), and value = q · scale
 * with q a whole number in ±(2^(bits−1) − 1), so 0 is exact and at most 2^bits − 1 levels exist.
 */

/** Largest code magnitude: symmetric, so 0 is exact and +w and −w get codes of equal size. */
export function maxCode(bits: number): number {
  return 2 ** (bits - 1) - 1;
}

/** The grid step of a layer whose largest weight magnitude is maxAbs (0 for an all-zero layer). */
export function gridScale(maxAbs: number, bits: number): number {
  return maxAbs / maxCode(bits);
}

/** Round half to even, as tf.round does, so the grid here and in the tensors agree bit for bit. */
function roundHalfEven(x: number): number {
  const r = Math.round(x);
  return Math.abs(x % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

/**
 * Values snapped to the layer's grid: round(w / scale) · scale, computed in float32 with the
 * operation order of the fake-quantised tensors (train/fakeQuantise.ts), so a trained model's
 * returned weights are exactly what its forward pass saw.
 */
export function snapToGrid(values: Float32Array, bits: number): Float32Array {
  let maxAbs = 0;
  for (const v of values) maxAbs = Math.max(maxAbs, Math.abs(v));
  const scale = Math.fround(gridScale(maxAbs, bits));
  const out = new Float32Array(values.length);
  if (scale === 0) return out;
  for (let i = 0; i < values.length; i++) out[i] = roundHalfEven(Math.fround((values[i] as number) / scale)) * scale;
  return out;
}
