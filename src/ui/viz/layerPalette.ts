/**
 * The one owner of layer colours: the raster's bands, the chip mesh's 'layer' colouring and their
 * legends all take a layer's colour from here, so a layer has the same colour everywhere.
 *
 * The colours are the five Okabe–Ito colours that keep a WCAG non-text contrast of at least 3:1
 * on the panels' white (blue, vermillion, bluish green, reddish purple, black), plus Paul Tol's
 * indigo and a dark brown in place of Okabe–Ito's orange, sky blue and yellow, which are too pale
 * on white (2.3, 2.3 and 1.3:1). Every pair stays apart (CIEDE2000 ≥ 12) with normal vision and
 * as seen with protanopia, deuteranopia and tritanopia; layerPalette.test.ts measures both. They
 * are ordered so neighbouring bands of the raster differ most.
 */
export const LAYER_PALETTE = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#332288', '#5C4400', '#000000'] as const;

/** Colour of the chip mesh's splitter cores: a dark grey that is none of the layers' colours, also for dichromats. */
export const SPLITTER_COLOUR = '#5F5F5F';

/** The background the layer colours are drawn on (the panels' white). */
export const LAYER_BACKGROUND = '#ffffff';

/** Colour of the layer at `index` among the layers that emit spikes (input first), repeating after the palette's seven. */
export function layerColour(index: number): string {
  const n = LAYER_PALETTE.length;
  return LAYER_PALETTE[((Math.floor(index) % n) + n) % n] as string;
}

/**
 * The names of the layers that emit spikes (input and spiking layers), in network order: the
 * order the raster stacks them and the index layerColour takes, so the mesh colours lif1 as the
 * raster does whatever dense or read-out layers sit between.
 */
export function spikeLayerOrder(layers: readonly { readonly name: string; readonly kind: string }[]): string[] {
  return layers.filter((l) => l.kind === 'input' || l.kind === 'spiking').map((l) => l.name);
}
