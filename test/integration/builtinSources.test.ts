import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/core/engine/index.ts';
import { prepareRun, simulatePrepared } from '../../src/core/pipeline.ts';
import { parseWorkspace } from '../../src/core/spec/parseWorkspace.ts';

const ws = (data: Record<string, unknown>, inputs: number, encoder: Record<string, unknown> = { kind: 'delta', threshold: 0.5 }) =>
  parseWorkspace({
    schemaVersion: 1,
    seed: 5,
    network: { layers: [{ kind: 'input', name: 'in', shape: [inputs] }, { kind: 'dense', name: 'fc', units: 16, weightGain: 4 }, { kind: 'spiking', name: 'lif', neuron: { model: 'lif' } }] },
    data,
    encoder,
  });

describe('built-in data sources run end to end', () => {
  it('synthetic EEG: 8 channels at 160 Hz for 2 s through a delta encoder (16 inputs)', async () => {
    const w = ws({ kind: 'synthetic-eeg', eegClass: 'left' }, 16, { kind: 'delta', threshold: 5 });
    const run = prepareRun(w);
    expect(run.input).toMatchObject({ steps: 320, neurons: 16 });
    expect(run.source.kind === 'signal' && run.source.signal.channels).toContain('C3');
    const r = await simulatePrepared(run, await createEngine('events'), w);
    expect(r.layers[0]?.spikeCount).toBeGreaterThan(100);
  });

  it('synthetic spoken digit: a 32-band log-mel cochleagram at 100 frames/s, rate-encoded', async () => {
    const w = ws({ kind: 'synthetic-audio', digit: 7 }, 32, { kind: 'rate', maxProb: 0.5 });
    const run = prepareRun(w);
    expect(run.input.neurons).toBe(32);
    expect(run.input.steps).toBe(Math.floor((4000 - 200) / 80) + 1);
    expect(run.dtMs).toBeCloseTo(10, 9);
    const r = await simulatePrepared(run, await createEngine('events'), w);
    expect(r.layers[0]?.spikeCount).toBeGreaterThan(0);
  });

  it('synthetic DVS: a 32×32 scene fed as events, the same bits from the same seed', async () => {
    const w = ws({ kind: 'synthetic-dvs', scene: 'disk-circle' }, 2048, { kind: 'direct' });
    const a = prepareRun(w);
    const b = prepareRun(w);
    expect(a.input.steps).toBe(300);
    expect(a.input.values).toEqual(b.input.values);
    const events = a.source.kind === 'events' ? a.source.events.t.length : 0;
    expect(a.input.values.reduce((x, y) => x + y, 0)).toBe(events);
    const r = await simulatePrepared(a, await createEngine('events'), w);
    expect(r.layers[0]?.spikeCount).toBe(events);
  });
});
