// Neuron updates over a whole batch, four neurons per instruction. Every product and sum is a
// float32 operation rounded on its own (WebAssembly never fuses a multiply-add), in the order of
// WORKLOADS.md and lif.ts, so the membrane is bit-identical to the TypeScript step:
//   subtract: m = (β·v + I) − θ·s      zero: m = (β·v)·(1 − s) + I      none: m = β·v + I
//   s' = m > θ (strictly)
// IF neurons are the same update with β = 1 (1·v is exact). `s` holds the previous step's spikes
// on entry and this step's on exit; it doubles as the layer's output.

import { COMPRESS } from './compress';
import { RESET_SUBTRACT, RESET_ZERO } from './neuronModels';

/** m for four lanes under the given reset mode. */
// @ts-ignore: decorator
@inline function membrane(mode: i32, bv: v128, tv: v128, one: v128, v: v128, s: v128, x: v128): v128 {
  if (mode == RESET_SUBTRACT) return f32x4.sub(f32x4.add(f32x4.mul(bv, v), x), f32x4.mul(tv, s));
  if (mode == RESET_ZERO) return f32x4.add(f32x4.mul(f32x4.mul(bv, v), f32x4.sub(one, s)), x);
  return f32x4.add(f32x4.mul(bv, v), x);
}

/** The same update for one neuron (tails that do not fill four lanes). */
// @ts-ignore: decorator
@inline function membrane1(mode: i32, beta: f32, theta: f32, v: f32, s: f32, x: f32): f32 {
  if (mode == RESET_SUBTRACT) return (beta * v + x) - theta * s;
  if (mode == RESET_ZERO) return (beta * v) * (<f32>1 - s) + x;
  return beta * v + x;
}

/**
 * One LIF/IF step of n neurons: v (membrane), s (spikes) and the input current x, all float32.
 * Returns the number of spikes emitted.
 */
export function lifBatch(v: usize, s: usize, x: usize, n: i32, beta: f32, theta: f32, mode: i32): i32 {
  const bv = f32x4.splat(beta);
  const tv = f32x4.splat(theta);
  const one = f32x4.splat(1);
  let fired = i32x4.splat(0);
  let i: i32 = 0;
  for (; i + 4 <= n; i += 4) {
    const o = <usize>i << 2;
    const m = membrane(mode, bv, tv, one, v128.load(v + o), v128.load(s + o), v128.load(x + o));
    const mask = f32x4.gt(m, tv);
    v128.store(v + o, m);
    v128.store(s + o, v128.and(mask, one));
    // A true lane of the mask is −1 as an integer: subtracting it counts the spike.
    fired = i32x4.sub(fired, mask);
  }
  let count = i32x4.extract_lane(fired, 0) + i32x4.extract_lane(fired, 1) + i32x4.extract_lane(fired, 2) + i32x4.extract_lane(fired, 3);
  for (; i < n; i++) {
    const o = <usize>i << 2;
    const m = membrane1(mode, beta, theta, load<f32>(v + o), load<f32>(s + o), load<f32>(x + o));
    const spike: f32 = m > theta ? 1 : 0;
    store<f32>(v + o, m);
    store<f32>(s + o, spike);
    count += <i32>spike;
  }
  return count;
}

/**
 * lifBatch over `batch` samples of `size` neurons that also lists each sample's spikes as events
 * (EventBatch's layout: sample b's spiking neurons are index[starts[b] … starts[b + 1]), u32,
 * increasing), so a dense layer reading them needs no scan. The same float32 update, lane for
 * lane, as lifBatch. `index` holds size·batch entries: up to 3 past a sample's count are written
 * and then overwritten (compress.ts). Returns the number of spikes emitted.
 */
export function lifBatchEvents(v: usize, s: usize, x: usize, size: i32, batch: i32, beta: f32, theta: f32, mode: i32, starts: usize, index: usize): i32 {
  // One loop per reset mode, the mode a constant inside it (no per-lane test of it).
  if (mode == RESET_SUBTRACT) return lifEventsLoop(v, s, x, size, batch, beta, theta, RESET_SUBTRACT, starts, index);
  if (mode == RESET_ZERO) return lifEventsLoop(v, s, x, size, batch, beta, theta, RESET_ZERO, starts, index);
  return lifEventsLoop(v, s, x, size, batch, beta, theta, mode, starts, index);
}

// @ts-ignore: decorator
@inline function lifEventsLoop(v: usize, s: usize, x: usize, size: i32, batch: i32, beta: f32, theta: f32, mode: i32, starts: usize, index: usize): i32 {
  const bv = f32x4.splat(beta);
  const tv = f32x4.splat(theta);
  const one = f32x4.splat(1);
  const lanes = i32x4(0, 1, 2, 3);
  let c: u32 = 0;
  for (let b: i32 = 0; b < batch; b++) {
    store<u32>(starts + (<usize>b << 2), c);
    const base = <usize>(b * size) << 2;
    let i: i32 = 0;
    for (; i + 4 <= size; i += 4) {
      const o = base + (<usize>i << 2);
      const m = membrane(mode, bv, tv, one, v128.load(v + o), v128.load(s + o), v128.load(x + o));
      const mask = f32x4.gt(m, tv);
      v128.store(v + o, m);
      v128.store(s + o, v128.and(mask, one));
      // Branch-free (at a few % a step, any test of the bits mispredicts often: measured 3× slower):
      // the lanes that spiked are moved to the front of one vector of indices, stored whole at the
      // list's end, and the end moves on by their count. The lanes past the count are overwritten
      // by the next store, or stay unread past the last count (inside the size·batch entries).
      const bits = <u32>i32x4.bitmask(mask);
      const ids = i32x4.add(lanes, i32x4.splat(i));
      v128.store(index + (<usize>c << 2), i8x16.swizzle(ids, v128.load(COMPRESS + (<usize>bits << 4))));
      c += popcnt<u32>(bits);
    }
    for (; i < size; i++) {
      const o = base + (<usize>i << 2);
      const m = membrane1(mode, beta, theta, load<f32>(v + o), load<f32>(s + o), load<f32>(x + o));
      const fired = m > theta;
      store<f32>(v + o, m);
      store<f32>(s + o, fired ? 1 : 0);
      if (fired) {
        store<u32>(index + (<usize>c << 2), <u32>i);
        c++;
      }
    }
  }
  store<u32>(starts + (<usize>batch << 2), c);
  return <i32>c;
}
