// Event extraction: the indices of the non-zero entries of a float32 vector. Four lanes are
// compared at once; a bit mask then walks only the lanes that hold an event, so a 5 % sparse input
// costs one compare per four entries plus one store per event.

/**
 * Writes the indices of the non-zero values of x[0 … n) to ev (int32, increasing) and returns how
 * many there are. `-0` counts as zero and NaN as an event, as `value !== 0` does in TypeScript.
 */
export function scanEvents(x: usize, n: i32, ev: usize): i32 {
  const zero = f32x4.splat(0);
  let c: i32 = 0;
  let i: i32 = 0;
  for (; i + 16 <= n; i += 16) {
    const p = x + (<usize>i << 2);
    const m0 = f32x4.ne(v128.load(p), zero);
    const m1 = f32x4.ne(v128.load(p, 16), zero);
    const m2 = f32x4.ne(v128.load(p, 32), zero);
    const m3 = f32x4.ne(v128.load(p, 48), zero);
    // One test for 16 entries: at 5 % density most blocks of 16 hold at most one event.
    if (!v128.any_true(v128.or(v128.or(m0, m1), v128.or(m2, m3)))) continue;
    let m = i32x4.bitmask(m0) | (i32x4.bitmask(m1) << 4) | (i32x4.bitmask(m2) << 8) | (i32x4.bitmask(m3) << 12);
    while (m != 0) {
      store<i32>(ev + (<usize>c << 2), i + ctz(m));
      c++;
      m &= m - 1;
    }
  }
  for (; i < n; i++) {
    if (load<f32>(x + (<usize>i << 2)) != 0) {
      store<i32>(ev + (<usize>c << 2), i);
      c++;
    }
  }
  return c;
}

/** Sum of x[ev[k]] over the c events, in float64 and event order, and whether all of them are 1. */
export function eventSum(x: usize, ev: usize, c: i32): f64 {
  let s: f64 = 0;
  for (let k: i32 = 0; k < c; k++) s += <f64>load<f32>(x + (<usize>load<i32>(ev + (<usize>k << 2)) << 2));
  return s;
}

/** Whether every event value is exactly 1 (spikes), which allows the add-only row loop. */
export function allOnes(x: usize, ev: usize, c: i32): bool {
  for (let k: i32 = 0; k < c; k++) if (load<f32>(x + (<usize>load<i32>(ev + (<usize>k << 2)) << 2)) != 1) return false;
  return true;
}
