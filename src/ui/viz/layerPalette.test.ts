import { describe, expect, it } from 'vitest';
import { closestPair, contrastRatio, deltaE2000, type Vision } from '../../../test/support/colourVision.ts';
import { LAYER_BACKGROUND, LAYER_PALETTE, layerColour, spikeLayerOrder, SPLITTER_COLOUR } from './layerPalette.ts';
import { UNUSED_COLOUR } from './mapping/coreColours.ts';

const VISIONS: readonly Vision[] = ['normal', 'protanopia', 'deuteranopia', 'tritanopia'];
/** CIEDE2000 of 10 and more reads as another colour, not a shade of the same one. */
const DISTINCT = 10;

describe('the layer palette', () => {
  it('measures colour difference as CIEDE2000 does (Sharma, Wu and Dalal 2005, pairs 1, 3 and 17)', () => {
    // A wrong deltaE would make the distinctness check below meaningless.
    expect(deltaE2000([50, 2.6772, -79.7751], [50, 0, -82.7485])).toBeCloseTo(2.0425, 4);
    expect(deltaE2000([50, 2.8361, -74.02], [50, 0, -82.7485])).toBeCloseTo(3.4412, 4);
    expect(deltaE2000([50, 2.5, 0], [73, 25, -18])).toBeCloseTo(27.1492, 4);
  });

  it('measures WCAG contrast: black on white is 21:1, a colour on itself 1:1, Okabe–Ito yellow on white about 1.3:1', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 6);
    expect(contrastRatio('#0072B2', '#0072B2')).toBe(1);
    expect(contrastRatio('#F0E442', '#ffffff')).toBeLessThan(1.4);
  });

  it('gives every layer colour (and the splitters) a non-text contrast of at least 3:1 on the panels’ white', () => {
    for (const c of [...LAYER_PALETTE, SPLITTER_COLOUR]) expect(contrastRatio(c, LAYER_BACKGROUND), c).toBeGreaterThanOrEqual(3);
  });

  it('keeps every pair of colours apart with normal vision and with each dichromacy', () => {
    const all = [...LAYER_PALETTE, SPLITTER_COLOUR];
    for (const v of VISIONS) {
      const { i, j, dE } = closestPair(all, v);
      expect(dE, `${v}: ${all[i]} and ${all[j]}`).toBeGreaterThanOrEqual(DISTINCT);
    }
    // The mesh's unused cores must not read as a layer either.
    for (const v of VISIONS) expect(closestPair([...all, UNUSED_COLOUR], v).dE).toBeGreaterThanOrEqual(DISTINCT);
  });

  it('catches a palette that is not colour-blind safe: red and green collapse for a deuteranope', () => {
    // The check above would fail on the classic red/green pair (it holds for normal vision).
    expect(closestPair(['#D62728', '#2CA02C'], 'normal').dE).toBeGreaterThan(DISTINCT);
    expect(closestPair(['#D62728', '#2CA02C'], 'deuteranopia').dE).toBeLessThan(DISTINCT);
  });

  it('colours layers by their index among the spike-emitting layers, repeating after the palette', () => {
    expect(layerColour(0)).toBe(LAYER_PALETTE[0]);
    expect(layerColour(LAYER_PALETTE.length + 1)).toBe(LAYER_PALETTE[1]);
    const order = spikeLayerOrder([
      { name: 'ecg', kind: 'input' },
      { name: 'fc1', kind: 'dense' },
      { name: 'lif1', kind: 'spiking' },
      { name: 'fc2', kind: 'dense' },
      { name: 'lif2', kind: 'spiking' },
      { name: 'classes', kind: 'readout' },
    ]);
    expect(order).toEqual(['ecg', 'lif1', 'lif2']);
  });
});
