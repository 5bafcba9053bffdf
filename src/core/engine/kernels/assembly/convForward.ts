// Conv2d and pooling layers of the inference engine (src/core/engine/wasm/wasmPlan.ts), one step
// for a whole batch of dense float32 activity vectors [batch][n], channels last. They give the
// event engine's values bit for bit (src/core/engine/event/propagate.ts): sums in float64 in
// event order, rounded once.

import { addToPoolWindows, convRows } from './convBptt';
import { eventSum, scanEvents } from './events';

/** Bytes of scratch convBatch needs for nIn inputs: event ids, then their values. */
export function convScratchBytes(nIn: i32): i32 {
  return nIn << 3;
}

/**
 * x [batch][nIn] → out [batch][nOut] through a conv2d (geometry words at `geom`, convBptt.ts;
 * weights [k, k, C, F]). `ev` is convScratchBytes(nIn) bytes and `wide` nOut float64s. Returns
 * the sum of the inputs (their spike count when they hold spikes).
 */
export function convBatch(x: usize, nIn: i32, batch: i32, ev: usize, w: usize, geom: usize, nOut: i32, out: usize, wide: usize): f64 {
  let total: f64 = 0;
  const values = ev + (<usize>nIn << 2);
  for (let b: i32 = 0; b < batch; b++) {
    const xb = x + ((<usize>b * <usize>nIn) << 2);
    const c = scanEvents(xb, nIn, ev);
    total += eventSum(xb, ev, c);
    for (let e: i32 = 0; e < c; e++) store<f32>(values + (<usize>e << 2), load<f32>(xb + (<usize>load<i32>(ev + (<usize>e << 2)) << 2)));
    convRows(0, <u32>c, ev, values, w, geom, nOut, wide, out + ((<usize>b * <usize>nOut) << 2));
  }
  return total;
}

/**
 * Pooling ('valid' windows; pool geometry words [H, W, C, size, stride, outH, outW] at `geom`) of
 * x [batch][H·W·C] into out [batch][outH·outW·C]. Mode 0 max (a window's maximum, zeros
 * included), 1 average, 2 sum: the sums add each non-zero input to the windows that hold it in
 * float64, in increasing id order, then divide by size² for the average.
 */
export function poolBatch(x: usize, batch: i32, geom: usize, mode: i32, out: usize, wide: usize): void {
  const h = load<i32>(geom), width = load<i32>(geom, 4), c = load<i32>(geom, 8), k = load<i32>(geom, 12), s = load<i32>(geom, 16), oh = load<i32>(geom, 20), ow = load<i32>(geom, 24);
  const nIn = h * width * c;
  const nOut = oh * ow * c;
  for (let b: i32 = 0; b < batch; b++) {
    const xb = x + ((<usize>b * <usize>nIn) << 2);
    const ob = out + ((<usize>b * <usize>nOut) << 2);
    if (mode == 0) {
      for (let oy = 0; oy < oh; oy++)
        for (let ox = 0; ox < ow; ox++)
          for (let ch = 0; ch < c; ch++) {
            let m: f32 = -Infinity;
            for (let ky = 0; ky < k; ky++)
              for (let kx = 0; kx < k; kx++) m = max(m, load<f32>(xb + (<usize>(((oy * s + ky) * width + ox * s + kx) * c + ch) << 2)));
            store<f32>(ob + (<usize>((oy * ow + ox) * c + ch) << 2), m);
          }
      continue;
    }
    memory.fill(wide, 0, <usize>nOut << 3);
    for (let i = 0; i < nIn; i++) {
      const v = load<f32>(xb + (<usize>i << 2));
      if (v == 0) continue;
      addToPoolWindows(geom, i, <f64>v, wide);
    }
    const div: f64 = mode == 1 ? <f64>(k * k) : 1;
    for (let q = 0; q < nOut; q++) store<f32>(ob + (<usize>q << 2), <f32>(load<f64>(wide + (<usize>q << 3)) / div));
  }
}
