import { filledTensor, NIR_VERSION, type NirGraph, type NirMetadata, type NirNode, type NirTensor } from '../../src/core/share/nir/nirGraph.ts';
import { createRng } from '../../src/core/rng.ts';

/** A float32 tensor of the given values. */
export function tensor(shape: readonly number[], values: readonly number[]): NirTensor {
  return { shape, values: Float32Array.from(values) };
}

/** A tensor of one value repeated (per-neuron parameters). */
export const full = filledTensor;

/** Seeded uniform values in ±a, as a float32 tensor (weights of hand-built graphs). */
export function randomTensor(shape: readonly number[], a: number, seed: number): NirTensor {
  const rng = createRng(seed, 'nir-test');
  const n = shape.reduce((x, y) => x * y, 1);
  return { shape, values: Float32Array.from({ length: n }, () => (rng.next() * 2 - 1) * a) };
}

/**
 * A graph whose nodes form a chain in the order given (as exporters write sequential models).
 * Pairs rather than an object: JavaScript puts integer-like keys ('0', '1', …) first.
 */
export function chainGraph(nodes: readonly (readonly [string, NirNode])[], metadata: NirMetadata = {}): NirGraph {
  const names = nodes.map(([n]) => n);
  return { version: NIR_VERSION, nodes: Object.fromEntries(nodes), edges: names.slice(1).map((n, i) => [names[i] as string, n]), metadata };
}
