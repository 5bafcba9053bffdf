/**
 * The workbench's resizable panels: the data column on the left, the inspector column on the
 * right and the graph's height above the spike views. A size the user has not set follows the
 * window (CSS defaults in layout.css); a size set by dragging a splitter is kept, in pixels, per
 * browser, and clamped so the plots keep room whatever the window does later.
 */
export type PanelEdge = 'left' | 'right' | 'graph';

/** Sizes the user set, in CSS pixels; an absent one follows the window. */
export type PanelSizes = Readonly<Partial<Record<PanelEdge, number>>>;

/** The range each panel may take; the centre keeps at least `CENTER_MIN_PX` of width beside the side columns. */
export const PANEL_LIMITS: Readonly<Record<PanelEdge, { readonly min: number; readonly max: number }>> = {
  left: { min: 170, max: 520 },
  right: { min: 240, max: 600 },
  graph: { min: 90, max: 900 },
};
export const CENTER_MIN_PX = 360;
/** The spike views (signal, raster, read-out strip) keep at least this much height under the graph. */
export const SPIKES_MIN_PX = 300;

/** What the clamps need to know about the window: its size and, for the graph, the centre's height. */
export interface LayoutRoom {
  readonly width: number;
  /** Height of the centre column below its toolbar, where the graph and the spike views share. */
  readonly centerHeight: number;
}

/** `px` held to the panel's range and to what the room leaves the centre and the spike views. */
export function clampPanel(edge: PanelEdge, px: number, room: LayoutRoom, sizes: PanelSizes): number {
  const { min, max } = PANEL_LIMITS[edge];
  const roomMax =
    edge === 'graph'
      ? room.centerHeight - SPIKES_MIN_PX
      : room.width - CENTER_MIN_PX - (edge === 'left' ? (sizes.right ?? PANEL_LIMITS.right.min) : (sizes.left ?? PANEL_LIMITS.left.min));
  return Math.round(Math.max(min, Math.min(max, roomMax, px)));
}

/** The sizes with one panel set to `px` (clamped). */
export function withPanel(sizes: PanelSizes, edge: PanelEdge, px: number, room: LayoutRoom): PanelSizes {
  return { ...sizes, [edge]: clampPanel(edge, px, room, sizes) };
}

/** The sizes with one panel back on the window's default. */
export function withoutPanel(sizes: PanelSizes, edge: PanelEdge): PanelSizes {
  return Object.fromEntries(Object.entries(sizes).filter(([k]) => k !== edge));
}

const EDGES: readonly PanelEdge[] = ['left', 'right', 'graph'];

/** Reads sizes kept by an earlier visit; anything malformed is dropped (the window's defaults then hold). */
export function parsePanelSizes(text: string | null): PanelSizes {
  if (!text) return {};
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return {};
  }
  if (typeof raw !== 'object' || raw === null) return {};
  const out: Partial<Record<PanelEdge, number>> = {};
  for (const edge of EDGES) {
    const v = (raw as Record<string, unknown>)[edge];
    if (typeof v === 'number' && Number.isFinite(v)) out[edge] = Math.max(PANEL_LIMITS[edge].min, Math.min(PANEL_LIMITS[edge].max, Math.round(v)));
  }
  return out;
}

/** The CSS custom properties the workbench grid reads (only the sizes the user set). */
export function panelStyle(sizes: PanelSizes): Record<string, string> {
  const style: Record<string, string> = {};
  for (const edge of EDGES) {
    const v = sizes[edge];
    if (v !== undefined) style[`--panel-${edge}`] = `${v}px`;
  }
  return style;
}
