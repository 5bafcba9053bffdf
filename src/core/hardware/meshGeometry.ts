import { coresPerChip, type ChipProfile } from './chipProfile.ts';

/**
 * Geometry of the cores of `chips` chips: chips tile a square-ish grid, each chip a grid of
 * router tiles, so every core has global tile coordinates (X, Y). Packets follow dimension-order
 * routing (X first, then Y) over directed links; the host enters at tile (0, 0).
 */
export interface MeshGeometry {
  readonly chips: number;
  readonly slots: number;
  readonly gridW: number;
  readonly gridH: number;
  readonly X: Int32Array;
  readonly Y: Int32Array;
  readonly chipOf: Int32Array;
  readonly tileOf: Int32Array;
  readonly chipsW: number;
  readonly meshW: number;
  readonly meshH: number;
}

export function meshGeometry(chip: ChipProfile, chips: number): MeshGeometry {
  const per = coresPerChip(chip);
  const slots = per * chips;
  const chipsW = Math.ceil(Math.sqrt(chips));
  const chipsH = Math.ceil(chips / chipsW);
  const X = new Int32Array(slots);
  const Y = new Int32Array(slots);
  const chipOf = new Int32Array(slots);
  const tileOf = new Int32Array(slots);
  for (let s = 0; s < slots; s++) {
    const c = Math.floor(s / per);
    const tile = Math.floor((s % per) / chip.coresPerTile);
    chipOf[s] = c;
    tileOf[s] = c * chip.meshW * chip.meshH + tile;
    X[s] = (c % chipsW) * chip.meshW + (tile % chip.meshW);
    Y[s] = Math.floor(c / chipsW) * chip.meshH + Math.floor(tile / chip.meshW);
  }
  return { chips, slots, gridW: chipsW * chip.meshW, gridH: chipsH * chip.meshH, X, Y, chipOf, tileOf, chipsW, meshW: chip.meshW, meshH: chip.meshH };
}

/** Slot of the host: packets from it enter tile (0, 0). */
export const HOST_SLOT = -1;

/** East–west and north–south hops from slot a to slot b (0 inside one tile), and chip borders crossed. */
export function hopsBetween(g: MeshGeometry, a: number, b: number): { ew: number; ns: number; chips: number } {
  if (a === HOST_SLOT || b === HOST_SLOT) {
    // The host is attached to chip 0's tile (0, 0): packets cross every chip border on the way.
    const s = a === HOST_SLOT ? b : a;
    const c = g.chipOf[s] as number;
    return { ew: g.X[s] as number, ns: g.Y[s] as number, chips: (c % g.chipsW) + Math.floor(c / g.chipsW) };
  }
  if (g.tileOf[a] === g.tileOf[b]) return { ew: 0, ns: 0, chips: 0 };
  const ew = Math.abs((g.X[a] as number) - (g.X[b] as number));
  const ns = Math.abs((g.Y[a] as number) - (g.Y[b] as number));
  const ca = g.chipOf[a] as number;
  const cb = g.chipOf[b] as number;
  const chips = ca === cb ? 0 : Math.abs((ca % g.chipsW) - (cb % g.chipsW)) + Math.abs(Math.floor(ca / g.chipsW) - Math.floor(cb / g.chipsW));
  return { ew, ns, chips };
}

/**
 * Calls `visit(link)` for every directed link of the X-then-Y route from slot a to slot b.
 * Link id = (Y · gridW + X) · 4 + direction (0 east, 1 west, 2 south, 3 north) of the tile it leaves.
 */
export function forEachLink(g: MeshGeometry, a: number, b: number, visit: (link: number) => void): void {
  let x = a === HOST_SLOT ? 0 : (g.X[a] as number);
  let y = a === HOST_SLOT ? 0 : (g.Y[a] as number);
  const tx = b === HOST_SLOT ? 0 : (g.X[b] as number);
  const ty = b === HOST_SLOT ? 0 : (g.Y[b] as number);
  if (a !== HOST_SLOT && b !== HOST_SLOT && g.tileOf[a] === g.tileOf[b]) return;
  while (x !== tx) {
    const dir = tx > x ? 0 : 1;
    visit((y * g.gridW + x) * 4 + dir);
    x += tx > x ? 1 : -1;
  }
  while (y !== ty) {
    const dir = ty > y ? 2 : 3;
    visit((y * g.gridW + x) * 4 + dir);
    y += ty > y ? 1 : -1;
  }
}

/** Slots in boustrophedon order: each chip's tile rows alternate direction, so consecutive slots are neighbours. */
export function serpentineSlots(chip: ChipProfile, chips: number): Int32Array {
  const per = coresPerChip(chip);
  const order = new Int32Array(per * chips);
  let k = 0;
  for (let c = 0; c < chips; c++)
    for (let y = 0; y < chip.meshH; y++)
      for (let i = 0; i < chip.meshW; i++) {
        const x = y % 2 === 0 ? i : chip.meshW - 1 - i;
        for (let t = 0; t < chip.coresPerTile; t++) order[k++] = c * per + (y * chip.meshW + x) * chip.coresPerTile + t;
      }
  return order;
}
