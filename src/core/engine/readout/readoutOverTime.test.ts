import { beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { kernelBytes } from '../../../cli/kernelFile.ts';
import { workspaceFiles } from '../../../cli/workspaceFiles.ts';
import { DATA_DIR, HAVE_DATA } from '../../../../test/support/sharedData.ts';
import { presetWorkspaces } from '../../../../test/support/presets.ts';
import { compileNetwork } from '../../network/compile.ts';
import { prepareRun, simulatePrepared } from '../../pipeline.ts';
import { createRng } from '../../rng.ts';
import { networkSchema } from '../../spec/network.ts';
import type { Workspace } from '../../spec/workspace.ts';
import { predictOnEvents } from '../../train/eventEngineScoring.ts';
import { createEngine } from '../index.ts';
import type { Engine, SimInput, SimulationResult } from '../types.ts';
import { wasmUnsupportedReason } from '../wasm/wasmPlan.ts';
import { argmaxOf, decisionReduce } from './readoutDecision.ts';
import { readoutOverTime, type ReadoutTrace } from './readoutOverTime.ts';

let kernel: Uint8Array;
let events: Engine;
let wasm: Engine;
beforeAll(async () => {
  kernel = await kernelBytes();
  events = await createEngine('events');
  wasm = await createEngine('wasm', { kernel });
}, 120_000);

/** The file a file-source preset reads, from ../shared/data (undefined for generated sources). */
function presetFiles(ws: Workspace) {
  return 'file' in ws.data ? workspaceFiles(ws, join(DATA_DIR, 'dvs', 'nmnist', 'slayerPytorch-NMNISTsmall')) : undefined;
}

function traceOf(r: ReturnType<typeof readoutOverTime>): ReadoutTrace {
  if (r.kind !== 'trace') throw new Error(`refused: ${r.reason}`);
  return r;
}

/** The trace folded over time as the read-out reduces it, written out here as the schema defines it. */
function reducedByHand(tr: ReadoutTrace, reduce: 'last' | 'max' | 'mean'): number[] {
  return Array.from({ length: tr.units }, (_, k) => {
    const column = Array.from({ length: tr.steps }, (_, t) => tr.values[t * tr.units + k] as number);
    if (reduce === 'last') return column[tr.steps - 1] as number;
    if (reduce === 'max') return Math.max(...column);
    return column.reduce((a, v) => a + v, 0) / tr.steps;
  });
}

const presets = presetWorkspaces().filter(([, ws]) => ws.network.layers.at(-1)?.kind === 'readout');

describe('readoutOverTime on every preset that ends in a read-out', () => {
  it('covers the presets', () => {
    expect(presets.length).toBeGreaterThanOrEqual(9);
  });

  it.each(presets)('%s: the replayed read-out ends where the event and wasm engines end', async (file, ws) => {
    if ('file' in ws.data && !HAVE_DATA) {
      console.warn(`SKIP ${file}: it reads a file from ${DATA_DIR}, which is absent`);
      return;
    }
    const run = prepareRun(ws, undefined, presetFiles(ws));
    const readout = ws.network.layers.at(-1);
    if (readout?.kind !== 'readout') throw new Error('filtered above');
    const engines: [string, Engine][] = [['events', events]];
    if (!wasmUnsupportedReason(run.network, run.dtMs)) engines.push(['wasm', wasm]);
    for (const [name, engine] of engines) {
      const result = await simulatePrepared(run, engine, ws);
      const tr = traceOf(readoutOverTime(run.network, run.input, result, { loss: ws.training?.loss }));
      const reported = result.readouts.find((r) => r.name === readout.name)?.values;
      expect(tr.steps, name).toBe(result.steps);
      expect(tr.values.length, name).toBe(result.steps * tr.units);
      // The same float32 operations in the same order as both engines: equal, not merely close.
      expect(Array.from(tr.final), `${file} on ${name}`).toEqual(Array.from(reported ?? []));
      // And the trace itself reduces to them (mean within float32 rounding of a long sum).
      const byHand = reducedByHand(tr, readout.mode === 'count' ? 'last' : readout.reduce);
      byHand.forEach((v, k) => expect(Math.abs(v - (tr.final[k] as number)), `${file} class ${k}`).toBeLessThanOrEqual(1e-5 * Math.max(1, Math.abs(v))));
      expect(tr.decidedBy).toBe(decisionReduce(readout, ws.training?.loss));
      expect(tr.predicted).toBe(argmaxOf(tr.scores, 0, tr.units));
    }
  }, 120_000);
});

describe('the predicted class', () => {
  it('is the class training and test scoring give: for every preset, the loss decides as the read-out reports', () => {
    // A preset whose loss reduced its read-out otherwise than the read-out reports would show one class and train another.
    for (const [file, ws] of presets) {
      const readout = ws.network.layers.at(-1);
      if (readout?.kind !== 'readout') continue;
      expect(decisionReduce(readout, ws.training?.loss), file).toBe(decisionReduce(readout, undefined));
    }
  });

  it('is the event-engine scorer’s class for the shown sample of the ECG preset', async () => {
    const ws = presets.find(([f]) => f === 'ecg-synthetic.workspace.json')?.[1];
    if (!ws) throw new Error('ecg-synthetic preset missing');
    const run = prepareRun(ws);
    const result = await events.simulate(run.network, run.input, { dtMs: run.dtMs });
    const tr = traceOf(readoutOverTime(run.network, run.input, result, { loss: ws.training?.loss }));
    const set = { inputs: [run.input.values], labels: Int32Array.of(0), steps: run.input.steps, neurons: run.input.neurons, classes: tr.units };
    expect(Array.from(await predictOnEvents(run.network, set, run.dtMs))).toEqual([tr.predicted]);
  });

  it('follows the loss where it reduces a membrane otherwise than the read-out reports', async () => {
    // A membrane read-out reporting its last value, trained with ceMaxMembrane: the class is the max's.
    const net = compileNetwork(
      networkSchema.parse({
        layers: [
          { kind: 'input', name: 'in', shape: [6] },
          { kind: 'dense', name: 'fc', units: 3, weightGain: 3 },
          { kind: 'readout', name: 'out', mode: 'membrane', beta: 0.5, reduce: 'last' },
        ],
      }),
      undefined,
      3,
    );
    const input = randomInput(40, 1, 6, 0.3, 3);
    const result = await events.simulate(net, input, { dtMs: 1 });
    const tr = traceOf(readoutOverTime(net, input, result, { loss: 'ceMaxMembrane' }));
    expect(tr.decidedBy).toBe('max');
    expect(Array.from(tr.scores)).toEqual(reducedByHand(tr, 'max'));
    expect(Array.from(tr.final)).toEqual(reducedByHand(tr, 'last'));
  });
});

function randomInput(steps: number, batch: number, neurons: number, p: number, seed: number): SimInput {
  const r = createRng(seed, 'readout-input');
  return { steps, batch, neurons, values: new Float32Array(steps * batch * neurons).map(() => (r.next() < p ? 1 : 0)) };
}

const graph = (layers: unknown[], seed = 5) => compileNetwork(networkSchema.parse({ layers }), undefined, seed);
const LIF = { model: 'lif', threshold: 0.5 };

describe('readoutOverTime on graphs', () => {
  it('replays a skip summed into the read-out, a recurrent loop and the second sample of a batch', async () => {
    const net = graph([
      { kind: 'input', name: 'in', shape: [12] },
      { kind: 'dense', name: 'fc', units: 16, weightGain: 2 },
      { kind: 'spiking', name: 'lif', neuron: LIF, inputs: ['fc', { from: 'rec', recurrent: true }] },
      { kind: 'dense', name: 'rec', units: 16, weightGain: 2, inputs: ['lif'] },
      { kind: 'dense', name: 'a', units: 4, inputs: ['lif'] },
      { kind: 'dense', name: 'b', units: 4, inputs: ['in'] },
      { kind: 'sum', name: 'join', inputs: ['a', 'b'] },
      { kind: 'identity', name: 'same', inputs: ['join'] },
      { kind: 'readout', name: 'out', mode: 'membrane', beta: 0.8, reduce: 'mean' },
    ]);
    const input = randomInput(60, 3, 12, 0.2, 7);
    for (const engine of [events, wasm]) {
      const result = await engine.simulate(net, input, { dtMs: 1 });
      const tr = traceOf(readoutOverTime(net, input, result, { sample: 1 }));
      expect(Array.from(tr.final)).toEqual(Array.from(result.readouts[0]?.values.subarray(4, 8) ?? []));
    }
  });

  it('replays an SNN → accumulator → ANN head (relu, value read-out)', async () => {
    const net = graph([
      { kind: 'input', name: 'in', shape: [10] },
      { kind: 'dense', name: 'fc', units: 12, weightGain: 3 },
      { kind: 'spiking', name: 'lif', neuron: LIF },
      { kind: 'accumulator', name: 'acc', window: 8 },
      { kind: 'dense', name: 'h', units: 6 },
      { kind: 'relu', name: 'r' },
      { kind: 'dense', name: 'head', units: 3 },
      { kind: 'readout', name: 'out', mode: 'value', reduce: 'max' },
    ]);
    const input = randomInput(48, 1, 10, 0.3, 9);
    const result = await events.simulate(net, input, { dtMs: 1 });
    const tr = traceOf(readoutOverTime(net, input, result));
    expect(Array.from(tr.final)).toEqual(Array.from(result.readouts[0]?.values ?? []));
    expect(Array.from(tr.final)).toEqual(reducedByHand(tr, 'max'));
  });
});

describe('readoutOverTime refuses, with the reason', () => {
  const chain = () =>
    graph([
      { kind: 'input', name: 'in', shape: [10] },
      { kind: 'dense', name: 'fc', units: 20, weightGain: 3 },
      { kind: 'spiking', name: 'lif', neuron: LIF },
      { kind: 'dense', name: 'out', units: 3 },
      { kind: 'readout', name: 'classes', mode: 'membrane' },
    ]);

  it('a network that ends in spiking neurons, not a read-out', async () => {
    const net = graph([
      { kind: 'input', name: 'in', shape: [10] },
      { kind: 'dense', name: 'fc', units: 3, weightGain: 3 },
      { kind: 'spiking', name: 'o', neuron: LIF },
    ]);
    const input = randomInput(20, 1, 10, 0.3, 1);
    const r = readoutOverTime(net, input, await events.simulate(net, input, { dtMs: 1 }));
    expect(r).toEqual({ kind: 'refused', reason: expect.stringContaining("ends in 'o' (spiking), not a read-out") });
  });

  it('a run that kept counts only', async () => {
    const net = chain();
    const input = randomInput(20, 1, 10, 0.3, 2);
    const r = readoutOverTime(net, input, await events.simulate(net, input, { dtMs: 1, recordSpikes: false }));
    expect(r).toEqual({ kind: 'refused', reason: expect.stringContaining("did not record the spikes of 'lif'") });
  });

  it('a run whose recording stopped at its event budget', async () => {
    const net = chain();
    const input = randomInput(50, 1, 10, 0.5, 3);
    const result: SimulationResult = await events.simulate(net, input, { dtMs: 1, eventBudget: 30 });
    expect(result.notes.length).toBeGreaterThan(0);
    const r = readoutOverTime(net, input, result);
    expect(r).toEqual({ kind: 'refused', reason: expect.stringMatching(/recording of '(in|lif)' stopped at its event budget/) });
  });
});
