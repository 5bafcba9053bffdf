import { describe, expect, it } from 'vitest';
import { CURSOR_COLOUR, drawCursor, type CursorContext } from './drawCursor.ts';

/** A context that records its fills (colour and rectangle) and transform resets. */
function recorder(width: number, height: number) {
  const fills: { style: string; x: number; y: number; w: number; h: number }[] = [];
  const ctx = {
    canvas: { width, height },
    fillStyle: '',
    fillRect(x: number, y: number, w: number, h: number) {
      fills.push({ style: String(this.fillStyle), x, y, w, h });
    },
    save() {},
    restore() {},
    setTransform() {},
  };
  return { ctx: ctx as unknown as CursorContext, fills };
}

describe('drawCursor', () => {
  it('draws a 2 CSS px line in the cursor colour over a white halo, the full height, centred on x', () => {
    const { ctx, fills } = recorder(400, 100);
    expect(drawCursor(ctx, 105, 1)).toBe(104);
    expect(fills).toEqual([
      { style: 'rgba(255, 255, 255, 0.85)', x: 103, y: 0, w: 4, h: 100 },
      { style: CURSOR_COLOUR, x: 104, y: 0, w: 2, h: 100 },
    ]);
  });

  it('works in device pixels: at devicePixelRatio 2 the line is 4 device px wide at twice the x', () => {
    const { ctx, fills } = recorder(800, 200);
    expect(drawCursor(ctx, 105, 2)).toBe(208);
    expect(fills[1]).toMatchObject({ x: 208, w: 4, h: 200 });
  });

  it('draws nothing for a cursor outside the canvas (off the visible range)', () => {
    const { ctx, fills } = recorder(400, 100);
    expect(drawCursor(ctx, -3, 1)).toBeNull();
    expect(drawCursor(ctx, 401, 1)).toBeNull();
    expect(fills).toEqual([]);
  });
});
