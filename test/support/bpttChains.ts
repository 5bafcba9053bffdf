import { createRng } from '../../src/core/rng.ts';
import type { BpttLayer } from '../../src/core/train/bptt/denseLifBptt.ts';

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
