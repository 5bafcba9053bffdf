/** Relative size of one float32 step (2^-23): the precision every engine computes in. */
const FLOAT32_EPSILON = 2 ** -23;

/**
 * A number as a person would write it. Values that came from float32 (NIR files, model weights,
 * typed arrays) or from float64 arithmetic on such values carry noise past float32's ~7 significant
 * digits: 0.6 comes back as 0.6000000238418579 or 0.599999991059303. The shortest decimal of at
 * most 9 significant digits (enough for any float32) within one float32 step of `v` is shown, so
 * no digit past what the float32 engines compute with; a safe integer or a non-finite value
 * prints as JavaScript prints it.
 */
export function displayNumber(v: number): string {
  if (!Number.isFinite(v) || Number.isSafeInteger(v)) return String(v);
  for (let digits = 1; digits <= 9; digits++) {
    const shorter = Number(v.toPrecision(digits));
    if (Math.abs(shorter - v) <= Math.abs(v) * FLOAT32_EPSILON) return String(shorter);
  }
  return String(v); // unreachable: 9 digits are always within a float32 step
}
