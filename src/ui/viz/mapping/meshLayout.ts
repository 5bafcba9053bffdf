/**
 * Pixel geometry of a chip's cores, in CSS pixels: chips tile a square-ish grid (as in
 * core/hardware/meshGeometry.ts), each chip is a meshW × meshH grid of router tiles, and the cores
 * of one tile sit in a small sub-grid inside it. Everything is computed once per size and mapping,
 * so drawing and hit-testing 4096 TrueNorth cores needs no allocation.
 */
export interface MeshLayout {
  readonly slots: number;
  readonly chips: number;
  readonly chipsW: number;
  readonly meshW: number;
  readonly meshH: number;
  readonly coresPerTile: number;
  /** Sub-grid of cores inside a tile. */
  readonly tileCols: number;
  /** Tile pitch and the gap between chips, px. */
  readonly pitch: number;
  readonly chipGap: number;
  /** Tile inset (half the gap between tiles) and core pitch inside a tile, px. */
  readonly inset: number;
  readonly subPitch: number;
  readonly coreSize: number;
  readonly originX: number;
  readonly originY: number;
  /** Per slot: x, y, w, h of its rectangle. */
  readonly rects: Float32Array;
  /** Where packets from the host enter: left of tile (0, 0). */
  readonly hostX: number;
  readonly hostY: number;
}

/** Width kept left of the mesh for the host marker, px. */
export const HOST_MARGIN = 30;
const PAD = 6;
/** Gap between chips of a multi-chip system, in tile pitches. */
const CHIP_GAP_TILES = 0.6;
/** Largest tile pitch, so Xylo's single core or Speck's row of 9 does not fill the whole panel. */
const MAX_PITCH = 96;

/** Lays out `chips` chips of meshW × meshH tiles with coresPerTile cores each inside width × height px. */
export function meshLayout(meshW: number, meshH: number, coresPerTile: number, chips: number, width: number, height: number): MeshLayout {
  const chipsW = Math.ceil(Math.sqrt(chips));
  const chipsH = Math.ceil(chips / chipsW);
  const unitsW = chipsW * meshW + (chipsW - 1) * CHIP_GAP_TILES;
  const unitsH = chipsH * meshH + (chipsH - 1) * CHIP_GAP_TILES;
  const availW = Math.max(1, width - HOST_MARGIN - 2 * PAD);
  const availH = Math.max(1, height - 2 * PAD);
  const pitch = Math.max(0.5, Math.min(availW / unitsW, availH / unitsH, MAX_PITCH));
  const chipGap = CHIP_GAP_TILES * pitch;
  // Tiles need a visible gap only when they hold several cores or are big enough to show one.
  const inset = pitch >= 5 ? Math.max(0.5, pitch * 0.06) : 0;
  const tileCols = Math.ceil(Math.sqrt(coresPerTile));
  const subPitch = (pitch - 2 * inset) / tileCols;
  const coreSize = coresPerTile > 1 && subPitch >= 4 ? subPitch - 1 : subPitch;
  const originX = HOST_MARGIN + PAD + (availW - unitsW * pitch) / 2;
  const originY = PAD + (availH - unitsH * pitch) / 2;
  const perChip = meshW * meshH * coresPerTile;
  const slots = perChip * chips;
  const rects = new Float32Array(slots * 4);
  const chipSpanW = meshW * pitch + chipGap;
  const chipSpanH = meshH * pitch + chipGap;
  for (let s = 0; s < slots; s++) {
    const c = Math.floor(s / perChip);
    const tile = Math.floor((s % perChip) / coresPerTile);
    const k = s % coresPerTile;
    rects[4 * s] = originX + (c % chipsW) * chipSpanW + (tile % meshW) * pitch + inset + (k % tileCols) * subPitch;
    rects[4 * s + 1] = originY + Math.floor(c / chipsW) * chipSpanH + Math.floor(tile / meshW) * pitch + inset + Math.floor(k / tileCols) * subPitch;
    rects[4 * s + 2] = coreSize;
    rects[4 * s + 3] = coreSize;
  }
  return { slots, chips, chipsW, meshW, meshH, coresPerTile, tileCols, pitch, chipGap, inset, subPitch, coreSize, originX, originY, rects, hostX: originX - Math.min(18, HOST_MARGIN - 6), hostY: originY + pitch / 2 };
}

/**
 * The slot under a point, or -1. The whole tile pitch counts for its cores (no dead pixels between
 * cores of one tile); the gaps between chips and the space outside the mesh hit nothing.
 */
export function coreAt(l: MeshLayout, px: number, py: number): number {
  const x = px - l.originX;
  const y = py - l.originY;
  if (x < 0 || y < 0) return -1;
  const spanW = l.meshW * l.pitch + l.chipGap;
  const spanH = l.meshH * l.pitch + l.chipGap;
  const cx = Math.floor(x / spanW);
  const cy = Math.floor(y / spanH);
  if (cx >= l.chipsW) return -1;
  const chip = cy * l.chipsW + cx;
  if (chip >= l.chips) return -1;
  const xr = x - cx * spanW;
  const yr = y - cy * spanH;
  if (xr >= l.meshW * l.pitch || yr >= l.meshH * l.pitch) return -1;
  const tx = Math.floor(xr / l.pitch);
  const ty = Math.floor(yr / l.pitch);
  const clampCol = (v: number) => Math.min(l.tileCols - 1, Math.max(0, Math.floor(v / l.subPitch)));
  const k = clampCol(yr - ty * l.pitch - l.inset) * l.tileCols + clampCol(xr - tx * l.pitch - l.inset);
  if (k >= l.coresPerTile) return -1;
  return chip * l.meshW * l.meshH * l.coresPerTile + (ty * l.meshW + tx) * l.coresPerTile + k;
}

/** Centre of a slot's rectangle (the host's entry point for slot -1), px. */
export function coreCentreX(l: MeshLayout, slot: number): number {
  return slot < 0 ? l.hostX : (l.rects[4 * slot] as number) + l.coreSize / 2;
}

/** Vertical centre of a slot (see coreCentreX), px. */
export function coreCentreY(l: MeshLayout, slot: number): number {
  return slot < 0 ? l.hostY : (l.rects[4 * slot + 1] as number) + l.coreSize / 2;
}
