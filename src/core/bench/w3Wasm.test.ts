import { beforeAll, describe, expect, it } from 'vitest';
import { kernelBytes } from '../../cli/kernelFile.ts';
import { loadKernel, type KernelExports } from '../engine/kernels/kernelModule.ts';
import { buildW3Csr, type Csr } from './w3.ts';
import { eventsW3Runner, wasmW3Runner } from './w3Wasm.ts';

// A third of W3's inputs onto its 10,000 neurons: enough drive for output spikes, built in ~1 s.
let kernel: KernelExports;
let csr: Csr;
beforeAll(async () => {
  kernel = (await loadKernel(await kernelBytes())).exports;
  csr = buildW3Csr(3000);
}, 120_000);

describe('W3 on the wasm kernel', () => {
  it('draws the same inputs and fires the same spikes as the TypeScript loop for a seed', () => {
    for (const seed of [1, 7]) {
      const ref = eventsW3Runner(csr).run(seed, 100);
      const got = wasmW3Runner(kernel, 3000).run(seed, 100);
      expect(ref.outputSpikes).toBeGreaterThan(100);
      expect(got).toEqual(ref);
    }
  });

  it('starts every run from zero state', () => {
    const w3 = wasmW3Runner(kernel, 3000);
    const first = w3.run(3, 50);
    w3.run(4, 80);
    expect(w3.run(3, 50)).toEqual(first);
  });
});
