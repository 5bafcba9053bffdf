import { scaleLinear } from 'd3-scale';
import type { CoreUsage } from '../../../core/hardware/mappingTypes.ts';
import { layerColour, SPLITTER_COLOUR } from '../layerPalette.ts';

/** Fill of a core nothing was placed on. */
export const UNUSED_COLOUR = '#e4e7eb';
/** Fill of a core whose binding constraint is above its limit (the network does not fit). */
export const OVER_COLOUR = '#D55E00';
/** Steps of the utilisation ramp: cores are drawn in batches of one colour each. */
export const RAMP_STEPS = 32;

/** Utilisation 0 … 1 → colour, light to dark blue. */
export const utilisationScale = scaleLinear<string>().domain([0, 0.5, 1]).range(['#dbe9f6', '#4a90c8', '#08306b']).clamp(true);

/** Colour of each slot as an index into `palette` (0 = unused), so drawing batches by colour. */
export interface CoreColouring {
  readonly palette: readonly string[];
  readonly index: Uint16Array;
  /** Legend entries (layer mode): layer name and colour. */
  readonly layers: readonly { readonly layer: string; readonly colour: string }[];
}

/** The ratio of a core's binding constraint (1 = full). */
export function bindingRatio(core: CoreUsage): number {
  return core.utilisation[core.binding] ?? 0;
}

/** Palette slot of a utilisation: 1 … RAMP_STEPS along the ramp, RAMP_STEPS + 1 above the limit. */
export function rampIndex(u: number): number {
  if (u > 1 + 1e-9) return RAMP_STEPS + 1;
  return 1 + Math.round(Math.min(1, Math.max(0, u)) * (RAMP_STEPS - 1));
}

/** The layer with most neurons on a core. */
export function dominantLayer(core: CoreUsage): string {
  let best = '';
  let most = -1;
  for (const l of core.layers) if (l.neurons > most) {
    most = l.neurons;
    best = l.layer;
  }
  return best;
}

/** Colours cores by their binding utilisation. */
export function colourByUtilisation(cores: readonly CoreUsage[], slots: number): CoreColouring {
  const palette = [UNUSED_COLOUR];
  for (let i = 0; i < RAMP_STEPS; i++) palette.push(utilisationScale(i / (RAMP_STEPS - 1)));
  palette.push(OVER_COLOUR);
  const index = new Uint16Array(slots);
  for (const c of cores) if (c.index >= 0 && c.index < slots) index[c.index] = rampIndex(bindingRatio(c));
  return { palette, index, layers: [] };
}

/**
 * Colours cores by their dominant layer, splitters grey. `layerOrder` is the spike-emitting layers
 * in network order (spikeLayerOrder), so a layer gets the colour the raster gives it; a layer
 * placed on cores but not in the order follows after them.
 */
export function colourByLayer(cores: readonly CoreUsage[], slots: number, layerOrder: readonly string[]): CoreColouring {
  const names = [...layerOrder];
  for (const c of cores) for (const l of c.layers) if (l.layer !== 'splitters' && !names.includes(l.layer)) names.push(l.layer);
  const colourOf = (layer: string) => (layer === 'splitters' ? SPLITTER_COLOUR : layerColour(names.indexOf(layer)));
  const used = [...names, 'splitters'].filter((n) => cores.some((c) => c.layers.some((l) => l.layer === n)));
  const layers = used.map((layer) => ({ layer, colour: colourOf(layer) }));
  const index = new Uint16Array(slots);
  for (const c of cores) if (c.index >= 0 && c.index < slots) index[c.index] = 1 + used.indexOf(dominantLayer(c));
  return { palette: [UNUSED_COLOUR, ...layers.map((l) => l.colour)], index, layers };
}
