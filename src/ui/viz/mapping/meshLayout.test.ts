import { describe, expect, it } from 'vitest';
import { coreAt, coreCentreX, coreCentreY, HOST_MARGIN, meshLayout } from './meshLayout.ts';

/** Index convention of the mapper: chip · coresPerChip + (y · meshW + x) · coresPerTile + core in tile. */
const slotOf = (chip: number, x: number, y: number, k: number, meshW: number, meshH: number, cpt: number) => chip * meshW * meshH * cpt + (y * meshW + x) * cpt + k;

describe('mesh layout', () => {
  it('fits TrueNorth’s 64 × 64 cores in the smaller side and keeps the host margin free', () => {
    const l = meshLayout(64, 64, 1, 1, 600, 500);
    expect(l.slots).toBe(4096);
    // The height binds: (500 − 2·6) / 64 = 7.625 px per tile.
    expect(l.pitch).toBeCloseTo(488 / 64, 6);
    expect(l.originX).toBeGreaterThan(HOST_MARGIN);
    expect(l.rects[4 * 4095]! + l.coreSize).toBeLessThanOrEqual(600);
  });

  it('puts the cores of a Loihi tile in a 2 × 2 sub-grid inside the tile', () => {
    const l = meshLayout(8, 4, 4, 1, 800, 400);
    expect(l.tileCols).toBe(2);
    const [x0, y0] = [l.rects[0]!, l.rects[1]!];
    expect(l.rects[4 * 1]).toBeCloseTo(x0 + l.subPitch, 4); // core 1: right of core 0
    expect(l.rects[4 * 2 + 1]).toBeCloseTo(y0 + l.subPitch, 4); // core 2: below core 0
    expect(l.rects[4 * 4]).toBeCloseTo(x0 + l.pitch, 4); // core 4: first core of tile (1, 0)
  });

  it('hit-tests every core centre back to its own slot', () => {
    for (const [w, h, cpt, chips] of [[8, 4, 4, 3], [64, 64, 1, 1], [9, 1, 1, 1], [1, 1, 1, 1], [2, 2, 16, 5]] as const) {
      const l = meshLayout(w, h, cpt, chips, 700, 450);
      for (let s = 0; s < l.slots; s++) expect(coreAt(l, coreCentreX(l, s), coreCentreY(l, s))).toBe(s);
    }
  });

  it('places chips of a multi-chip system on a square-ish grid, as the mapper numbers them', () => {
    const l = meshLayout(8, 4, 4, 3, 900, 600);
    expect(l.chipsW).toBe(2);
    const s = slotOf(2, 3, 1, 2, 8, 4, 4); // chip 2 is the first of the second chip row
    expect(coreCentreY(l, s)).toBeGreaterThan(coreCentreY(l, slotOf(0, 3, 3, 3, 8, 4, 4)));
    expect(coreAt(l, coreCentreX(l, s), coreCentreY(l, s))).toBe(s);
  });

  it('hits nothing outside the mesh, in the gap between chips, or where a chip row is incomplete', () => {
    const l = meshLayout(8, 4, 4, 3, 900, 600);
    expect(coreAt(l, 1, 1)).toBe(-1);
    expect(coreAt(l, l.originX + 8 * l.pitch + l.chipGap / 2, l.originY + 1)).toBe(-1);
    // Chip slot 3 (second row, second column) does not exist with 3 chips.
    expect(coreAt(l, l.originX + 8 * l.pitch + l.chipGap + 1, l.originY + 4 * l.pitch + l.chipGap + 1)).toBe(-1);
  });

  it('caps the tile size so a single-core chip is drawn as one moderate square', () => {
    const l = meshLayout(1, 1, 1, 1, 900, 600);
    expect(l.pitch).toBe(96);
    expect(coreCentreX(l, -1)).toBeLessThan(l.originX);
  });
});
