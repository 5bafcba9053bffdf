import { describe, expect, it } from 'vitest';
import type { SimulationResult } from '../engine/types.ts';
import { lessonRunOf } from './lessonContextParts.ts';

const train = (times: number[]) => ({ neurons: 4, steps: 10, times: Uint32Array.from(times), ids: new Uint32Array(times.length) });

describe('lessonRunOf', () => {
  it('keeps each layer in order with its count, and the first spike step of the first sample (null when silent)', () => {
    const result = {
      engine: 'events',
      steps: 10,
      batch: 1,
      dtMs: 2,
      layers: [
        { name: 'in', kind: 'input', neurons: 4, spikeCount: 3, spikes: [train([1, 1, 7])] },
        { name: 'h', kind: 'spiking', neurons: 4, spikeCount: 0, spikes: [train([])] },
      ],
      membranes: [],
      readouts: [],
      elapsedMs: 0,
      notes: [],
    } satisfies SimulationResult;
    expect(lessonRunOf(result)).toEqual({
      steps: 10,
      dtMs: 2,
      totalSpikes: 3,
      layers: [
        { name: 'in', neurons: 4, spikeCount: 3, firstSpikeStep: 1 },
        { name: 'h', neurons: 4, spikeCount: 0, firstSpikeStep: null },
      ],
    });
  });
});
