import type { Conv2dLayerSpec, Pool2dLayerSpec } from '../spec/network.ts';

/**
 * Resolved window geometry of a conv2d or pool2d node on a given input: the one owner of the
 * defaults (stride = 1 for a conv, = the window for a pool; dilation 1; groups 1) and of what
 * 'valid' and 'same' mean. Every engine, the mapper and NIR read windows through here.
 */
export interface WindowGeometry {
  readonly kh: number;
  readonly kw: number;
  readonly sh: number;
  readonly sw: number;
  readonly dh: number;
  readonly dw: number;
  /** Zero padding [top, bottom, left, right]. */
  readonly pads: readonly [number, number, number, number];
  readonly groups: number;
  readonly outH: number;
  readonly outW: number;
}

const pair = (v: number | readonly [number, number]): [number, number] => (typeof v === 'number' ? [v, v] : [v[0], v[1]]);

/** 'same' padding of one axis (tfjs convention: output ceil(n/s); the odd pixel goes after). */
function samePads(n: number, k: number, s: number): [number, number] {
  const out = Math.ceil(n / s);
  const total = Math.max((out - 1) * s + k - n, 0);
  return [Math.floor(total / 2), total - Math.floor(total / 2)];
}

/** Output side of a strided, dilated window over n padded by `pad` in all. */
const outSide = (n: number, pad: number, k: number, s: number, d: number): number => Math.floor((n + pad - d * (k - 1) - 1) / s) + 1;

/** Geometry of a conv2d node on an input of h × w. */
export function convGeometry(layer: Conv2dLayerSpec, h: number, w: number): WindowGeometry {
  const [kh, kw] = pair(layer.kernel);
  const [sh, sw] = pair(layer.stride);
  const [dh, dw] = pair(layer.dilation ?? 1);
  let pads: [number, number, number, number];
  if (layer.padding === 'valid') pads = [0, 0, 0, 0];
  else if (layer.padding === 'same') {
    // 'same' keeps its tfjs meaning on the dilated window.
    const [t, b] = samePads(h, dh * (kh - 1) + 1, sh);
    const [l, r] = samePads(w, dw * (kw - 1) + 1, sw);
    pads = [t, b, l, r];
  } else pads = [...layer.padding];
  return {
    kh, kw, sh, sw, dh, dw, pads,
    groups: layer.groups ?? 1,
    outH: outSide(h, pads[0] + pads[1], kh, sh, dh),
    outW: outSide(w, pads[2] + pads[3], kw, sw, dw),
  };
}

/** Geometry of a pool2d node on an input of h × w (no padding, no dilation). */
export function poolGeometry(layer: Pool2dLayerSpec, h: number, w: number): WindowGeometry {
  const [kh, kw] = pair(layer.size);
  const [sh, sw] = pair(layer.stride ?? layer.size);
  return { kh, kw, sh, sw, dh: 1, dw: 1, pads: [0, 0, 0, 0], groups: 1, outH: outSide(h, 0, kh, sh, 1), outW: outSide(w, 0, kw, sw, 1) };
}

/** True when a conv2d uses only what the chain-era kernels cover: square, undilated, ungrouped, 'valid'/'same'. */
export function isPlainConv(layer: Conv2dLayerSpec): boolean {
  return typeof layer.kernel === 'number' && typeof layer.stride === 'number' && typeof layer.padding === 'string' && (layer.dilation ?? 1) === 1 && (layer.groups ?? 1) === 1 && !layer.bias;
}

/** True when a pool2d has a square window and stride (what the chain-era kernels cover). */
export function isPlainPool(layer: Pool2dLayerSpec): boolean {
  return typeof layer.size === 'number' && (layer.stride === undefined || typeof layer.stride === 'number');
}

/** kh·kw of a conv2d's kernel. */
export function convKernelArea(layer: Conv2dLayerSpec): number {
  const [kh, kw] = pair(layer.kernel);
  return kh * kw;
}

/** [dh, dw] of a conv2d's kernel (1 = taps side by side). */
export function convDilation(layer: Conv2dLayerSpec): [number, number] {
  return pair(layer.dilation ?? 1);
}
