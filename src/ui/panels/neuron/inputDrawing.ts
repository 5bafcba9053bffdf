/** How many points a drawn input has over the run: fine enough for a shape, few enough to stay a gesture. */
export const DRAWN_POINTS = 60;

/** The input sampled at `n` evenly spaced points over the run (the drawing starts from what is shown). */
export function sampleInput(input: Float32Array, n = DRAWN_POINTS): number[] {
  const steps = input.length;
  return Array.from({ length: n }, (_, i) => input[Math.round((i / (n - 1)) * (steps - 1))] ?? 0);
}

/**
 * The points after the pointer moved from (`fromX`, `fromY`) to (`x`, `y`), x as a fraction of the
 * run (0…1) and y as a current: every point between the two positions is set on the straight line
 * between them, so a fast stroke leaves no gaps.
 */
export function strokePoints(points: readonly number[], fromX: number, fromY: number, x: number, y: number): number[] {
  const n = points.length;
  const out = [...points];
  const i0 = Math.round(Math.max(0, Math.min(1, fromX)) * (n - 1));
  const i1 = Math.round(Math.max(0, Math.min(1, x)) * (n - 1));
  const lo = Math.min(i0, i1);
  const hi = Math.max(i0, i1);
  for (let i = lo; i <= hi; i++) out[i] = hi === lo ? y : fromY + ((y - fromY) * (i - i0)) / (i1 - i0);
  return out;
}
