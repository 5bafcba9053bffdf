import { beforeAll, describe, expect, it } from 'vitest';
import { kernelBytes } from '../../cli/kernelFile.ts';
import { loadKernel, type KernelExports } from '../engine/kernels/kernelModule.ts';
import { createKernelMemory } from '../engine/kernels/kernelMemory.ts';
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

  it('runs the float32 precision mode on the kernel as on the TypeScript loop, whole or in partitions', async () => {
    const bytes = await kernelBytes();
    const ref = eventsW3Runner(csr, undefined, 'float32').run(5, 100);
    expect(ref.outputSpikes).toBeGreaterThan(100);
    expect(wasmW3Runner((await loadKernel(bytes)).exports, 3000, undefined, 'float32').run(5, 100)).toEqual(ref);
  });

  it('sums each synapse in float32 in that mode: 1 + 2⁻²⁴ + 2⁻²⁴ onto θ = 1 fires only with float64 sums', async () => {
    const k = (await loadKernel(await kernelBytes())).exports;
    const mem = createKernelMemory(k);
    const [rowStart, targets, weights, acc, cur, v, s, ev, stats] = [16, 8, 12, 8, 4, 4, 4, 12, 24].map((b) => mem.alloc(b)) as [number, number, number, number, number, number, number, number, number];
    const buf = k.memory.buffer;
    new Uint32Array(buf, rowStart, 4).set([0, 1, 2, 3]);
    new Uint16Array(buf, targets, 3).fill(0);
    new Float32Array(buf, weights, 3).set([1, 2 ** -24, 2 ** -24]);
    const fired = (narrow: number) => {
      new Float64Array(buf, acc, 1).fill(0);
      new Float32Array(buf, v, 1).fill(0);
      new Float32Array(buf, s, 1).fill(0);
      // p = 1: every input spikes.
      return k.sparseStep(0, 0, 3, 1, rowStart, targets, weights, acc, cur, v, s, 1, 1, 1, 0, ev, stats, narrow);
    };
    expect(fired(0)).toBe(1);
    expect(fired(1)).toBe(0);
    // The same synapses as one partition (rowStart, targets, weights, first neuron 0) through
    // sparsePartStep, and through its two halves as the threads call them.
    const table = mem.alloc(16);
    new Uint32Array(k.memory.buffer, table, 4).set([rowStart, targets, weights, 0]);
    const part = (narrow: number, halves: boolean) => {
      const b = k.memory.buffer;
      new Float64Array(b, acc, 1).fill(0);
      new Float32Array(b, v, 1).fill(0);
      new Float32Array(b, s, 1).fill(0);
      if (!halves) return k.sparsePartStep(0, 0, 3, 1, table, 1, acc, cur, v, s, 1, 1, 1, 0, ev, stats, narrow);
      k.sparsePartAdd(0, 0, 3, 1, table, 1, acc, ev, stats, narrow);
      return k.sparsePartUpdate(acc, cur, v, s, 1, 1, 1, 0, stats, narrow);
    };
    expect([part(0, false), part(1, false), part(0, true), part(1, true)]).toEqual([1, 0, 1, 0]);
  });
});
