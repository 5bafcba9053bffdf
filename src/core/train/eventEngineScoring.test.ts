import { describe, expect, it } from 'vitest';
import { createEventEngine } from '../engine/event/eventEngine.ts';
import { compileNetwork } from '../network/compile.ts';
import { initWeights } from '../network/weights.ts';
import { createRng } from '../rng.ts';
import { networkSchema } from '../spec/network.ts';
import { predictOnEvents } from './eventEngineScoring.ts';

describe('scoring on the event engine', () => {
  it('predicts each of 23 samples (three batches, the last partial) as its own run does: the output neuron spiking most', async () => {
    const spec = networkSchema.parse({
      layers: [
        { kind: 'input', name: 'in', shape: [8] },
        { kind: 'dense', name: 'fc', units: 6, bias: true },
        { kind: 'spiking', name: 'h', inputs: ['fc', { from: 'h', recurrent: true }], neuron: { model: 'if', threshold: 0.5 } },
        { kind: 'dense', name: 'o', units: 4 },
        { kind: 'spiking', name: 'out', neuron: { model: 'if', threshold: 0.5 } },
      ],
    });
    const net = compileNetwork(spec, initWeights(spec, 3), 1);
    const rng = createRng(5, 'event-scoring');
    const steps = 20;
    const inputs = Array.from({ length: 23 }, () => Float32Array.from({ length: steps * 8 }, () => (rng.next() < 0.3 ? 1 : 0)));
    const set = { inputs, labels: new Int32Array(23), steps, neurons: 8, classes: 4 };
    const got = await predictOnEvents(net, set, 1);
    const engine = createEventEngine();
    const want: number[] = [];
    for (const values of inputs) {
      const r = await engine.simulate(net, { steps, batch: 1, neurons: 8, values }, { dtMs: 1 });
      const counts = [0, 0, 0, 0];
      for (const id of r.layers.find((l) => l.name === 'out')?.spikes[0]?.ids ?? []) counts[id] = (counts[id] ?? 0) + 1;
      want.push(counts.indexOf(Math.max(...counts)));
    }
    expect(Array.from(got)).toEqual(want);
    expect(new Set(want).size).toBeGreaterThan(1);
  });
});
