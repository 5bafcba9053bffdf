import { expose, proxy, wrap } from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { readFileSync } from 'node:fs';
import { MessageChannel } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { CancelledError, SpecError } from '../src/core/errors.ts';
import { registerErrorTransfer, type SimApi } from './api.ts';
import { createSimApi } from './simApi.ts';
import { kernelBytes } from '../src/cli/kernelFile.ts';
import { initWeights } from '../src/core/network/weights.ts';
import { encodeWorkspaceLink } from '../src/core/share/linkCodec.ts';
import { parseWorkspace } from '../src/core/spec/parseWorkspace.ts';

const preset: unknown = JSON.parse(readFileSync(new URL('../public/presets/default.workspace.json', import.meta.url), 'utf8'));
const ports: MessageChannel[] = [];

/** The facade behind a real MessageChannel, as the page sees it through the worker. */
function connect() {
  registerErrorTransfer();
  const ch = new MessageChannel();
  ports.push(ch);
  expose(createSimApi(), nodeEndpoint(ch.port1));
  return wrap<SimApi>(nodeEndpoint(ch.port2));
}

afterEach(() => {
  for (const ch of ports.splice(0)) {
    ch.port1.close();
    ch.port2.close();
  }
});

describe('simApi over a MessageChannel', () => {
  it('runs the default workspace and returns spike trains, the signal and the engine', async () => {
    const api = connect();
    const progress: number[] = [];
    const reply = await api.run('j1', preset, proxy((done: number) => void progress.push(done)));
    expect(reply.engine.name).toBe('events');
    expect(reply.source.kind === 'signal' ? reply.source.signal.values.length : 0).toBe(1000);
    const lif1 = reply.result.layers.find((l) => l.name === 'lif1');
    expect(lif1?.spikes[0]?.times).toBeInstanceOf(Uint32Array);
    expect(lif1?.spikeCount).toBe(lif1?.spikes[0]?.ids.length);
    expect(reply.result.membranes[0]?.values.length).toBe(1000);
    // Progress travels on the callback's own port, so it may land just after the reply.
    await new Promise((r) => setTimeout(r, 50));
    expect(progress.at(-1)).toBe(1000);
    expect(progress.length).toBeGreaterThanOrEqual(10);
  });

  it('sends the read-out of every class over time with its predicted class, the class names and the true class', async () => {
    const api = connect();
    const plain = await api.run('r1', preset);
    const trace = plain.readout.readout;
    if (trace.kind !== 'trace') throw new Error(trace.reason);
    // The default workspace: 5 classes over its 1000 steps, unnamed (no training section), no true class.
    expect([trace.units, trace.steps, trace.values.length]).toEqual([5, 1000, 5000]);
    expect(Array.from(trace.final)).toEqual(Array.from(plain.result.readouts[0]?.values ?? []));
    expect([plain.readout.classes, plain.readout.truth]).toEqual([undefined, undefined]);
    // EEG of class 'left': named classes and the class the source generated.
    const eeg = parseWorkspace(JSON.parse(readFileSync(new URL('../public/presets/eeg.workspace.json', import.meta.url), 'utf8')));
    const reply = await api.run('r2', { ...eeg, data: { ...eeg.data, eegClass: 'left' } });
    expect(reply.readout.classes).toEqual(['rest', 'left', 'right', 'focus']);
    expect(reply.readout.truth).toBe('left');
    expect(reply.readout.readout.kind).toBe('trace');
  });

  it('rejects an invalid workspace with a SpecError that keeps its JSON paths', async () => {
    const api = connect();
    const bad = structuredClone(preset) as { network: { layers: { units?: number }[] } };
    bad.network.layers[1]!.units = -3;
    const err: unknown = await api.run('j2', bad).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SpecError);
    expect((err as SpecError).issues.map((i) => i.path)).toContain('network.layers[1].units');
  });

  it('cancels a running job with CancelledError', async () => {
    const api = connect();
    const long = structuredClone(preset) as { data: { durationS: number } };
    long.data.durationS = 600;
    const run = api.run('j3', long);
    setTimeout(() => void api.cancel('j3'), 30);
    const err: unknown = await run.catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CancelledError);
  });

  it('reports the engine it starts, with the reason', async () => {
    const api = connect();
    const info = await api.engineInfo('tfjs-cpu');
    expect(info).toMatchObject({ name: 'tfjs-cpu', backend: 'cpu' });
    expect(info.reason).toMatch(/cpu/);
  });

  it('encodes share links, and writes and reads NIR files, off the page’s thread', async () => {
    const api = connect();
    const ws = parseWorkspace(preset);
    const link = await api.encodeLink(ws);
    expect(link).toEqual({ ok: true, link: encodeWorkspaceLink(ws) });
    const weights = initWeights(ws.network, 5);
    const exported = await api.exportNir(ws, weights);
    if (!exported.ok) throw new Error(exported.reason);
    expect(exported.trained).toBe(true);
    expect(exported.nodes[0]).toBe('Input');
    const back = await api.importNir(exported.bytes, 'net.nir');
    if (!back.ok) throw new Error(back.reason);
    expect(back.workspace).toEqual(ws);
    expect(back.weights?.['fc1']?.values).toEqual(weights['fc1']?.values);
    expect(await api.importNir(new TextEncoder().encode('no hdf5 here'), 'junk.nir')).toMatchObject({ ok: false, reason: expect.stringMatching(/HDF5/) });
    // An invalid workspace is a reason, not a crash of the worker.
    expect(await api.encodeLink({ nonsense: true })).toMatchObject({ ok: false, reason: expect.any(String) });
  });

  it('runs the wasm kernel when asked, and a network it cannot run on the event engine, saying why', async () => {
    registerErrorTransfer();
    const api = createSimApi({ kernel: await kernelBytes() });
    const ws = parseWorkspace(preset);
    const onEvents = await api.run('e', ws);
    const onWasm = await api.run('w', { ...ws, simulation: { ...ws.simulation, engine: 'wasm' } });
    expect(onWasm.engine.name).toBe('wasm');
    expect(onWasm.result.layers.map((l) => l.spikeCount)).toEqual(onEvents.result.layers.map((l) => l.spikeCount));
    // Adaptive LIF neurons are for the event engine (every preset's layers run on the kernel).
    const alif = parseWorkspace({ ...ws, network: { ...ws.network, layers: ws.network.layers.map((l) => (l.kind === 'spiking' ? { ...l, neuron: { model: 'alif' } } : l)) } });
    const fallback = await api.run('a', { ...alif, simulation: { ...alif.simulation, engine: 'wasm' } });
    expect(fallback.engine.name).toBe('events');
    expect(fallback.engine.reason).toMatch(/^the wasm kernel cannot run this network \(.*alif neurons.*\); ran on the event engine/);
    const noKernel = await createSimApi().run('n', { ...ws, simulation: { ...ws.simulation, engine: 'wasm' } });
    expect(noKernel.engine.reason).toMatch(/the kernel is not available here/);
  }, 120_000);

  it('runs a recurrent graph asked of wasm on the kernel (with a bias on its loop too), and on tfjs itself, with the same spikes', async () => {
    registerErrorTransfer();
    const api = createSimApi({ kernel: await kernelBytes() });
    const ws = parseWorkspace(preset);
    // lif1 also reads itself a step late through 'rec': an RSNN.
    const withUnits = parseWorkspace({
      ...ws,
      network: {
        layers: ws.network.layers.flatMap((l): unknown[] =>
          l.name === 'lif1' ? [{ kind: 'dense', name: 'rec', units: 64, inputs: [{ from: 'lif1', recurrent: true }] }, { ...l, inputs: ['fc1', 'rec'] }] : [l],
        ),
      },
    });
    const onEvents = await api.run('e', withUnits);
    const wasm = await api.run('wasm', { ...withUnits, simulation: { ...withUnits.simulation, engine: 'wasm' } });
    expect(wasm.engine.name).toBe('wasm');
    expect(wasm.result.layers.map((l) => l.spikeCount)).toEqual(onEvents.result.layers.map((l) => l.spikeCount));
    const biased = parseWorkspace({ ...withUnits, network: { layers: withUnits.network.layers.map((l) => (l.name === 'rec' ? { ...l, bias: true } : l)) } });
    const biasedOnWasm = await api.run('b', { ...biased, simulation: { ...biased.simulation, engine: 'wasm' } });
    expect(biasedOnWasm.engine.name).toBe('wasm');
    expect(biasedOnWasm.result.layers.map((l) => l.spikeCount)).toEqual((await api.run('be', biased)).result.layers.map((l) => l.spikeCount));
    const tfjs = await api.run('tfjs', { ...withUnits, simulation: { ...withUnits.simulation, engine: 'tfjs', tfjsBackend: 'cpu' } });
    expect(tfjs.engine.name).toBe('tfjs-cpu');
    expect(tfjs.result.layers.map((l) => l.spikeCount)).toEqual(onEvents.result.layers.map((l) => l.spikeCount));
  }, 120_000);
});
