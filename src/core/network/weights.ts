import { EngineError } from '../errors.ts';
import { createRng } from '../rng.ts';
import { canonicalSymmetric } from '../rng.ts';
import type { NetworkSpec } from '../spec/network.ts';
import { inferShapes, shapeSize } from './shapes.ts';

/** Weights of one layer: dense `[in, out]` row-major; conv2d `[k, k, cIn, filters]` (tfjs layout). */
export interface LayerWeights {
  readonly shape: readonly number[];
  readonly values: Float32Array;
}

/**
 * Weights of a network by layer name (dense and conv2d layers, and the vector of a scale node); a
 * layer with `bias` also has `<name>.bias` (a layer name cannot contain '.', so the keys never collide).
 */
export type NetworkWeights = Readonly<Record<string, LayerWeights>>;

/** Index of the first NaN or ±Infinity in `values`, or -1: weights and parameters read from a file must be finite. */
export function firstNonFinite(values: ArrayLike<number>): number {
  for (let i = 0; i < values.length; i++) if (!Number.isFinite(values[i])) return i;
  return -1;
}

/** The key of a layer's bias in NetworkWeights. */
export const biasKey = (layer: string): string => `${layer}.bias`;

/** Expected weight shape of each weighted layer (and of its bias, when it has one). */
export function weightShapes(net: NetworkSpec): Record<string, number[]> {
  const { inShapes } = inferShapes(net);
  const out: Record<string, number[]> = {};
  net.layers.forEach((layer, i) => {
    const inShape = inShapes[i];
    if (!inShape) return;
    if (layer.kind === 'dense') {
      out[layer.name] = [shapeSize(inShape), layer.units];
      if (layer.bias) out[biasKey(layer.name)] = [layer.units];
    }
    if (layer.kind === 'conv2d') {
      const [kh, kw] = typeof layer.kernel === 'number' ? [layer.kernel, layer.kernel] : layer.kernel;
      out[layer.name] = [kh, kw, (inShape[inShape.length - 1] ?? 1) / (layer.groups ?? 1), layer.filters];
      if (layer.bias) out[biasKey(layer.name)] = [layer.filters];
    }
    if (layer.kind === 'scale') out[layer.name] = [shapeSize(inShape)];
  });
  return out;
}

/**
 * Seeded initial weights: uniform in ±gain·sqrt(3/fanIn) (unit variance of the summed input for
 * unit-variance inputs, times gain), drawn with the canonical counter RNG from a stream named after
 * the seed and the layer, so every engine and every machine starts from identical weights.
 */
export function initWeights(net: NetworkSpec, seed: number): NetworkWeights {
  const shapes = weightShapes(net);
  const out: Record<string, LayerWeights> = {};
  for (const layer of net.layers) {
    const shape = shapes[layer.name];
    // A scale starts as the identity: its input passes unchanged until training (or a file) says otherwise.
    if (shape && layer.kind === 'scale') out[layer.name] = { shape, values: new Float32Array(shape[0] ?? 0).fill(1) };
    if (!shape || (layer.kind !== 'dense' && layer.kind !== 'conv2d')) continue;
    // Biases start at zero, as in PyTorch's and Keras's usual practice for spiking layers.
    const bias = shapes[biasKey(layer.name)];
    if (bias) out[biasKey(layer.name)] = { shape: bias, values: new Float32Array(bias[0] ?? 0) };
    const size = shape.reduce((a, b) => a * b, 1);
    const fanIn = size / (shape[shape.length - 1] ?? 1);
    const a = layer.weightGain * Math.sqrt(3 / fanIn);
    const stream = createRng(seed, `weights:${layer.name}`).stream;
    const values = new Float32Array(size);
    for (let k = 0; k < size; k++) values[k] = canonicalSymmetric(a, stream, k);
    out[layer.name] = { shape, values };
  }
  return out;
}

/** Checks that weights match the network (names and shapes); throws EngineError naming the layer. */
export function checkWeights(net: NetworkSpec, weights: NetworkWeights): void {
  const shapes = weightShapes(net);
  for (const [name, shape] of Object.entries(shapes)) {
    const w = weights[name];
    if (!w) throw new EngineError(`no weights for layer '${name}'`);
    const expected = shape.reduce((a, b) => a * b, 1);
    if (w.values.length !== expected || w.shape.join('x') !== shape.join('x')) {
      throw new EngineError(`weights of layer '${name}' have shape [${w.shape.join(', ')}] but the layer needs [${shape.join(', ')}]`);
    }
  }
}
