import { LinkError } from '../errors.ts';
import { weightShapes, type LayerWeights, type NetworkWeights } from '../network/weights.ts';
import type { NetworkSpec } from '../spec/network.ts';
import { maxCode } from '../network/weightGrid.ts';

/** Fewest and most bits a link may quantise weights to (2 bits = the levels −1, 0, +1). */
export const MIN_WEIGHT_BITS = 2;
export const MAX_WEIGHT_BITS = 16;

/** How one layer's weights were quantised: value ≈ q · scale with q a whole number in ±(2^(bits−1) − 1). */
export interface QuantisedLayer {
  readonly name: string;
  readonly shape: readonly number[];
  readonly scale: number;
}

/** Weights quantised for a link: one entry per weighted layer, in network order, and the packed codes. */
export interface QuantisedWeights {
  readonly bits: number;
  readonly layers: readonly QuantisedLayer[];
  readonly payload: Uint8Array;
}

/** Largest code magnitude (network/weightGrid.ts owns the grid, shared with quantisation-aware training). */
export { maxCode };

/** Bytes one layer's codes take: `count · bits` bits, rounded up so each layer starts on a byte. */
function packedBytes(count: number, bits: number): number {
  return Math.ceil((count * bits) / 8);
}

/** Number of values of a shape. */
export const sizeOf = (shape: readonly number[]): number => shape.reduce((a, b) => a * b, 1);

/** The network's weighted layers with their weights, refusing missing, misshapen or non-finite ones. */
export function checkedLayers(net: NetworkSpec, weights: NetworkWeights): [string, number[], LayerWeights][] {
  return Object.entries(weightShapes(net)).map(([name, shape]) => {
    const w = Object.hasOwn(weights, name) ? weights[name] : undefined;
    if (!w) throw new LinkError('weights', `no weights for layer '${name}'`);
    if (w.shape.join('x') !== shape.join('x') || w.values.length !== sizeOf(shape)) {
      throw new LinkError('weights', `weights of layer '${name}' have shape [${w.shape.join(', ')}] but the layer needs [${shape.join(', ')}]`);
    }
    if (!w.values.every(Number.isFinite)) throw new LinkError('weights', `weights of layer '${name}' contain NaN or Infinity`);
    return [name, shape, w];
  });
}

/**
 * Quantises every weighted layer of `net` to `bits` bits with one scale per layer,
 * scale = max|w| / (2^(bits−1) − 1) and q = round(w / scale), so |w − q·scale| ≤ scale / 2.
 * Codes are stored offset by +qmax (non-negative), packed least significant bit first.
 */
export function quantiseWeights(net: NetworkSpec, weights: NetworkWeights, bits: number): QuantisedWeights {
  const qmax = maxCode(bits);
  const layers = checkedLayers(net, weights);
  const payload = new Uint8Array(layers.reduce((n, [, shape]) => n + packedBytes(sizeOf(shape), bits), 0));
  let byte = 0;
  const out: QuantisedLayer[] = [];
  for (const [name, shape, w] of layers) {
    let maxAbs = 0;
    for (const v of w.values) maxAbs = Math.max(maxAbs, Math.abs(v));
    const scale = maxAbs / qmax;
    let bit = 0;
    for (const v of w.values) {
      const code = (scale === 0 ? 0 : Math.max(-qmax, Math.min(qmax, Math.round(v / scale)))) + qmax;
      for (let k = 0; k < bits; k++, bit++) if ((code >> k) & 1) payload[byte + (bit >> 3)] = (payload[byte + (bit >> 3)] as number) | (1 << (bit & 7));
    }
    byte += packedBytes(w.values.length, bits);
    out.push({ name, shape, scale });
  }
  return { bits, layers: out, payload };
}

/**
 * Inverse of quantiseWeights, checked against the network the link carries: the same weighted
 * layers in the same order with the same shapes, a payload of exactly the right length, finite
 * scales and no code outside ±qmax. Anything else is refused with LinkError 'weights'.
 */
export function dequantiseWeights(net: NetworkSpec, q: QuantisedWeights): NetworkWeights {
  const { bits, layers, payload } = q;
  const qmax = maxCode(bits);
  const want = Object.entries(weightShapes(net));
  if (layers.length !== want.length || layers.some((l, i) => l.name !== want[i]?.[0])) {
    throw new LinkError('weights', `the link has weights for [${layers.map((l) => l.name).join(', ')}] but the network's weighted layers are [${want.map(([n]) => n).join(', ')}]`);
  }
  let need = 0;
  layers.forEach((l, i) => {
    const shape = want[i]?.[1] ?? [];
    if (l.shape.join('x') !== shape.join('x')) throw new LinkError('weights', `weights of layer '${l.name}' have shape [${l.shape.join(', ')}] but the layer needs [${shape.join(', ')}]`);
    // A scale whose largest value overflows float32 would decode to Infinity.
    if (!(l.scale >= 0) || !Number.isFinite(Math.fround(l.scale * qmax))) throw new LinkError('weights', `layer '${l.name}' has an invalid scale ${l.scale}`);
    need += packedBytes(sizeOf(shape), bits);
  });
  if (payload.length !== need) throw new LinkError('weights', `the weights take ${payload.length} bytes but ${need} are needed for ${bits}-bit codes`);
  const out: Record<string, LayerWeights> = {};
  let byte = 0;
  for (const l of layers) {
    const values = new Float32Array(sizeOf(l.shape));
    let bit = 0;
    for (let i = 0; i < values.length; i++) {
      let code = 0;
      for (let k = 0; k < bits; k++, bit++) code |= (((payload[byte + (bit >> 3)] as number) >> (bit & 7)) & 1) << k;
      if (code > 2 * qmax) throw new LinkError('weights', `layer '${l.name}' has a code outside ±${qmax} at index ${i}`);
      values[i] = (code - qmax) * l.scale;
    }
    byte += packedBytes(values.length, bits);
    out[l.name] = { shape: [...l.shape], values };
  }
  return out;
}
