import { useEffect, type DependencyList, type RefObject } from 'react';

/**
 * Redraws a canvas of plotW × plotH CSS pixels in the next animation frame whenever `deps` change:
 * sizes the backing store for devicePixelRatio, then calls `draw(ctx, dpr)`. React never touches
 * the pixels; a newer request cancels a pending frame.
 */
export function useCanvasFrame(
  canvas: RefObject<HTMLCanvasElement | null>,
  plotW: number,
  plotH: number,
  draw: (ctx: CanvasRenderingContext2D, dpr: number) => void,
  deps: DependencyList,
): void {
  useEffect(() => {
    const c = canvas.current;
    if (!c || plotW <= 1) return;
    const frame = requestAnimationFrame(() => {
      const dpr = window.devicePixelRatio || 1;
      c.width = Math.round(plotW * dpr);
      c.height = Math.round(plotH * dpr);
      const ctx = c.getContext('2d');
      if (ctx) draw(ctx, dpr);
    });
    return () => cancelAnimationFrame(frame);
    // The caller's deps describe what the drawing reads; draw itself is a fresh closure each render.
  }, [canvas, plotW, plotH, ...deps]);
}
