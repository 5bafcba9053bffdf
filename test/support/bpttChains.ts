import { createRng } from '../../src/core/rng.ts';
import { lifModel } from '../../src/core/neurons/lif.ts';
import type { BpttLayer } from '../../src/core/train/bptt/denseLifBptt.ts';
import type { KernelLayer } from '../../src/core/train/bptt/kernelLayer.ts';

/** A random chain of dense → LIF layers and a random real-valued input (not only spikes). */
export function randomChain(seed: number, sizes: readonly number[], steps: number, batch: number, binary: boolean) {
  const rng = createRng(seed, 'bptt-test');
  const layers: BpttLayer[] = sizes.slice(1).map((units, i) => {
    const inputs = sizes[i] as number;
    const weights = Float32Array.from({ length: inputs * units }, () => (rng.next() * 2 - 1) * (2.5 / Math.sqrt(inputs)));
    return { inputs, units, beta: 0.8 + 0.15 * rng.next(), threshold: 0.5 + rng.next(), weights };
  });
  const n = sizes[0] as number;
  const values = Float32Array.from({ length: steps * batch * n }, () => (rng.next() < 0.3 ? (binary ? 1 : Math.fround(0.2 + 1.5 * rng.next())) : 0));
  const labels = Int32Array.from({ length: batch }, () => rng.int(sizes[sizes.length - 1] as number));
  return { layers, values, labels };
}

/** The reference's dense → LIF layers as the BPTT kernel takes them: LIF neurons packed by their model. */
export function kernelLayersOf(layers: readonly BpttLayer[]): KernelLayer[] {
  return layers.map((l) => {
    const neuron = lifModel.kernel?.({ model: 'lif', beta: l.beta, threshold: l.threshold, reset: 'subtract', refractoryMs: 0 }, 1);
    if (neuron === undefined || typeof neuron === 'string') throw new Error(`the kernel cannot run these LIF neurons: ${neuron ?? 'no packing'}`);
    return { inputs: l.inputs, units: l.units, neuron, weights: l.weights };
  });
}
