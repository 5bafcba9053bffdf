/**
 * The surrogate figure's curves over x = v − θ (membrane minus threshold): the spike function
 * s = H(x), its true derivative (0 everywhere, undefined at x = 0: no gradient flows), and the
 * fast-sigmoid surrogate derivative 1 / (k|x| + 1)² that training uses in its place (the same
 * function as SURROGATES.fastSigmoid in core/train/surrogate.ts, which imports tfjs and so stays
 * out of the page's first bundle; surrogateCurves.test.ts checks the two agree).
 */
export function fastSigmoidDerivative(x: number, slope: number): number {
  return 1 / (slope * Math.abs(x) + 1) ** 2;
}

/** The Heaviside step: 1 at and above the threshold, 0 below. */
export function heaviside(x: number): number {
  return x >= 0 ? 1 : 0;
}

/** The x range drawn, in units of the threshold. */
export const SURROGATE_X: readonly [number, number] = [-1, 1];
/** The slope slider's range and start (snnTorch's default fast-sigmoid slope is 25). */
export const SURROGATE_SLOPE = { min: 1, max: 50, start: 10 } as const;

/** `n` evenly spaced samples of a function over the figure's x range, as [x, y] pairs. */
export function sampleCurve(f: (x: number) => number, n = 201): [number, number][] {
  const [a, b] = SURROGATE_X;
  return Array.from({ length: n }, (_, i) => {
    const x = a + ((b - a) * i) / (n - 1);
    return [x, f(x)];
  });
}

/** Width at half height of the surrogate's bump: |x| where 1/(k|x|+1)² = ½, i.e. (√2 − 1)/k on each side. */
export function surrogateHalfWidth(slope: number): number {
  return (2 * (Math.SQRT2 - 1)) / slope;
}
