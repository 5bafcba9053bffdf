import { scaleLinear } from 'd3-scale';
import { describe, expect, it } from 'vitest';
import { labelledBands, layoutBands, neuronAtRow, spikeRect } from './rasterGeometry.ts';

describe('raster geometry', () => {
  const layout = layoutBands([
    { name: 'in', kind: 'input', neurons: 4 },
    { name: 'h', kind: 'spiking', neurons: 10 },
  ]);

  it('stacks layers into consecutive bands of rows with distinct colours', () => {
    expect(layout.rows).toBe(14);
    expect(layout.bands.map((b) => b.offset)).toEqual([0, 4]);
    expect(layout.bands[0]?.color).not.toBe(layout.bands[1]?.color);
  });

  it('maps a row back to its layer and neuron', () => {
    expect(neuronAtRow(layout, 3.7)).toMatchObject({ band: { layer: 'in' }, neuron: 3 });
    expect(neuronAtRow(layout, 4)).toMatchObject({ band: { layer: 'h' }, neuron: 0 });
    expect(neuronAtRow(layout, 14)).toBeUndefined();
  });

  it('puts a spike at its step and row, at least one pixel in size', () => {
    const x = scaleLinear().domain([0, 100]).range([0, 1000]);
    const y = scaleLinear().domain([0, 14]).range([0, 140]);
    expect(spikeRect(10, 4, x, y)).toEqual({ x: 100, y: 40, w: 10, h: 9 });
    const xz = scaleLinear().domain([0, 100000]).range([0, 500]);
    expect(spikeRect(50000, 0, xz, y)).toMatchObject({ x: 250, w: 1 });
  });

  it('labels a band only when its centre is at least the label height below the label above', () => {
    // 32 + 2 + 1 rows over 175 px: centres at rows 16, 33 and 34.5, i.e. 80, 165 and 172.5 px.
    const small = layoutBands([
      { name: 'ecg', kind: 'input', neurons: 32 },
      { name: 'lif1', kind: 'spiking', neurons: 2 },
      { name: 'lif2', kind: 'spiking', neurons: 1 },
    ]);
    const y = scaleLinear().domain([0, 35]).range([0, 175]);
    expect(labelledBands(small, y, 12).map((b) => b.layer)).toEqual(['ecg', 'lif1']);
    // Twice the height: 15 px apart, all three fit.
    expect(labelledBands(small, y.copy().range([0, 350]), 12).map((b) => b.layer)).toEqual(['ecg', 'lif1', 'lif2']);
  });
});
