// Conv2d and pooling for the BPTT kernel (bptt.ts calls these when a layer has a geometry).
// Layouts are channels last, as in the engines and tfjs: an input event's neuron id is
// (y·W + x)·C + c, a conv output's (oy·OW + ox)·F + f, and the weights are [k, k, C, F].
// The host writes a layer's geometry as i32 words at `geom` (see the G_ slots below).

// Conv geometry slots.
const G_IN_W = 1;
const G_IN_C = 2;
const G_K = 3;
const G_STRIDE = 4;
const G_PAD_TOP = 5;
const G_PAD_LEFT = 6;
const G_OUT_H = 7;
const G_OUT_W = 8;
const G_FILTERS = 9;

@inline function word(geom: usize, slot: i32): i32 {
  return load<i32>(geom + (<usize>slot << 2));
}

/**
 * The output position an input pixel (py, px) reaches through kernel tap (ky, kx), as
 * oy·OW + ox, or −1 when the tap falls outside the output or between strides. Output (oy, ox)
 * covers input rows oy·s − padTop … oy·s − padTop + k − 1, so ky = py + padTop − oy·s.
 */
@inline function tapTarget(geom: usize, py: i32, px: i32, ky: i32, kx: i32): i32 {
  const s = word(geom, G_STRIDE);
  const ys = py + word(geom, G_PAD_TOP) - ky;
  if (ys < 0 || ys % s != 0) return -1;
  const oy = ys / s;
  if (oy >= word(geom, G_OUT_H)) return -1;
  const xs = px + word(geom, G_PAD_LEFT) - kx;
  if (xs < 0 || xs % s != 0) return -1;
  const ox = xs / s;
  const ow = word(geom, G_OUT_W);
  if (ox >= ow) return -1;
  return oy * ow + ox;
}

/**
 * acc[0 … units) = the conv of the events k0 … k1 (value·W summed in float64 in event order in
 * `wide`, rounded to float32 once: bit-identical to the event engine's conv2dForward).
 */
export function convRows(k0: u32, k1: u32, inIndex: usize, inValue: usize, w: usize, geom: usize, units: i32, wide: usize, acc: usize): void {
  memory.fill(wide, 0, <usize>units << 3);
  const width = word(geom, G_IN_W), c = word(geom, G_IN_C), k = word(geom, G_K), f = word(geom, G_FILTERS);
  const f2 = f & ~1;
  for (let e = k0; e < k1; e++) {
    const idx = <i32>load<u32>(inIndex + (<usize>e << 2));
    const x: f64 = inValue == 0 ? 1 : <f64>load<f32>(inValue + (<usize>e << 2));
    const vx = f64x2.splat(x);
    const ch = idx % c;
    const px = (idx / c) % width;
    const py = idx / (c * width);
    for (let ky = 0; ky < k; ky++)
      for (let kx = 0; kx < k; kx++) {
        const o = tapTarget(geom, py, px, ky, kx);
        if (o < 0) continue;
        const wr = w + ((<usize>((ky * k + kx) * c + ch) * <usize>f) << 2);
        const ar = wide + ((<usize>o * <usize>f) << 3);
        let j = 0;
        for (; j < f2; j += 2) {
          const p = ar + (<usize>j << 3);
          v128.store(p, f64x2.add(v128.load(p), f64x2.mul(vx, f64x2.promote_low_f32x4(v128.load64_zero(wr + (<usize>j << 2))))));
        }
        for (; j < f; j++) {
          const p = ar + (<usize>j << 3);
          store<f64>(p, load<f64>(p) + x * <f64>load<f32>(wr + (<usize>j << 2)));
        }
      }
  }
  for (let q = 0; q < units; q++) store<f32>(acc + (<usize>q << 2), <f32>load<f64>(wide + (<usize>q << 3)));
}

/** grad[k, k, C, F] += value·d[o] over the events k0 … k1 and their taps; d is float32, or float64 with `wideD`. */
export function addConvGradientRows(k0: u32, k1: u32, inIndex: usize, inValue: usize, geom: usize, grad: usize, d: usize, wideD: bool): void {
  const width = word(geom, G_IN_W), c = word(geom, G_IN_C), k = word(geom, G_K), f = word(geom, G_FILTERS);
  for (let e = k0; e < k1; e++) {
    const idx = <i32>load<u32>(inIndex + (<usize>e << 2));
    const x: f64 = inValue == 0 ? 1 : <f64>load<f32>(inValue + (<usize>e << 2));
    const ch = idx % c;
    const px = (idx / c) % width;
    const py = idx / (c * width);
    for (let ky = 0; ky < k; ky++)
      for (let kx = 0; kx < k; kx++) {
        const o = tapTarget(geom, py, px, ky, kx);
        if (o < 0) continue;
        const g = grad + ((<usize>((ky * k + kx) * c + ch) * <usize>f) << 3);
        const dq = <usize>o * <usize>f;
        for (let j = 0; j < f; j++) {
          const v: f64 = wideD ? load<f64>(d + ((dq + <usize>j) << 3)) : <f64>load<f32>(d + ((dq + <usize>j) << 2));
          store<f64>(g + (<usize>j << 3), load<f64>(g + (<usize>j << 3)) + x * v);
        }
      }
  }
}

/** out[i] = Σ over the taps of input i and the filters f of W[tap, c, f]·dm[o(tap), f]: the conv's input gradient, one sample. */
export function convInputGradient(geom: usize, w: usize, dm: usize, nIn: i32, out: usize): void {
  const width = word(geom, G_IN_W), c = word(geom, G_IN_C), k = word(geom, G_K), f = word(geom, G_FILTERS);
  const f4 = f & ~3;
  for (let i = 0; i < nIn; i++) {
    const ch = i % c;
    const px = (i / c) % width;
    const py = i / (c * width);
    let s4 = f32x4.splat(0);
    let s: f32 = 0;
    for (let ky = 0; ky < k; ky++)
      for (let kx = 0; kx < k; kx++) {
        const o = tapTarget(geom, py, px, ky, kx);
        if (o < 0) continue;
        const wr = w + ((<usize>((ky * k + kx) * c + ch) * <usize>f) << 2);
        const dr = dm + ((<usize>o * <usize>f) << 2);
        let j = 0;
        for (; j < f4; j += 4) s4 = f32x4.add(s4, f32x4.mul(v128.load(wr + (<usize>j << 2)), v128.load(dr + (<usize>j << 2))));
        for (; j < f; j++) s += load<f32>(wr + (<usize>j << 2)) * load<f32>(dr + (<usize>j << 2));
      }
    store<f32>(out + (<usize>i << 2), s + f32x4.extract_lane(s4, 0) + f32x4.extract_lane(s4, 1) + f32x4.extract_lane(s4, 2) + f32x4.extract_lane(s4, 3));
  }
}

// Pool geometry slots: [H, W, C, size, stride, outH, outW].
const P_W = 1;
const P_C = 2;
const P_SIZE = 3;
const P_STRIDE = 4;
const P_OUT_H = 5;
const P_OUT_W = 6;

/**
 * Adds `v` to the float64 sums in `wide` [pooled units] of every 'valid' pool window that holds
 * input unit `idx` (channels last); shared by training (poolEvents) and inference (poolBatch).
 */
@inline export function addToPoolWindows(geom: usize, idx: i32, v: f64, wide: usize): void {
  const width = word(geom, P_W), c = word(geom, P_C), k = word(geom, P_SIZE), s = word(geom, P_STRIDE), oh = word(geom, P_OUT_H), ow = word(geom, P_OUT_W);
  const ch = idx % c;
  const px = (idx / c) % width;
  const py = idx / (c * width);
  // Windows oy with oy·s ≤ py ≤ oy·s + k − 1 (py + s ≥ k − 1 keeps the division non-negative).
  const oy0 = py >= k ? (py - k + s) / s : 0;
  const ox0 = px >= k ? (px - k + s) / s : 0;
  const oy1 = min(oh - 1, py / s);
  const ox1 = min(ow - 1, px / s);
  for (let oy = oy0; oy <= oy1; oy++)
    for (let ox = ox0; ox <= ox1; ox++) {
      const p = wide + (<usize>((oy * ow + ox) * c + ch) << 3);
      store<f64>(p, load<f64>(p) + v);
    }
}

/**
 * Sum or average pooling ('valid' windows) of spike event lists, row by row, into value event
 * lists (ids increasing): each spike adds 1 to the windows that hold it, summed in float64 in
 * `wide` [pooled units] and divided by `divisor` (1 for sum, size² for avg), as the event engine's
 * pool2dForward. Returns the number of pooled events.
 */
export function poolEvents(inStarts: usize, inIndex: usize, rows: i32, geom: usize, divisor: f64, wide: usize, outStarts: usize, outIndex: usize, outValue: usize): i32 {
  const units = word(geom, P_OUT_H) * word(geom, P_OUT_W) * word(geom, P_C);
  memory.fill(wide, 0, <usize>units << 3);
  let n: i32 = 0;
  for (let r = 0; r < rows; r++) {
    store<u32>(outStarts + (<usize>r << 2), n);
    const k0 = load<u32>(inStarts + (<usize>r << 2));
    const k1 = load<u32>(inStarts + (<usize>(r + 1) << 2));
    for (let e = k0; e < k1; e++) {
      const idx = <i32>load<u32>(inIndex + (<usize>e << 2));
      addToPoolWindows(geom, idx, 1, wide);
    }
    for (let q = 0; q < units; q++) {
      const p = wide + (<usize>q << 3);
      const v = load<f64>(p);
      if (v == 0) continue;
      store<u32>(outIndex + (<usize>n << 2), q);
      store<f32>(outValue + (<usize>n << 2), <f32>(v / divisor));
      store<f64>(p, 0);
      n++;
    }
  }
  store<u32>(outStarts + (<usize>rows << 2), n);
  return n;
}

/** The pooling's input gradient, one sample: out[y, x, c] = Σ over the windows that hold (y, x) of dPooled/divisor. */
export function unpoolGradient(geom: usize, divisor: f32, dPooled: usize, nIn: i32, out: usize): void {
  const width = word(geom, P_W), c = word(geom, P_C), k = word(geom, P_SIZE), s = word(geom, P_STRIDE), oh = word(geom, P_OUT_H), ow = word(geom, P_OUT_W);
  memory.fill(out, 0, <usize>nIn << 2);
  for (let oy = 0; oy < oh; oy++)
    for (let ox = 0; ox < ow; ox++)
      for (let ky = 0; ky < k; ky++)
        for (let kx = 0; kx < k; kx++) {
          const src = dPooled + (<usize>((oy * ow + ox) * c) << 2);
          const dst = out + (<usize>(((oy * s + ky) * width + ox * s + kx) * c) << 2);
          for (let ch = 0; ch < c; ch++) store<f32>(dst + (<usize>ch << 2), load<f32>(dst + (<usize>ch << 2)) + load<f32>(src + (<usize>ch << 2)) / divisor);
        }
}
