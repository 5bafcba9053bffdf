// The conv and pool geometry the kernels read as int32 words (assembly/convBptt.ts, G_* and P_*),
// defined once for the inference plan (wasm/wasmPlan.ts) and the BPTT trainer (train/bptt).

import { convOutSide, padBefore, windowOf } from '../../network/shapes.ts';
import type { Conv2dLayerSpec, Pool2dLayerSpec } from '../../spec/network.ts';

/** A conv2d's window on a [inH, inW, inC] input (channels last); output [outH, outW, filters]. */
export interface ConvGeometry {
  readonly inH: number;
  readonly inW: number;
  readonly inC: number;
  readonly k: number;
  readonly stride: number;
  readonly padTop: number;
  readonly padLeft: number;
  readonly outH: number;
  readonly outW: number;
  readonly filters: number;
}

/** A pool's 'valid' windows on a [h, w, c] input; output [outH, outW, c]. */
export interface PoolWindow {
  readonly h: number;
  readonly w: number;
  readonly c: number;
  readonly size: number;
  readonly stride: number;
  readonly outH: number;
  readonly outW: number;
}

export function convGeometryOf([inH, inW, inC]: readonly [number, number, number], spec: Conv2dLayerSpec): ConvGeometry {
  const { k, stride, padding } = windowOf(spec);
  return { inH, inW, inC, k, stride, padTop: padBefore(inH, k, stride, padding), padLeft: padBefore(inW, k, stride, padding), outH: convOutSide(inH, k, stride, padding), outW: convOutSide(inW, k, stride, padding), filters: spec.filters };
}

export function poolWindowOf([h, w, c]: readonly [number, number, number], spec: Pool2dLayerSpec): PoolWindow {
  const { k: size, stride } = windowOf(spec);
  return { h, w, c, size, stride, outH: convOutSide(h, size, stride, 'valid'), outW: convOutSide(w, size, stride, 'valid') };
}

/** Words of a conv geometry (10 int32s), in the kernel's order. */
export const convWords = (g: ConvGeometry): Int32Array => Int32Array.from([g.inH, g.inW, g.inC, g.k, g.stride, g.padTop, g.padLeft, g.outH, g.outW, g.filters]);

/** Words of a pool window (7 int32s), in the kernel's order. */
export const poolWords = (p: PoolWindow): Int32Array => Int32Array.from([p.h, p.w, p.c, p.size, p.stride, p.outH, p.outW]);
