import type { Conv2dLayerSpec, Pool2dLayerSpec } from '../../spec/network.ts';
import type { Shape } from '../../network/shapes.ts';
import { convGeometry, poolGeometry } from '../../network/layerGeometry.ts';

/**
 * Activity between layers of the event engine: `values` of length batch·size (dense storage), and
 * for each sample the indices of the non-zero entries in increasing order (the events). Kernels read
 * only the events, so their work is proportional to events × fan-out, not to the layer size.
 */
export interface Activity {
  readonly size: number;
  readonly batch: number;
  readonly values: Float32Array;
  /** Per sample: events[b] holds `count[b]` indices into values (offset b·size not included). */
  readonly events: Uint32Array[];
  readonly count: Uint32Array;
}

/** Allocates an empty activity buffer. */
export function allocActivity(size: number, batch: number): Activity {
  return {
    size,
    batch,
    values: new Float32Array(size * batch),
    events: Array.from({ length: batch }, () => new Uint32Array(size)),
    count: new Uint32Array(batch),
  };
}

/** Rebuilds the event lists of `a` from its dense values (one O(size) scan per sample). */
export function indexEvents(a: Activity): void {
  for (let b = 0; b < a.batch; b++) {
    const ev = a.events[b] as Uint32Array;
    const off = b * a.size;
    let c = 0;
    for (let i = 0; i < a.size; i++) if ((a.values[off + i] as number) !== 0) ev[c++] = i;
    a.count[b] = c;
  }
}

/** Zeroes the dense values of the previous step's events only (keeps clearing proportional to activity). */
export function clearEvents(a: Activity): void {
  for (let b = 0; b < a.batch; b++) {
    const ev = a.events[b] as Uint32Array;
    const off = b * a.size;
    const n = a.count[b] as number;
    for (let k = 0; k < n; k++) a.values[off + (ev[k] as number)] = 0;
    a.count[b] = 0;
  }
}

/**
 * Dense synapses, I = x·W (+ b) with W [nIn, nOut] row-major: for each input event i, row i (times
 * the event's value) is added to a float64 accumulator, rounded to float32 once at the end. Float64
 * accumulation makes the sum exact for the magnitudes involved, matching tfjs's cpu matMul. The bias
 * is added after the rounding, as tfjs adds it to the matMul's float32 result.
 */
export function denseForward(input: Activity, w: Float32Array, nOut: number, acc: Float64Array | Float32Array, out: Float32Array, bias?: Float32Array): void {
  // A Float32Array accumulator is the float32 precision mode: every stored sum is rounded to float32
  // (a float64 add of two float32 values, rounded once more, is the float32 add), and a scaled
  // row's product is rounded first, as the wasm kernel's f32x4.mul then f32x4.add.
  const narrow = acc instanceof Float32Array;
  for (let b = 0; b < input.batch; b++) {
    acc.fill(0);
    const ev = input.events[b] as Uint32Array;
    const n = input.count[b] as number;
    const inOff = b * input.size;
    for (let k = 0; k < n; k++) {
      const i = ev[k] as number;
      const x = input.values[inOff + i] as number;
      const row = i * nOut;
      if (x === 1) for (let j = 0; j < nOut; j++) acc[j] = (acc[j] as number) + (w[row + j] as number);
      else if (narrow) for (let j = 0; j < nOut; j++) acc[j] = (acc[j] as number) + Math.fround(x * (w[row + j] as number));
      else for (let j = 0; j < nOut; j++) acc[j] = (acc[j] as number) + x * (w[row + j] as number);
    }
    const outOff = b * nOut;
    for (let j = 0; j < nOut; j++) out[outOff + j] = acc[j] as number;
    if (bias) for (let j = 0; j < nOut; j++) out[outOff + j] = Math.fround((out[outOff + j] as number) + (bias[j] as number));
  }
}

/**
 * 2-D convolution, event-driven: each input event (y, x, c) scatters its value times the kernel
 * slice W[ky][kx][c mod cInPerGroup][group's filters] onto every output position whose window
 * covers it. Kernel layout [kh, kw, cIn/groups, filters] as in tfjs; channels last; geometry
 * (rectangular, strided, dilated, padded, grouped) from layerGeometry.ts.
 */
export function conv2dForward(
  input: Activity,
  inShape: Shape,
  layer: Conv2dLayerSpec,
  w: Float32Array,
  acc: Float64Array,
  out: Float32Array,
  bias?: Float32Array,
): void {
  const [h, wd, cIn] = inShape as readonly [number, number, number];
  const g = convGeometry(layer, h, wd);
  const { kh, kw, sh, sw, dh, dw, outH: oh, outW: ow } = g;
  const f = layer.filters;
  const pt = g.pads[0];
  const pl = g.pads[2];
  const cg = cIn / g.groups;
  const fg = f / g.groups;
  const outSize = oh * ow * f;
  for (let b = 0; b < input.batch; b++) {
    acc.fill(0);
    const ev = input.events[b] as Uint32Array;
    const n = input.count[b] as number;
    for (let e = 0; e < n; e++) {
      const idx = ev[e] as number;
      const x = input.values[b * input.size + idx] as number;
      const c = idx % cIn;
      const grp = Math.floor(c / cg);
      const cc = c - grp * cg;
      const f0 = grp * fg;
      const px = Math.floor(idx / cIn) % wd;
      const py = Math.floor(idx / (cIn * wd));
      // Output (oy, ox) covers input rows oy·sh − pt + ky·dh, so oy = (py + pt − ky·dh) / sh.
      for (let ky = 0; ky < kh; ky++) {
        const ys = py + pt - ky * dh;
        if (ys < 0 || ys % sh !== 0) continue;
        const oy = ys / sh;
        if (oy >= oh) continue;
        for (let kx = 0; kx < kw; kx++) {
          const xs = px + pl - kx * dw;
          if (xs < 0 || xs % sw !== 0) continue;
          const ox = xs / sw;
          if (ox >= ow) continue;
          const wOff = ((ky * kw + kx) * cg + cc) * f + f0;
          const oOff = (oy * ow + ox) * f + f0;
          for (let j = 0; j < fg; j++) acc[oOff + j] = (acc[oOff + j] as number) + x * (w[wOff + j] as number);
        }
      }
    }
    const off = b * outSize;
    for (let j = 0; j < outSize; j++) out[off + j] = acc[j] as number;
    if (bias) for (let j = 0; j < outSize; j++) out[off + j] = Math.fround((out[off + j] as number) + (bias[j % f] as number));
  }
}

/**
 * Pooling over kh×kw windows with the given strides ('valid'). 'sum' and 'avg' are event-driven
 * (each event adds to the windows that contain it; avg divides by the window's area at the end
 * like tfjs's avgPool); 'max' scans every window, because the maximum also depends on the zeros
 * between events and pooling is cheap next to the synaptic layers.
 */
export function pool2dForward(input: Activity, inShape: Shape, layer: Pool2dLayerSpec, out: Float32Array, acc: Float64Array): void {
  const [h, wd, c] = inShape as readonly [number, number, number];
  const { kh, kw, sh, sw, outH: oh, outW: ow } = poolGeometry(layer, h, wd);
  const outSize = oh * ow * c;
  for (let b = 0; b < input.batch; b++) {
    const inOff = b * input.size;
    const off = b * outSize;
    if (layer.mode === 'max') {
      for (let oy = 0; oy < oh; oy++)
        for (let ox = 0; ox < ow; ox++)
          for (let ch = 0; ch < c; ch++) {
            let m = -Infinity;
            for (let ky = 0; ky < kh; ky++)
              for (let kx = 0; kx < kw; kx++) m = Math.max(m, input.values[inOff + ((oy * sh + ky) * wd + ox * sw + kx) * c + ch] as number);
            out[off + (oy * ow + ox) * c + ch] = m;
          }
      continue;
    }
    acc.fill(0);
    const ev = input.events[b] as Uint32Array;
    const n = input.count[b] as number;
    for (let e = 0; e < n; e++) {
      const idx = ev[e] as number;
      const x = input.values[inOff + idx] as number;
      const ch = idx % c;
      const px = Math.floor(idx / c) % wd;
      const py = Math.floor(idx / (c * wd));
      // Windows oy with oy·sh ≤ py ≤ oy·sh + kh − 1.
      for (let oy = Math.max(0, Math.ceil((py - kh + 1) / sh)); oy <= Math.min(oh - 1, Math.floor(py / sh)); oy++)
        for (let ox = Math.max(0, Math.ceil((px - kw + 1) / sw)); ox <= Math.min(ow - 1, Math.floor(px / sw)); ox++) {
          const o = (oy * ow + ox) * c + ch;
          acc[o] = (acc[o] as number) + x;
        }
    }
    const div = layer.mode === 'avg' ? kh * kw : 1;
    for (let j = 0; j < outSize; j++) out[off + j] = (acc[j] as number) / div;
  }
}
