import type { LayerWeights } from '../../network/weights.ts';
import type { NirTensor } from './nirGraph.ts';

/**
 * Weight layouts. Spikelab follows tfjs: dense [in, out], conv2d [k, k, cIn, filters], images
 * channels last [h, w, c]. NIR follows PyTorch: dense [out, in], conv [out, in, kh, kw], images
 * channels first [c, h, w]. Both are cross-correlations, so kernels are transposed, never flipped.
 * A dense layer after a flatten also needs its inputs reordered: we flatten (y, x, c) to
 * (y·W + x)·C + c, PyTorch to c·H·W + y·W + x.
 */

/** Spatial layout [h, w, c] of the image a dense layer's input was flattened from, if any. */
export type FlattenedFrom = readonly [number, number, number] | undefined;

/** Index in a PyTorch (channels-first) flattening of the input our flattening puts at `i`. */
function channelsFirstIndex(i: number, from: FlattenedFrom): number {
  if (!from) return i;
  const [h, w, c] = from;
  const ch = i % c;
  const pixel = (i - ch) / c;
  return ch * h * w + pixel;
}

/** NIR Affine/Linear weight [out, in] → our dense weights [in, out]. */
export function denseFromNir(weight: NirTensor, from: FlattenedFrom): LayerWeights {
  const [outs = 0, ins = 0] = weight.shape;
  const values = new Float32Array(ins * outs);
  for (let i = 0; i < ins; i++) {
    const j = channelsFirstIndex(i, from);
    for (let o = 0; o < outs; o++) values[i * outs + o] = weight.values[o * ins + j] as number;
  }
  return { shape: [ins, outs], values };
}

/** Our dense weights [in, out] → NIR weight [out, in] (float32, as our weights are). */
export function denseToNir(w: LayerWeights, from: FlattenedFrom): NirTensor {
  const [ins = 0, outs = 0] = w.shape;
  const values = new Float32Array(ins * outs);
  for (let i = 0; i < ins; i++) {
    const j = channelsFirstIndex(i, from);
    for (let o = 0; o < outs; o++) values[o * ins + j] = w.values[i * outs + o] as number;
  }
  return { shape: [outs, ins], values };
}

/** NIR Conv2d weight [out, in/groups, kh, kw] → our kernel [kh, kw, in/groups, out]. */
export function convFromNir(weight: NirTensor): LayerWeights {
  const [outs = 0, ins = 0, kh = 0, kw = 0] = weight.shape;
  const values = new Float32Array(kh * kw * ins * outs);
  for (let o = 0; o < outs; o++)
    for (let c = 0; c < ins; c++)
      for (let y = 0; y < kh; y++)
        for (let x = 0; x < kw; x++) values[((y * kw + x) * ins + c) * outs + o] = weight.values[((o * ins + c) * kh + y) * kw + x] as number;
  return { shape: [kh, kw, ins, outs], values };
}

/** Our kernel [kh, kw, in/groups, out] → NIR Conv2d weight [out, in/groups, kh, kw]. */
export function convToNir(w: LayerWeights): NirTensor {
  const [kh = 0, kw = 0, ins = 0, outs = 0] = w.shape;
  const values = new Float32Array(kh * kw * ins * outs);
  for (let o = 0; o < outs; o++)
    for (let c = 0; c < ins; c++)
      for (let y = 0; y < kh; y++)
        for (let x = 0; x < kw; x++) values[((o * ins + c) * kh + y) * kw + x] = w.values[((y * kw + x) * ins + c) * outs + o] as number;
  return { shape: [outs, ins, kh, kw], values };
}

/** NIR Conv1d weight [out, in/groups, k] → our k×1 kernel for an [n, 1, c] input. */
export function conv1dFromNir(weight: NirTensor): LayerWeights {
  const [outs = 0, ins = 0, k = 0] = weight.shape;
  const values = new Float32Array(k * ins * outs);
  for (let o = 0; o < outs; o++)
    for (let c = 0; c < ins; c++)
      for (let y = 0; y < k; y++) values[(y * ins + c) * outs + o] = weight.values[(o * ins + c) * k + y] as number;
  return { shape: [k, 1, ins, outs], values };
}

/** Multiplies weights by a gain (an imported neuron's input gain folded into its synapses). */
export function scaleWeights(w: LayerWeights, gain: number): LayerWeights {
  return { shape: w.shape, values: w.values.map((v) => Math.fround(v * gain)) };
}
