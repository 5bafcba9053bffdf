import { beforeAll, describe, expect, it } from 'vitest';
import { kernelBytes } from '../../cli/kernelFile.ts';
import { loadKernel, type KernelExports } from '../engine/kernels/kernelModule.ts';
import { buildW3Csr, runW3, type Csr } from './w3.ts';
import { createPartKernel, inputKey, partitionedW3Runner } from './w3PartKernel.ts';
import { buildPart, partCapacity, splitRange, type W3Net } from './w3Net.ts';
import { wasmW3Runner } from './w3Wasm.ts';

let bytes: Uint8Array;
// Each runner takes over a kernel instance's whole memory: a fresh one each.
const kernel = async (): Promise<KernelExports> => (await loadKernel(bytes)).exports;
beforeAll(async () => {
  bytes = await kernelBytes();
}, 120_000);

/** The whole network as one CSR of 32-bit global targets, joined from partitions: the TypeScript loop's input. */
function globalCsr(net: W3Net, parts: number): Csr {
  const built = splitRange({ first: 0, end: net.neurons }, parts).map((r) => {
    const cap = partCapacity(net, r.end - r.first);
    const out = { rowStart: new Uint32Array(net.inputs + 1), targets: new Uint16Array(cap), weights: new Float32Array(cap) };
    buildPart(net, r, out);
    return { r, out };
  });
  const total = built.reduce((a, b) => a + (b.out.rowStart[net.inputs] as number), 0);
  const rowStart = new Uint32Array(net.inputs + 1);
  const targets = new Uint32Array(total);
  const weights = new Float32Array(total);
  let n = 0;
  for (let i = 0; i < net.inputs; i++) {
    rowStart[i] = n;
    for (const { r, out } of built) {
      for (let q = out.rowStart[i] as number; q < (out.rowStart[i + 1] as number); q++) {
        targets[n] = (out.targets[q] as number) + r.first;
        weights[n] = out.weights[q] as number;
        n++;
      }
    }
  }
  rowStart[net.inputs] = n;
  return { rowStart, targets, weights };
}

describe('W3 on partitions of its targets (sparsePartStep)', () => {
  it('fires exactly as the one-partition kernel and the TypeScript loop, for several seeds, sizes and P', async () => {
    for (const neurons of [4999, 10_000]) {
      const net: W3Net = { connectivity: 'exact', inputs: 3000, neurons, p: 0.1 };
      const csr = buildW3Csr(net.inputs, net.neurons);
      const one = wasmW3Runner(await kernel(), net.inputs, net.neurons);
      for (const parts of [1, 3, 7]) {
        const runner = partitionedW3Runner(await kernel(), net, parts);
        expect(runner.synapses).toBe(csr.targets.length);
        for (const seed of [1, 7]) {
          const ref = runW3(csr, seed, 60, 0.02, neurons);
          expect(ref.outputSpikes).toBeGreaterThan(50);
          expect(await runner.run(seed, 60)).toEqual(ref);
          expect(one.run(seed, 60)).toEqual(ref);
        }
      }
    }
  }, 120_000);

  it('runs more than 65,536 neurons (two partitions of 16-bit targets) exactly as the TypeScript loop', async () => {
    const net: W3Net = { connectivity: 'skip', inputs: 600, neurons: 70_001, p: 0.05 };
    const runner = partitionedW3Runner(await kernel(), net);
    const csr = globalCsr(net, 2);
    expect(runner.synapses).toBe(csr.targets.length);
    for (const seed of [2, 5]) {
      const ref = runW3(csr, seed, 40, 0.2, net.neurons);
      expect(ref.outputSpikes).toBeGreaterThan(50);
      expect(await runner.run(seed, 40, 0.2)).toEqual(ref);
    }
  }, 120_000);

  it('a part of the neurons fires as those neurons do in the whole, step by step', async () => {
    const net: W3Net = { connectivity: 'exact', inputs: 3000, neurons: 4999, p: 0.1 };
    const whole = createPartKernel(await kernel(), net, { first: 0, end: net.neurons });
    const halves = splitRange({ first: 0, end: net.neurons }, 2);
    const parts = await Promise.all(halves.map(async (r) => createPartKernel(await kernel(), net, r)));
    const key = inputKey(3);
    [whole, ...parts].forEach((p) => p.reset());
    for (let t = 0; t < 50; t++) expect(parts.reduce((a, p) => a + p.step(key, t, 0.02), 0)).toBe(whole.step(key, t, 0.02));
    expect(parts.reduce((a, p) => a + p.counts().synEvents, 0)).toBe(whole.counts().synEvents);
  }, 120_000);

  it('runs the float32 precision mode in partitions as the TypeScript loop does', async () => {
    const net: W3Net = { connectivity: 'exact', inputs: 3000, neurons: 4999, p: 0.1 };
    const csr = buildW3Csr(net.inputs, net.neurons);
    const runner = partitionedW3Runner(await kernel(), net, 3, 'float32');
    const ref = runW3(csr, 4, 60, 0.02, net.neurons, 'float32');
    expect(ref.outputSpikes).toBeGreaterThan(50);
    expect(await runner.run(4, 60)).toEqual(ref);
  }, 120_000);
});
