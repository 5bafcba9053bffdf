// A dense layer's weight gradients after the backward pass (bptt.ts keeps each step's dm for it).

import { int, L_BATCH, L_DM_ALL, L_GEOM, L_GRAD, L_HELD, L_IN_INDEX, L_IN_STARTS, L_IN_VALUE, L_STEPS, L_UNITS, ptr } from './bpttLayer';

/**
 * The gradient rows of a dense layer whose backward steps kept their dm (L_DM_ALL): grad[i] +=
 * x·dm[t][b] for every input event (i, x) of every (t, b), in the order the steps would have added
 * them (t from the last step down, b up, events in order), so each weight's float64 sum is the same
 * bit for bit. Sixteen columns at a time: the sixteen dm values of a (t, b) are widened once and
 * held in registers while its events pass, and the gradient's 16-column slab (128 bytes a row)
 * stays in cache instead of whole 8-byte-a-unit rows streaming through it. Does nothing for a
 * layer without kept dm, a conv layer or a held input (they add step by step).
 */
export function bpttDenseGradients(layer: usize): void {
  const dmAll = ptr(layer, L_DM_ALL);
  if (dmAll == 0 || ptr(layer, L_GEOM) != 0 || int(layer, L_HELD) != 0) return;
  const units = int(layer, L_UNITS), steps = int(layer, L_STEPS), batch = int(layer, L_BATCH);
  const inStarts = ptr(layer, L_IN_STARTS), inIndex = ptr(layer, L_IN_INDEX), inValue = ptr(layer, L_IN_VALUE);
  const grad = ptr(layer, L_GRAD);
  const rowBytes = <usize>units << 2;
  const gradRow = <usize>units << 3;
  let j: i32 = 0;
  for (; j + 16 <= units; j += 16) {
    const gj = grad + (<usize>j << 3);
    for (let t = steps - 1; t >= 0; t--) {
      for (let b: i32 = 0; b < batch; b++) {
        const r = t * batch + b;
        const d = dmAll + <usize>r * rowBytes + (<usize>j << 2);
        const d0 = f64x2.promote_low_f32x4(v128.load64_zero(d, 0)), d1 = f64x2.promote_low_f32x4(v128.load64_zero(d, 8));
        const d2 = f64x2.promote_low_f32x4(v128.load64_zero(d, 16)), d3 = f64x2.promote_low_f32x4(v128.load64_zero(d, 24));
        const d4 = f64x2.promote_low_f32x4(v128.load64_zero(d, 32)), d5 = f64x2.promote_low_f32x4(v128.load64_zero(d, 40));
        const d6 = f64x2.promote_low_f32x4(v128.load64_zero(d, 48)), d7 = f64x2.promote_low_f32x4(v128.load64_zero(d, 56));
        const k1 = load<u32>(inStarts + (<usize>(r + 1) << 2));
        for (let k = load<u32>(inStarts + (<usize>r << 2)); k < k1; k++) {
          const g = gj + <usize>load<u32>(inIndex + (<usize>k << 2)) * gradRow;
          if (inValue == 0) {
            // x = 1: 1·d is d exactly, as the step-by-step path's product gives.
            v128.store(g, f64x2.add(v128.load(g, 0), d0), 0);
            v128.store(g, f64x2.add(v128.load(g, 16), d1), 16);
            v128.store(g, f64x2.add(v128.load(g, 32), d2), 32);
            v128.store(g, f64x2.add(v128.load(g, 48), d3), 48);
            v128.store(g, f64x2.add(v128.load(g, 64), d4), 64);
            v128.store(g, f64x2.add(v128.load(g, 80), d5), 80);
            v128.store(g, f64x2.add(v128.load(g, 96), d6), 96);
            v128.store(g, f64x2.add(v128.load(g, 112), d7), 112);
          } else {
            const vx = f64x2.splat(<f64>load<f32>(inValue + (<usize>k << 2)));
            v128.store(g, f64x2.add(v128.load(g, 0), f64x2.mul(vx, d0)), 0);
            v128.store(g, f64x2.add(v128.load(g, 16), f64x2.mul(vx, d1)), 16);
            v128.store(g, f64x2.add(v128.load(g, 32), f64x2.mul(vx, d2)), 32);
            v128.store(g, f64x2.add(v128.load(g, 48), f64x2.mul(vx, d3)), 48);
            v128.store(g, f64x2.add(v128.load(g, 64), f64x2.mul(vx, d4)), 64);
            v128.store(g, f64x2.add(v128.load(g, 80), f64x2.mul(vx, d5)), 80);
            v128.store(g, f64x2.add(v128.load(g, 96), f64x2.mul(vx, d6)), 96);
            v128.store(g, f64x2.add(v128.load(g, 112), f64x2.mul(vx, d7)), 112);
          }
        }
      }
    }
  }
  // The last columns (fewer than 16), one at a time, in the same order.
  for (; j < units; j++) {
    const gj = grad + (<usize>j << 3);
    for (let t = steps - 1; t >= 0; t--) {
      for (let b: i32 = 0; b < batch; b++) {
        const r = t * batch + b;
        const dq = <f64>load<f32>(dmAll + <usize>r * rowBytes + (<usize>j << 2));
        const k1 = load<u32>(inStarts + (<usize>(r + 1) << 2));
        for (let k = load<u32>(inStarts + (<usize>r << 2)); k < k1; k++) {
          const g = gj + <usize>load<u32>(inIndex + (<usize>k << 2)) * gradRow;
          const x: f64 = inValue == 0 ? 1 : <f64>load<f32>(inValue + (<usize>k << 2));
          store<f64>(g, load<f64>(g) + x * dq);
        }
      }
    }
  }
}
