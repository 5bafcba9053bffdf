import { line } from 'd3-shape';
import type { LinearMap } from '../raster/rasterGeometry.ts';

/** Draws y[t] over the visible step range as a polyline (d3-shape on canvas), `lineWidth` CSS pixels wide. */
export function drawTrace(ctx: CanvasRenderingContext2D, values: Float32Array, x: LinearMap, y: LinearMap, color: string, lineWidth = 1.25): void {
  const [d0 = 0, d1 = values.length] = x.domain();
  const from = Math.max(0, Math.floor(d0));
  const to = Math.min(values.length, Math.ceil(d1) + 1);
  const idx: number[] = [];
  // At most ~2 points per pixel column: decimate by min/max so spikes in a trace stay visible.
  const width = Math.max(1, x(to) - x(from));
  const per = Math.max(1, Math.floor((to - from) / (2 * width)));
  for (let t = from; t < to; t += per) {
    let lo = t;
    let hi = t;
    for (let k = t; k < Math.min(to, t + per); k++) {
      if ((values[k] as number) < (values[lo] as number)) lo = k;
      if ((values[k] as number) > (values[hi] as number)) hi = k;
    }
    if (lo < hi) idx.push(lo, hi);
    else idx.push(hi, lo);
  }
  ctx.beginPath();
  line<number>()
    .x((t) => x(t + 0.5))
    .y((t) => y(values[t] as number))
    .context(ctx)(idx);
  ctx.strokeStyle = color;
  ctx.lineWidth = lineWidth;
  ctx.stroke();
}
