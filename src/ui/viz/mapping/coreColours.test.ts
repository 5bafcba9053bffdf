import { describe, expect, it } from 'vitest';
import type { CoreUsage } from '../../../core/hardware/mappingTypes.ts';
import { layerColour, SPLITTER_COLOUR } from '../layerPalette.ts';
import { colourByLayer, colourByUtilisation, dominantLayer, OVER_COLOUR, rampIndex, RAMP_STEPS, UNUSED_COLOUR } from './coreColours.ts';

const core = (index: number, layers: [string, number][], u: Record<string, number>, binding: string): CoreUsage => ({
  index, chip: 0, x: 0, y: 0, layers: layers.map(([layer, neurons]) => ({ layer, neurons })), neurons: 0, splitters: 0, synapses: 0, synapseBits: 0,
  inAxons: 0, outAxons: 0, maxFanIn: 0, spikes: 0, packetsOut: 0, packetsIn: 0, synOps: 0, utilisation: u, binding,
});

describe('core colours', () => {
  it('maps utilisation 0 and 1 to the ends of the ramp and anything above 1 to the over-limit colour', () => {
    expect(rampIndex(0)).toBe(1);
    expect(rampIndex(1)).toBe(RAMP_STEPS);
    expect(rampIndex(1.2)).toBe(RAMP_STEPS + 1);
    expect(rampIndex(-3)).toBe(1);
  });

  it('colours by the binding constraint and leaves unplaced slots unused', () => {
    const c = colourByUtilisation([core(2, [['a', 10]], { neurons: 0.1, synapse_memory: 1.5 }, 'synapse_memory')], 4);
    expect(c.palette[c.index[0]!]).toBe(UNUSED_COLOUR);
    expect(c.palette[c.index[2]!]).toBe(OVER_COLOUR);
  });

  it('colours by the layer with most neurons on a core, in network order, with a legend of the layers used', () => {
    const cores = [core(0, [['b', 3], ['a', 5]], { neurons: 0.5 }, 'neurons'), core(1, [['b', 9]], { neurons: 0.5 }, 'neurons')];
    expect(dominantLayer(cores[0]!)).toBe('a');
    const c = colourByLayer(cores, 3, ['in', 'a', 'b']);
    expect(c.layers.map((l) => l.layer)).toEqual(['a', 'b']);
    expect(c.palette[c.index[0]!]).toBe(c.layers[0]!.colour);
    expect(c.palette[c.index[1]!]).toBe(c.layers[1]!.colour);
    expect(c.index[2]).toBe(0);
    // The colour of a layer's raster band: its index among the spike-emitting layers ('in' is 0).
    expect(c.layers.map((l) => l.colour)).toEqual([layerColour(1), layerColour(2)]);
  });

  it('gives splitter cores the splitters’ grey and lists them after the layers', () => {
    const cores = [core(0, [['splitters', 4]], { neurons: 0.1 }, 'neurons'), core(1, [['a', 2]], { neurons: 0.1 }, 'neurons')];
    const c = colourByLayer(cores, 2, ['in', 'a']);
    expect(c.layers).toEqual([{ layer: 'a', colour: layerColour(1) }, { layer: 'splitters', colour: SPLITTER_COLOUR }]);
    expect(c.palette[c.index[0]!]).toBe(SPLITTER_COLOUR);
  });
});
