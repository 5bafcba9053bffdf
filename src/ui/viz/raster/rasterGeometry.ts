import type { LayerRecording } from '../../../core/engine/types.ts';
import { layerColour } from '../layerPalette.ts';

/** One band of rows in the raster: a layer's neurons, stacked in network order from the top. */
export interface RasterBand {
  readonly layer: string;
  readonly kind: 'input' | 'spiking';
  /** First row of the band. */
  readonly offset: number;
  readonly neurons: number;
  readonly color: string;
}

/** Rows of the raster: bands plus the total. */
export interface RasterLayout {
  readonly bands: readonly RasterBand[];
  readonly rows: number;
}

/** Stacks the layers' neurons into rows, first layer at the top; each band takes its layer's colour (layerPalette.ts). */
export function layoutBands(layers: readonly Pick<LayerRecording, 'name' | 'kind' | 'neurons'>[]): RasterLayout {
  let offset = 0;
  const bands = layers.map((l, i) => {
    const band = { layer: l.name, kind: l.kind, offset, neurons: l.neurons, color: layerColour(i) };
    offset += l.neurons;
    return band;
  });
  return { bands, rows: offset };
}

/** The layer and neuron on a row, or undefined outside the raster. */
export function neuronAtRow(layout: RasterLayout, row: number): { band: RasterBand; neuron: number } | undefined {
  const r = Math.floor(row);
  for (const band of layout.bands) if (r >= band.offset && r < band.offset + band.neurons) return { band, neuron: r - band.offset };
  return undefined;
}

/** A linear map with its inverse, enough for spikes → pixels (d3 scales satisfy it). */
export interface LinearMap {
  (v: number): number;
  invert(px: number): number;
  domain(): number[];
}

/** Pixel rectangle of the spike of `row` at `step`: x from the step's start, at least 1 px wide and tall. */
export function spikeRect(step: number, row: number, x: LinearMap, y: LinearMap): { x: number; y: number; w: number; h: number } {
  const x0 = x(step);
  const y0 = y(row);
  return { x: Math.floor(x0), y: Math.floor(y0), w: Math.max(1, Math.floor(x(step + 1) - x0)), h: Math.max(1, Math.floor(y(row + 1) - y0) - (y(row + 1) - y0 > 3 ? 1 : 0)) };
}

/**
 * The bands that get a label on the raster's y axis, top to bottom: a label closer than
 * `minGapPx` to the one kept above it is dropped, so small adjacent layers do not print their
 * names over each other (the legend above the raster still names every layer, and hover reads
 * out the layer under the pointer).
 */
export function labelledBands(layout: RasterLayout, y: (row: number) => number, minGapPx: number): RasterBand[] {
  const kept: RasterBand[] = [];
  let lastPx = -Infinity;
  for (const band of layout.bands) {
    const px = y(band.offset + band.neurons / 2);
    if (px - lastPx < minGapPx) continue;
    kept.push(band);
    lastPx = px;
  }
  return kept;
}
