import { describe, expect, it } from 'vitest';
import { chipById } from './chips/index.ts';
import { fitDenseWidths } from './chipFitWidths.ts';
import { tinyMeshChip } from './testChips.ts';

describe('fitDenseWidths', () => {
  it('rounds each width down to full cores, a core holding what its neuron slots and synapse memory allow', () => {
    // Tiny mesh: 16 neurons and 9,600 synapse bits per core, 8-bit weights.
    // Hidden 1, fan-in 40: min(16, ⌊9600 / 320⌋ = 30) = 16 per core; 100 → 6 cores → 96.
    // Hidden 2, fan-in 96: min(16, ⌊9600 / 768⌋ = 12) = 12 per core; 50 → 4 cores → 48.
    const fit = fitDenseWidths(40, [100, 50], tinyMeshChip(), 8);
    expect(fit).toMatchObject({ widths: [96, 48], perCore: [16, 12], cores: [6, 4] });
    expect(fit.notes).toEqual(['hidden 1: 100 → 96, 6 full cores of 16 neurons (fan-in 40 at 8 bits)', 'hidden 2: 50 → 48, 4 full cores of 12 neurons (fan-in 96 at 8 bits)']);
  });

  it('caps a width at the fan-in the next layer can take (input axons per core, fan-in per neuron)', () => {
    expect(fitDenseWidths(40, [300], tinyMeshChip(), 8).widths).toEqual([192]);
    const crossbar = tinyMeshChip({ fanInPerNeuron: 64 });
    expect(fitDenseWidths(40, [100], crossbar, 8)).toMatchObject({ widths: [64], cores: [4] });
    expect(fitDenseWidths(100, [16], crossbar, 8).notes[0]).toMatch(/the 100 inputs exceed the fan-in a neuron can have on tiny \(64\)/);
  });

  it('keeps a layer smaller than one core as it is, and leaves widths that already fill cores alone on Loihi', () => {
    expect(fitDenseWidths(40, [5], tinyMeshChip(), 8)).toMatchObject({ widths: [5], cores: [1], notes: [] });
    // Loihi: 1,024 neurons and 1 Mbit per core; fan-in 2312 at 8 bits leaves ⌊1048576 / 18496⌋ = 56 per core.
    expect(fitDenseWidths(2312, [128], chipById('loihi'), 8)).toMatchObject({ widths: [112], perCore: [56], cores: [2] });
    expect(fitDenseWidths(32, [1024], chipById('loihi'), 8)).toMatchObject({ widths: [1024], cores: [1], notes: [] });
  });
});
