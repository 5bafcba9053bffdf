/** The cursor's colour: the header's navy, 14:1 on white and none of the layer colours. */
export const CURSOR_COLOUR = '#1d2b3a';

/** The part of a 2D context the cursor uses (a recording fake stands in for it in tests). */
export type CursorContext = Pick<CanvasRenderingContext2D, 'fillStyle' | 'fillRect' | 'save' | 'restore' | 'setTransform' | 'canvas'>;

/**
 * Draws the playback cursor into a renderer's own canvas: a vertical line at CSS x `xCss`, 2 CSS
 * px wide with a 1 px white halo so it stays visible over spikes and lines of any colour. Draws in
 * device pixels (whatever transform the renderer set), so the line is crisp at any
 * devicePixelRatio. Returns the line's first device column, or null when `xCss` is outside the
 * canvas (the cursor is off the visible range: nothing is drawn).
 */
export function drawCursor(ctx: CursorContext, xCss: number, dpr: number): number | null {
  const W = ctx.canvas.width;
  const H = ctx.canvas.height;
  const cssW = W / dpr;
  if (!(xCss >= 0 && xCss <= cssW)) return null;
  const core = Math.max(2, Math.round(2 * dpr));
  const halo = Math.max(1, Math.round(dpr));
  const left = Math.round(xCss * dpr - core / 2);
  ctx.save();
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.fillStyle = 'rgba(255, 255, 255, 0.85)';
  ctx.fillRect(left - halo, 0, core + 2 * halo, H);
  ctx.fillStyle = CURSOR_COLOUR;
  ctx.fillRect(left, 0, core, H);
  ctx.restore();
  return left;
}

/** Writes where the renderer drew the cursor on its canvas (data-cursor-x in CSS px, data-cursor-step), or clears it. */
export function markCursor(canvas: HTMLCanvasElement, step: number | null, xCss: number | null): void {
  if (step === null || xCss === null) {
    delete canvas.dataset['cursorX'];
    delete canvas.dataset['cursorStep'];
    return;
  }
  canvas.dataset['cursorX'] = xCss.toFixed(2);
  canvas.dataset['cursorStep'] = String(step);
}
