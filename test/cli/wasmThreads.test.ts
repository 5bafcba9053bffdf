import { afterAll, describe, expect, it } from 'vitest';
import { createThreadedWasmEngine } from '../../src/cli/wasmThreads.ts';
import { w1Input, w1Network } from '../../src/core/bench/canonical.ts';
import { createEngine } from '../../src/core/engine/index.ts';
import type { Engine } from '../../src/core/engine/types.ts';
import { compileNetwork } from '../../src/core/network/compile.ts';
import { networkSchema } from '../../src/core/spec/network.ts';
import { probeSpikes, roundingProbe } from '../support/precisionProbe.ts';

// Real worker threads, each loading the real kernel.
const engines: Engine[] = [];
afterAll(() => engines.forEach((e) => e.dispose()));
const threaded = async (n: number) => {
  const e = await createThreadedWasmEngine(n);
  engines.push(e);
  return e;
};

describe('the wasm engine on worker threads', () => {
  it('reproduces W1 exactly on two threads, spike trains included', async () => {
    const e = await threaded(2);
    const r = await e.simulate(w1Network(), w1Input(), { dtMs: 1, membrane: [{ layer: 'hidden', neuron: 7, sample: 40 }] });
    expect(r.layers.map((l) => l.spikeCount)).toEqual([223_653, 107_713, 29_477]);
    const one = await (await createEngine('events')).simulate(w1Network(), w1Input(), { dtMs: 1, membrane: [{ layer: 'hidden', neuron: 7, sample: 40 }] });
    expect(r.layers).toEqual(one.layers);
    expect(r.membranes).toEqual(one.membranes);
  }, 120_000);

  it('carries the sums’ precision to the threads (float32: the rounding probe stays silent)', async () => {
    const e = await threaded(2);
    const { net, input } = roundingProbe(2);
    expect(probeSpikes(await e.simulate(net, input, { dtMs: 1 }))).toBe(2);
    expect(probeSpikes(await e.simulate(net, input, { dtMs: 1, precision: 'float32' }))).toBe(0);
  }, 120_000);

  it('passes an unsupported network’s error back from the thread with its code', async () => {
    const e = await threaded(2);
    const alif = compileNetwork(
      networkSchema.parse({ layers: [{ kind: 'input', name: 'in', shape: [4, 4, 1] }, { kind: 'conv2d', name: 'c', filters: 1, kernel: 3 }, { kind: 'spiking', name: 's', neuron: { model: 'alif' } }] }),
      undefined,
      1,
    );
    const input = { steps: 3, batch: 2, neurons: 16, values: new Float32Array(96) };
    await expect(e.simulate(alif, input, { dtMs: 1 })).rejects.toMatchObject({ code: 'engine_failed', message: expect.stringMatching(/layer 's' has alif neurons/) });
  }, 120_000);

  it('fails the run of a thread that crashes, and the next run works on a fresh thread', async () => {
    const e = await threaded(2);
    // The crash message reaches thread 1 before the run's slice (one port, first in, first out).
    e.crashThreadForTest(1);
    const run = e.simulate(w1Network(), w1Input(), { dtMs: 1 });
    await expect(run).rejects.toThrow(/a wasm engine thread exited with code 70; the run was lost/);
    const again = await e.simulate(w1Network(), w1Input(), { dtMs: 1 });
    expect(again.layers.map((l) => l.spikeCount)).toEqual([223_653, 107_713, 29_477]);
  }, 120_000);

  it('cancels mid-run by ending the threads, and the next run is exact on fresh ones', async () => {
    const e = await threaded(2);
    // 2,048 samples (32 W1 batches): about a second of work for two threads.
    const input = w1Input(2048);
    const full = Date.now();
    await e.simulate(w1Network(), input, { dtMs: 1, recordSpikes: false });
    const fullMs = Date.now() - full;
    const ctrl = new AbortController();
    const started = Date.now();
    setTimeout(() => ctrl.abort(), fullMs / 10);
    await expect(e.simulate(w1Network(), input, { dtMs: 1, recordSpikes: false, signal: ctrl.signal })).rejects.toMatchObject({ code: 'cancelled' });
    const cancelledMs = Date.now() - started;
    console.log(`a ${fullMs} ms run, aborted at ${(fullMs / 10).toFixed(0)} ms, ended after ${cancelledMs} ms`);
    expect(cancelledMs).toBeLessThan(fullMs / 2);
    const again = await e.simulate(w1Network(), w1Input(), { dtMs: 1 });
    expect(again.layers.map((l) => l.spikeCount)).toEqual([223_653, 107_713, 29_477]);
  }, 120_000);

  it('fails a run whose thread goes away instead of hanging', async () => {
    const e = await createThreadedWasmEngine(2);
    const run = e.simulate(w1Network(), w1Input(), { dtMs: 1 });
    e.dispose();
    await expect(run).rejects.toThrow(/a wasm engine thread was closed; the run was lost/);
  }, 120_000);
});
