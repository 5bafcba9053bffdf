import { describe, expect, it } from 'vitest';
import { colourByUtilisation } from './coreColours.ts';
import { colourBatches, drawCores, type MeshContext } from './drawMesh.ts';
import { meshLayout } from './meshLayout.ts';
import type { CoreUsage } from '../../../core/hardware/mappingTypes.ts';

/** Records fill styles and rectangles instead of painting. */
function recordingContext() {
  const styles: string[] = [];
  const rects: number[][] = [];
  let fill = '';
  const ctx = {
    set fillStyle(v: string) {
      fill = v;
      styles.push(v);
    },
    get fillStyle() {
      return fill;
    },
    fillRect: (x: number, y: number, w: number, h: number) => void rects.push([x, y, w, h]),
  } as unknown as MeshContext;
  return { ctx, styles, rects };
}

const used = (index: number, u: number) => ({ index, utilisation: { neurons: u }, binding: 'neurons', layers: [] }) as unknown as CoreUsage;

describe('mesh drawing', () => {
  it('groups slots by colour so each colour is set once', () => {
    const c = colourByUtilisation([used(1, 1), used(3, 1), used(2, 0)], 5);
    const b = colourBatches(c);
    expect(b.starts[c.palette.length]).toBe(5);
    expect(Array.from(b.order)).toEqual([0, 4, 2, 1, 3]);
  });

  it('fills every slot of a TrueNorth chip once, with one fill style per colour in use', () => {
    const l = meshLayout(64, 64, 1, 1, 640, 640);
    const cores = Array.from({ length: 300 }, (_, i) => used(i * 7, (i % 10) / 10));
    const c = colourByUtilisation(cores, l.slots);
    const rec = recordingContext();
    expect(drawCores(rec.ctx, l, c, colourBatches(c))).toBe(4096);
    expect(rec.rects).toHaveLength(4096);
    expect(rec.styles.length).toBeLessThanOrEqual(11);
  });

  it('draws the unused cores of a system of many chips as one block per chip', () => {
    const l = meshLayout(8, 4, 4, 200, 800, 800);
    const c = colourByUtilisation([used(5, 0.5), used(300, 1)], l.slots);
    const rec = recordingContext();
    expect(drawCores(rec.ctx, l, c, colourBatches(c))).toBe(2);
    expect(rec.rects).toHaveLength(200 + 2);
  });
});
