// Dense synapses driven by events: I[j] = Σ_k x[i_k]·W[i_k][j] over the inputs i_k that are non-zero,
// W row-major [nIn][nOut] float32. The sum runs in float64 in event order and is rounded to float32
// once, exactly as the TypeScript event engine (propagate.ts denseForward) does, so both engines give
// bit-identical currents and therefore identical spikes. Columns are processed in blocks of 16
// held in eight f64x2 registers while the events stream past: each event costs one 64-byte line
// of its weight row per block, and the accumulators never leave the registers.

import { allOnes, eventSum, scanEvents } from './events';

/** Byte address of each event's weight row, so the column blocks below need no multiply. */
function rowPointers(ev: usize, c: i32, w: usize, nOut: i32, rows: usize): void {
  const rowBytes = <usize>nOut << 2;
  for (let k: i32 = 0; k < c; k++) store<u32>(rows + (<usize>k << 2), <u32>(w + <usize>load<i32>(ev + (<usize>k << 2)) * rowBytes));
}

/** Adds the weight rows at rows[0 … c) (x = 1 for every event), 16 columns at a time. */
function addRows(rows: usize, c: i32, nOut: i32, out: usize): void {
  const end = rows + (<usize>c << 2);
  let j: i32 = 0;
  for (; j + 16 <= nOut; j += 16) {
    let a0 = f64x2.splat(0), a1 = f64x2.splat(0), a2 = f64x2.splat(0), a3 = f64x2.splat(0);
    let a4 = f64x2.splat(0), a5 = f64x2.splat(0), a6 = f64x2.splat(0), a7 = f64x2.splat(0);
    const off = <usize>j << 2;
    for (let q = rows; q < end; q += 4) {
      const p = <usize>load<u32>(q) + off;
      a0 = f64x2.add(a0, f64x2.promote_low_f32x4(v128.load64_zero(p, 0)));
      a1 = f64x2.add(a1, f64x2.promote_low_f32x4(v128.load64_zero(p, 8)));
      a2 = f64x2.add(a2, f64x2.promote_low_f32x4(v128.load64_zero(p, 16)));
      a3 = f64x2.add(a3, f64x2.promote_low_f32x4(v128.load64_zero(p, 24)));
      a4 = f64x2.add(a4, f64x2.promote_low_f32x4(v128.load64_zero(p, 32)));
      a5 = f64x2.add(a5, f64x2.promote_low_f32x4(v128.load64_zero(p, 40)));
      a6 = f64x2.add(a6, f64x2.promote_low_f32x4(v128.load64_zero(p, 48)));
      a7 = f64x2.add(a7, f64x2.promote_low_f32x4(v128.load64_zero(p, 56)));
    }
    const o = out + off;
    v128.store64_lane(o, f32x4.demote_f64x2_zero(a0), 0, 0);
    v128.store64_lane(o, f32x4.demote_f64x2_zero(a1), 0, 8);
    v128.store64_lane(o, f32x4.demote_f64x2_zero(a2), 0, 16);
    v128.store64_lane(o, f32x4.demote_f64x2_zero(a3), 0, 24);
    v128.store64_lane(o, f32x4.demote_f64x2_zero(a4), 0, 32);
    v128.store64_lane(o, f32x4.demote_f64x2_zero(a5), 0, 40);
    v128.store64_lane(o, f32x4.demote_f64x2_zero(a6), 0, 48);
    v128.store64_lane(o, f32x4.demote_f64x2_zero(a7), 0, 56);
  }
  // Widths that are not a multiple of 16: at most one block of 8, one of 4, one pair, one column.
  if (j + 8 <= nOut) {
    let a0 = f64x2.splat(0), a1 = f64x2.splat(0), a2 = f64x2.splat(0), a3 = f64x2.splat(0);
    const off = <usize>j << 2;
    for (let q = rows; q < end; q += 4) {
      const p = <usize>load<u32>(q) + off;
      a0 = f64x2.add(a0, f64x2.promote_low_f32x4(v128.load64_zero(p, 0)));
      a1 = f64x2.add(a1, f64x2.promote_low_f32x4(v128.load64_zero(p, 8)));
      a2 = f64x2.add(a2, f64x2.promote_low_f32x4(v128.load64_zero(p, 16)));
      a3 = f64x2.add(a3, f64x2.promote_low_f32x4(v128.load64_zero(p, 24)));
    }
    const o = out + off;
    v128.store64_lane(o, f32x4.demote_f64x2_zero(a0), 0, 0);
    v128.store64_lane(o, f32x4.demote_f64x2_zero(a1), 0, 8);
    v128.store64_lane(o, f32x4.demote_f64x2_zero(a2), 0, 16);
    v128.store64_lane(o, f32x4.demote_f64x2_zero(a3), 0, 24);
    j += 8;
  }
  if (j + 4 <= nOut) {
    let a0 = f64x2.splat(0), a1 = f64x2.splat(0);
    const off = <usize>j << 2;
    for (let q = rows; q < end; q += 4) {
      const p = <usize>load<u32>(q) + off;
      a0 = f64x2.add(a0, f64x2.promote_low_f32x4(v128.load64_zero(p, 0)));
      a1 = f64x2.add(a1, f64x2.promote_low_f32x4(v128.load64_zero(p, 8)));
    }
    v128.store64_lane(out + off, f32x4.demote_f64x2_zero(a0), 0, 0);
    v128.store64_lane(out + off, f32x4.demote_f64x2_zero(a1), 0, 8);
    j += 4;
  }
  if (j + 2 <= nOut) {
    let a = f64x2.splat(0);
    const off = <usize>j << 2;
    for (let q = rows; q < end; q += 4) a = f64x2.add(a, f64x2.promote_low_f32x4(v128.load64_zero(<usize>load<u32>(q) + off)));
    v128.store64_lane(out + off, f32x4.demote_f64x2_zero(a), 0);
    j += 2;
  }
  if (j < nOut) {
    let a: f64 = 0;
    const off = <usize>j << 2;
    for (let q = rows; q < end; q += 4) a += <f64>load<f32>(<usize>load<u32>(q) + off);
    store<f32>(out + off, <f32>a);
  }
}

/** As addRows, each row scaled by its event's value (the f32·f32 product is exact in float64). */
function addScaledRows(x: usize, ev: usize, c: i32, w: usize, nOut: i32, out: usize): void {
  const rowBytes = <usize>nOut << 2;
  let j: i32 = 0;
  for (; j + 8 <= nOut; j += 8) {
    let a0 = f64x2.splat(0), a1 = f64x2.splat(0), a2 = f64x2.splat(0), a3 = f64x2.splat(0);
    const base = w + (<usize>j << 2);
    for (let k: i32 = 0; k < c; k++) {
      const i = <usize>load<i32>(ev + (<usize>k << 2));
      const s = f64x2.splat(<f64>load<f32>(x + (i << 2)));
      const p = base + i * rowBytes;
      a0 = f64x2.add(a0, f64x2.mul(s, f64x2.promote_low_f32x4(v128.load64_zero(p, 0))));
      a1 = f64x2.add(a1, f64x2.mul(s, f64x2.promote_low_f32x4(v128.load64_zero(p, 8))));
      a2 = f64x2.add(a2, f64x2.mul(s, f64x2.promote_low_f32x4(v128.load64_zero(p, 16))));
      a3 = f64x2.add(a3, f64x2.mul(s, f64x2.promote_low_f32x4(v128.load64_zero(p, 24))));
    }
    const o = out + (<usize>j << 2);
    v128.store64_lane(o, f32x4.demote_f64x2_zero(a0), 0, 0);
    v128.store64_lane(o, f32x4.demote_f64x2_zero(a1), 0, 8);
    v128.store64_lane(o, f32x4.demote_f64x2_zero(a2), 0, 16);
    v128.store64_lane(o, f32x4.demote_f64x2_zero(a3), 0, 24);
  }
  for (; j < nOut; j++) {
    let a: f64 = 0;
    const base = w + (<usize>j << 2);
    for (let k: i32 = 0; k < c; k++) {
      const i = <usize>load<i32>(ev + (<usize>k << 2));
      a += <f64>load<f32>(x + (i << 2)) * <f64>load<f32>(base + i * rowBytes);
    }
    store<f32>(out + (<usize>j << 2), <f32>a);
  }
}

/** Bytes of scratch that denseBatch needs: nIn event indices, then nIn row addresses. */
export function denseScratchBytes(nIn: i32, _batch: i32): i32 {
  return nIn << 3;
}

// The float32 precision mode (precision.ts): each current is summed in float32 in event order, one
// rounding per add, as the event engine's float32 path sums it, so the two engines still agree bit
// for bit with each other (not with the float64 mode). Four columns share one instruction and no
// widening is needed: 32 columns per pass over the events, in eight f32x4 registers.

/** addRows in float32: the rows at rows[0 … c) added 32 columns at a time. */
function addRows32(rows: usize, c: i32, nOut: i32, out: usize): void {
  const end = rows + (<usize>c << 2);
  let j: i32 = 0;
  for (; j + 32 <= nOut; j += 32) {
    let a0 = f32x4.splat(0), a1 = f32x4.splat(0), a2 = f32x4.splat(0), a3 = f32x4.splat(0);
    let a4 = f32x4.splat(0), a5 = f32x4.splat(0), a6 = f32x4.splat(0), a7 = f32x4.splat(0);
    const off = <usize>j << 2;
    for (let q = rows; q < end; q += 4) {
      const p = <usize>load<u32>(q) + off;
      a0 = f32x4.add(a0, v128.load(p, 0));
      a1 = f32x4.add(a1, v128.load(p, 16));
      a2 = f32x4.add(a2, v128.load(p, 32));
      a3 = f32x4.add(a3, v128.load(p, 48));
      a4 = f32x4.add(a4, v128.load(p, 64));
      a5 = f32x4.add(a5, v128.load(p, 80));
      a6 = f32x4.add(a6, v128.load(p, 96));
      a7 = f32x4.add(a7, v128.load(p, 112));
    }
    const o = out + off;
    v128.store(o, a0, 0);
    v128.store(o, a1, 16);
    v128.store(o, a2, 32);
    v128.store(o, a3, 48);
    v128.store(o, a4, 64);
    v128.store(o, a5, 80);
    v128.store(o, a6, 96);
    v128.store(o, a7, 112);
  }
  for (; j + 4 <= nOut; j += 4) {
    let a = f32x4.splat(0);
    const off = <usize>j << 2;
    for (let q = rows; q < end; q += 4) a = f32x4.add(a, v128.load(<usize>load<u32>(q) + off));
    v128.store(out + off, a);
  }
  for (; j < nOut; j++) {
    let a: f32 = 0;
    const off = <usize>j << 2;
    for (let q = rows; q < end; q += 4) a += load<f32>(<usize>load<u32>(q) + off);
    store<f32>(out + off, a);
  }
}

/** addScaledRows in float32: each row times its event's value (rounded to float32), then added. */
function addScaledRows32(x: usize, ev: usize, c: i32, w: usize, nOut: i32, out: usize): void {
  const rowBytes = <usize>nOut << 2;
  let j: i32 = 0;
  for (; j + 4 <= nOut; j += 4) {
    let a = f32x4.splat(0);
    const base = w + (<usize>j << 2);
    for (let k: i32 = 0; k < c; k++) {
      const i = <usize>load<i32>(ev + (<usize>k << 2));
      a = f32x4.add(a, f32x4.mul(f32x4.splat(load<f32>(x + (i << 2))), v128.load(base + i * rowBytes)));
    }
    v128.store(out + (<usize>j << 2), a);
  }
  for (; j < nOut; j++) {
    let a: f32 = 0;
    const base = w + (<usize>j << 2);
    for (let k: i32 = 0; k < c; k++) {
      const i = <usize>load<i32>(ev + (<usize>k << 2));
      a += load<f32>(x + (i << 2)) * load<f32>(base + i * rowBytes);
    }
    store<f32>(out + (<usize>j << 2), a);
  }
}

/**
 * One dense layer for a whole batch whose input is spikes given as event lists (EventBatch: the
 * inputs that spiked at sample b are index[starts[b] … starts[b + 1]), u32): the rows are added as
 * denseBatch adds them, with neither a copy nor a scan of the dense input. `rows` is scratch for
 * the largest sample's event count (u32 each). Returns the number of events (the input's count).
 */
export function denseEventsBatch(starts: usize, index: usize, batch: i32, w: usize, nOut: i32, out: usize, rows: usize, narrow: bool): f64 {
  const rowBytes = <usize>nOut << 2;
  for (let b: i32 = 0; b < batch; b++) {
    const k0 = load<u32>(starts + (<usize>b << 2));
    const c = <i32>(load<u32>(starts + (<usize>b << 2), 4) - k0);
    const ev = index + (<usize>k0 << 2);
    for (let k: i32 = 0; k < c; k++) store<u32>(rows + (<usize>k << 2), <u32>(w + <usize>load<u32>(ev + (<usize>k << 2)) * rowBytes));
    if (narrow) addRows32(rows, c, nOut, out + ((<usize>b * <usize>nOut) << 2));
    else addRows(rows, c, nOut, out + ((<usize>b * <usize>nOut) << 2));
  }
  return <f64>(load<u32>(starts + (<usize>batch << 2)) - load<u32>(starts));
}

/**
 * One dense layer for a whole batch: x [batch][nIn] → out [batch][nOut] through W [nIn][nOut].
 * `ev` is scratch of denseScratchBytes(nIn, batch) bytes. Returns the sum of all input values
 * (the input's spike count when it holds spikes), so the caller need not scan the input to count it.
 * `narrow`: the float32 precision mode (sums in float32), else float64 sums rounded once.
 * Measured and dropped on W1 (each slower than this per-sample loop): sharing a widened row among
 * the samples that spike on it (only ~3 of 64 do per step; sums then live in memory), staging the
 * widened rows per block, and block-major weight slabs walked block-outer, sample-inner.
 */
export function denseBatch(x: usize, nIn: i32, batch: i32, ev: usize, w: usize, nOut: i32, out: usize, narrow: bool): f64 {
  let total: f64 = 0;
  for (let b: i32 = 0; b < batch; b++) {
    const xb = x + ((<usize>b * <usize>nIn) << 2);
    const ob = out + ((<usize>b * <usize>nOut) << 2);
    const c = scanEvents(xb, nIn, ev);
    total += eventSum(xb, ev, c);
    if (allOnes(xb, ev, c)) {
      const rows = ev + (<usize>nIn << 2);
      rowPointers(ev, c, w, nOut, rows);
      if (narrow) addRows32(rows, c, nOut, ob);
      else addRows(rows, c, nOut, ob);
    } else if (narrow) {
      addScaledRows32(xb, ev, c, w, nOut, ob);
    } else {
      addScaledRows(xb, ev, c, w, nOut, ob);
    }
  }
  return total;
}
