import { scaleLinear } from 'd3-scale';
import { describe, expect, it } from 'vitest';
import type { LayerRecording } from '../../../core/engine/types.ts';
import { drawRaster } from './drawRaster.ts';
import { layoutBands } from './rasterGeometry.ts';

/** ImageData stand-in for Node: the renderer only uses width, height and data. */
const image = (width: number, height: number) => ({ width, height, data: new Uint8ClampedArray(width * height * 4), colorSpace: 'srgb' }) as ImageData;

const layer = (name: string, times: number[], ids: number[], neurons: number): LayerRecording => ({
  name,
  kind: 'spiking',
  neurons,
  spikeCount: times.length,
  spikes: [{ neurons, steps: 100, times: Uint32Array.from(times), ids: Uint32Array.from(ids) }],
});

describe('drawRaster', () => {
  const layers = [layer('a', [0, 10, 50], [0, 1, 1], 2), layer('b', [20], [0], 2)];
  const layout = layoutBands(layers);

  it('paints each spike at its step and row in its layer colour', () => {
    const img = image(100, 40);
    const n = drawRaster(img, layers, layout, scaleLinear().domain([0, 100]).range([0, 100]), scaleLinear().domain([0, 4]).range([0, 40]));
    expect(n).toBe(4);
    const rgba = (x: number, y: number) => Array.from(img.data.subarray((y * 100 + x) * 4, (y * 100 + x) * 4 + 4));
    // Spike of layer a, neuron 1, at step 10: x 10, rows 10–18 (row height 10, 1 px gap).
    expect(rgba(10, 12)).toEqual([0x00, 0x72, 0xb2, 255]);
    expect(rgba(10, 19)[3]).toBe(0);
    // Layer b (second colour), neuron 0 → row 2, at step 20.
    expect(rgba(20, 22)).toEqual([0xd5, 0x5e, 0x00, 255]);
    expect(rgba(30, 22)[3]).toBe(0);
  });

  it('visits only the spikes inside the visible time range', () => {
    const img = image(100, 40);
    const n = drawRaster(img, layers, layout, scaleLinear().domain([15, 60]).range([0, 100]), scaleLinear().domain([0, 4]).range([0, 40]));
    expect(n).toBe(2);
  });
});
