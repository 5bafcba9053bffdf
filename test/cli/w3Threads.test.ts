import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeW3Runner } from '../../src/cli/w3Threads.ts';
import { kernelBytes } from '../../src/cli/kernelFile.ts';
import { buildW3Csr, runW3, type W3Run } from '../../src/core/bench/w3.ts';
import { createPartKernel, inputKey } from '../../src/core/bench/w3PartKernel.ts';
import type { ThreadedW3Runner } from '../../src/core/bench/w3Threads.ts';
import type { W3Net } from '../../src/core/bench/w3Net.ts';
import { loadKernel } from '../../src/core/engine/kernels/kernelModule.ts';

// Real worker threads, each building its part of the network in its own kernel instance.
const runners: ThreadedW3Runner[] = [];
afterAll(() => runners.forEach((r) => r.dispose()));
const threaded = async (threads: number, net: W3Net) => {
  const r = await createNodeW3Runner(threads, net);
  runners.push(r);
  return r;
};

// A third of W3's inputs onto its 10,000 neurons (W3's exact connectivity), 100 steps.
const NET: W3Net = { connectivity: 'exact', inputs: 3000, neurons: 10_000, p: 0.1 };
const STEPS = 100;

/** One thread: the counts of a seed and the spikes of each step. */
let single: (seed: number) => Promise<{ counts: W3Run; perStep: number[] }>;
beforeAll(async () => {
  const bytes = await kernelBytes();
  const whole = createPartKernel((await loadKernel(bytes)).exports, NET, { first: 0, end: NET.neurons });
  single = async (seed) => {
    whole.reset();
    const key = inputKey(seed);
    const perStep = Array.from({ length: STEPS }, (_, t) => whole.step(key, t, 0.02));
    return { counts: whole.counts(), perStep };
  };
}, 120_000);

describe('W3 on worker threads, one network, a barrier per step', () => {
  it('gives the one-thread kernel’s and the TypeScript loop’s counts, and its spikes step by step, on 2 and 3 threads', async () => {
    const csr = buildW3Csr(NET.inputs, NET.neurons);
    for (const threads of [2, 3]) {
      const w3 = await threaded(threads, NET);
      expect(w3.threads).toBe(threads);
      expect(w3.synapses).toBe(csr.targets.length);
      for (const seed of [1, 7]) {
        const one = await single(seed);
        const got = await w3.run(seed, STEPS);
        expect(one.counts.outputSpikes).toBeGreaterThan(100);
        expect(got).toEqual(one.counts);
        expect(got).toEqual(runW3(csr, seed, STEPS, 0.02, NET.neurons));
        expect([...w3.stepSpikes()]).toEqual(one.perStep);
      }
    }
  }, 120_000);

  it('fails the run of a thread that dies mid-run with its cause, and the next run is exact on a fresh thread', async () => {
    const w3 = await threaded(2, NET);
    const one = await single(1);
    await expect(w3.run(4, STEPS, 0.02, { thread: 1, step: 40 })).rejects.toThrow(/a W3 thread exited with code 70; the run was lost, start it again/);
    expect(await w3.run(1, STEPS)).toEqual(one.counts);
    expect([...w3.stepSpikes()]).toEqual(one.perStep);
  }, 120_000);

  it('fails a run whose threads are closed instead of hanging', async () => {
    const w3 = await createNodeW3Runner(2, NET);
    const run = w3.run(1, 2000);
    w3.dispose();
    await expect(run).rejects.toThrow(/a W3 thread was closed; the run was lost/);
  }, 120_000);
});
