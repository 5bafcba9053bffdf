import { EngineError } from '../errors.ts';
import type { Conv2dLayerSpec, DenseLayerSpec, LayerSpec, NetworkSpec } from '../spec/network.ts';
import { convGeometry } from './layerGeometry.ts';
import { inferShapes, shapeSize, type Shape } from './shapes.ts';
import type { LayerWeights, NetworkWeights } from './weights.ts';

/**
 * The synapses one non-zero input element of a connection node (dense, conv2d) drives in one step:
 * `effective[i]` counts those whose weight is not zero, `all[i]` every one, zeros included. Only
 * synapses that reach an output inside the layer count: a conv's zero padding adds none. Biases
 * are not synapses. These are NeuroBench's per-input counts of its binarised forward pass
 * (neurobench/metrics/utils/layers/macs.py, stateless_layer_macs: weights and inputs made 0/1, or
 * all 1 for Dense, then the layer run and its outputs summed).
 */
export interface SynapseFanOut {
  readonly layer: string;
  /** Elements of the node's (summed) input, in channels-last order. */
  readonly inputs: number;
  readonly effective: Float64Array;
  readonly all: Float64Array;
}

type FanOutOf<L extends LayerSpec> = (layer: L, inShape: Shape, w: LayerWeights) => Pick<SynapseFanOut, 'effective' | 'all'>;

/** Dense W [in, out]: input i drives row i, all `out` synapses of it, the non-zero ones effectively. */
const denseFanOut: FanOutOf<DenseLayerSpec> = (layer, inShape, w) => {
  const nIn = shapeSize(inShape);
  const nOut = layer.units;
  const effective = new Float64Array(nIn);
  for (let i = 0; i < nIn; i++) {
    let nz = 0;
    for (let j = 0; j < nOut; j++) if ((w.values[i * nOut + j] as number) !== 0) nz++;
    effective[i] = nz;
  }
  return { effective, all: new Float64Array(nIn).fill(nOut) };
};

/**
 * Conv2d, kernel [kh, kw, cIn/groups, filters]: input (y, x, c) meets tap (ky, kx) at every output
 * whose window holds it, and there drives its group's filters of W[ky][kx][c mod cIn/groups] (the
 * same geometry as the event engine's scatter, from layerGeometry.ts).
 */
const convFanOut: FanOutOf<Conv2dLayerSpec> = (layer, inShape, w) => {
  const [h, wd, cIn] = inShape as readonly [number, number, number];
  const g = convGeometry(layer, h, wd);
  const f = layer.filters;
  const cg = cIn / g.groups;
  const fg = f / g.groups;
  // Non-zero weights of each kernel slice W[ky][kx][cc][group's filters], indexed (tap·cg + cc)·groups + group.
  const nz = new Float64Array(g.kh * g.kw * cg * g.groups);
  for (let tap = 0; tap < g.kh * g.kw; tap++)
    for (let cc = 0; cc < cg; cc++)
      for (let grp = 0; grp < g.groups; grp++) {
        let n = 0;
        for (let j = 0; j < fg; j++) if ((w.values[(tap * cg + cc) * f + grp * fg + j] as number) !== 0) n++;
        nz[(tap * cg + cc) * g.groups + grp] = n;
      }
  const size = h * wd * cIn;
  const effective = new Float64Array(size);
  const all = new Float64Array(size);
  for (let idx = 0; idx < size; idx++) {
    const c = idx % cIn;
    const grp = Math.floor(c / cg);
    const cc = c - grp * cg;
    const px = Math.floor(idx / cIn) % wd;
    const py = Math.floor(idx / (cIn * wd));
    let e = 0;
    let a = 0;
    for (let ky = 0; ky < g.kh; ky++) {
      const ys = py + g.pads[0] - ky * g.dh;
      if (ys < 0 || ys % g.sh !== 0 || ys / g.sh >= g.outH) continue;
      for (let kx = 0; kx < g.kw; kx++) {
        const xs = px + g.pads[2] - kx * g.dw;
        if (xs < 0 || xs % g.sw !== 0 || xs / g.sw >= g.outW) continue;
        e += nz[((ky * g.kw + kx) * cg + cc) * g.groups + grp] as number;
        a += fg;
      }
    }
    effective[idx] = e;
    all[idx] = a;
  }
  return { effective, all };
};

/** The connection kinds and their fan-out; a node of another kind has no synapses (pooling, scale and sums are not connections in NeuroBench either). */
const FAN_OUT: { readonly [K in LayerSpec['kind']]?: FanOutOf<Extract<LayerSpec, { kind: K }>> } = { dense: denseFanOut, conv2d: convFanOut };

/** Whether a node of this kind is a connection (has synapses whose operations count). */
export const isConnectionKind = (kind: LayerSpec['kind']): boolean => FAN_OUT[kind] !== undefined;

/** The fan-out of every connection node of `net` with its weights, in network order. */
export function synapseFanOuts(net: NetworkSpec, weights: NetworkWeights): SynapseFanOut[] {
  const { inShapes } = inferShapes(net);
  return net.layers.flatMap((layer, i) => {
    const of = FAN_OUT[layer.kind] as FanOutOf<LayerSpec> | undefined;
    const inShape = inShapes[i];
    const w = weights[layer.name];
    if (!of || !inShape) return [];
    if (!w) throw new EngineError(`no weights for layer '${layer.name}': its synaptic operations cannot be counted`);
    return [{ layer: layer.name, inputs: shapeSize(inShape), ...of(layer, inShape, w) }];
  });
}
