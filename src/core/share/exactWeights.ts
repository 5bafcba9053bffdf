import { LinkError } from '../errors.ts';
import { weightShapes, type LayerWeights, type NetworkWeights } from '../network/weights.ts';
import type { NetworkSpec } from '../spec/network.ts';
import { checkedLayers, sizeOf } from './weightQuantisation.ts';

/** One layer of exact weights in a link: its name and shape; the values are in the payload. */
export interface ExactLayer {
  readonly name: string;
  readonly shape: readonly number[];
}

/** Weights carried bit for bit: float32, little-endian, layer after layer in network order. */
export interface ExactWeights {
  readonly coding: 'float32';
  readonly layers: readonly ExactLayer[];
  readonly payload: Uint8Array;
}

/** Packs every weighted layer of `net` as float32 (exactly the values the page simulates with). */
export function packExactWeights(net: NetworkSpec, weights: NetworkWeights): ExactWeights {
  const layers = checkedLayers(net, weights);
  const payload = new Uint8Array(4 * layers.reduce((n, [, shape]) => n + sizeOf(shape), 0));
  const view = new DataView(payload.buffer);
  let at = 0;
  for (const [, , w] of layers)
    for (const v of w.values) {
      view.setFloat32(at, v, true);
      at += 4;
    }
  return { coding: 'float32', layers: layers.map(([name, shape]) => ({ name, shape })), payload };
}

/**
 * Inverse of packExactWeights, checked against the network the link carries: the same weighted
 * layers in the same order and shapes, a payload of exactly 4 bytes per weight, and no NaN or
 * Infinity. Anything else is refused with LinkError 'weights'.
 */
export function unpackExactWeights(net: NetworkSpec, exact: ExactWeights): NetworkWeights {
  const want = Object.entries(weightShapes(net));
  const { layers, payload } = exact;
  if (layers.length !== want.length || layers.some((l, i) => l.name !== want[i]?.[0])) {
    throw new LinkError('weights', `the link has weights for [${layers.map((l) => l.name).join(', ')}] but the network's weighted layers are [${want.map(([n]) => n).join(', ')}]`);
  }
  layers.forEach((l, i) => {
    const shape = want[i]?.[1] ?? [];
    if (l.shape.join('x') !== shape.join('x')) throw new LinkError('weights', `weights of layer '${l.name}' have shape [${l.shape.join(', ')}] but the layer needs [${shape.join(', ')}]`);
  });
  const need = 4 * layers.reduce((n, l) => n + sizeOf(l.shape), 0);
  if (payload.length !== need) throw new LinkError('weights', `the weights take ${payload.length} bytes but ${need} are needed for float32 values`);
  const view = new DataView(payload.buffer, payload.byteOffset, payload.byteLength);
  const out: Record<string, LayerWeights> = {};
  let at = 0;
  for (const l of layers) {
    const values = new Float32Array(sizeOf(l.shape));
    for (let i = 0; i < values.length; i++, at += 4) {
      const v = view.getFloat32(at, true);
      if (!Number.isFinite(v)) throw new LinkError('weights', `layer '${l.name}' has ${v} at index ${i}`);
      values[i] = v;
    }
    out[l.name] = { shape: [...l.shape], values };
  }
  return out;
}
