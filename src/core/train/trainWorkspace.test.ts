import { describe, expect, it } from 'vitest';
import { SpecError } from '../errors.ts';
import { inputWidth, parseWorkspace } from '../spec/parseWorkspace.ts';
import { trainingSchema } from '../spec/trainingConfig.ts';
import { checkSetsFit } from './trainWorkspace.ts';
import { trainingSets } from '../trainingSets/workspaceSets.ts';

/** A beat-window workspace draft whose synthetic source runs at `hz` (its input layer is set by each test). */
function windowWorkspace(hz: number, outUnits = 5) {
  const draft = {
    schemaVersion: 1,
    name: 'w',
    seed: 2,
    network: { layers: [{ kind: 'input', name: 'in', shape: [1] }, { kind: 'dense', name: 'fc', units: outUnits }, { kind: 'spiking', name: 'out', neuron: { model: 'lif' } }] },
    data: { kind: 'synthetic-ecg', samplingHz: hz, leads: 2, durationS: 4 },
    encoder: { kind: 'direct', gain: 1 },
    training: { dataset: { kind: 'ecg-beats', beats: 40, decimate: 2, input: 'window', leads: 2, rrFeatures: true, steps: 4 } },
  };
  return draft;
}

describe('trainingSets fit the network the page feeds', () => {
  it('synthetic beats are cut at the source’s sampling rate, so a 250 Hz window workspace trains with its input width', () => {
    const draft = windowWorkspace(250);
    // 0.25 s and 0.45 s at 250 Hz round to 63 + 113 = 176 samples, decimated by 2 → 88 per lead;
    // 2 leads + 5 RR features.
    const want = 2 * 88 + 5;
    const ws = parseWorkspace({ ...draft, network: { layers: [{ kind: 'input', name: 'in', shape: [want] }, ...draft.network.layers.slice(1)] } });
    expect(inputWidth(ws)).toBe(want);
    const sets = trainingSets(ws, ws.training ?? trainingSchema.parse({}));
    expect(sets.train.neurons).toBe(want);
    expect(() => checkSetsFit(ws, sets)).not.toThrow();
  });

  it('a network that ends in the wrong number of units is refused before training, naming both counts', () => {
    const draft = windowWorkspace(250, 3);
    const ws = parseWorkspace({ ...draft, network: { layers: [{ kind: 'input', name: 'in', shape: [181] }, ...draft.network.layers.slice(1)] } });
    const sets = trainingSets(ws, ws.training ?? trainingSchema.parse({}));
    expect(() => checkSetsFit(ws, sets)).toThrow(SpecError);
    expect(() => checkSetsFit(ws, sets)).toThrow(/5 classes but the network ends in 3 units/);
  });
});
