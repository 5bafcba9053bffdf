import { line } from 'd3-shape';

/** A linear map as d3-scale gives it: call it, read its domain. */
export interface Scale {
  (v: number): number;
  domain(): number[];
}

/** One playground trace: a series per step, its threshold (fixed, moving, or none), spikes and the cursor. */
export interface PgTraceData {
  readonly values: Float32Array;
  readonly threshold: number | Float32Array | null;
  readonly spikeSteps: readonly number[];
  readonly cursor: number | null;
}

/** The value range a trace needs: its series and its threshold, never empty. */
export function traceExtent(values: Float32Array, threshold: number | Float32Array | null, include: readonly number[] = []): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  const see = (v: number) => {
    if (!Number.isFinite(v)) return;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  };
  values.forEach(see);
  if (typeof threshold === 'number') see(threshold);
  else threshold?.forEach(see);
  include.forEach(see);
  if (!(lo < hi)) return Number.isFinite(lo) ? [lo - 1, lo + 1] : [0, 1];
  return [lo, hi];
}

/** Colours of the marks (Okabe–Ito, safe for colour-blind readers). */
export const PG_COLOURS = { threshold: '#D55E00', spike: '#D55E00', cursor: '#009E73', zero: '#bbb' } as const;

/**
 * Draws a trace on a canvas already scaled to CSS pixels: the zero line, the threshold (dashed),
 * the series, a tick per spike along the top, and the cursor as a vertical line.
 */
export function drawPgTrace(ctx: CanvasRenderingContext2D, d: PgTraceData, x: Scale, y: Scale, w: number, h: number, color: string): void {
  ctx.clearRect(0, 0, w, h);
  const [y0, y1] = y.domain() as [number, number];
  if (y0 < 0 && y1 > 0) {
    ctx.strokeStyle = PG_COLOURS.zero;
    ctx.lineWidth = 1;
    ctx.beginPath();
    ctx.moveTo(0, Math.round(y(0)) + 0.5);
    ctx.lineTo(w, Math.round(y(0)) + 0.5);
    ctx.stroke();
  }
  const idx = Array.from({ length: d.values.length }, (_, t) => t);
  if (d.threshold !== null) {
    const th = d.threshold;
    ctx.strokeStyle = PG_COLOURS.threshold;
    ctx.lineWidth = 1.25;
    ctx.setLineDash([5, 3]);
    ctx.beginPath();
    if (typeof th === 'number') {
      ctx.moveTo(0, y(th));
      ctx.lineTo(w, y(th));
    } else
      line<number>()
        .x((t) => x(t + 0.5))
        .y((t) => y(th[t] as number))
        .context(ctx)(idx);
    ctx.stroke();
    ctx.setLineDash([]);
  }
  ctx.strokeStyle = color;
  ctx.lineWidth = 1.5;
  ctx.beginPath();
  line<number>()
    .x((t) => x(t + 0.5))
    .y((t) => y(d.values[t] as number))
    .context(ctx)(idx);
  ctx.stroke();
  ctx.fillStyle = PG_COLOURS.spike;
  for (const t of d.spikeSteps) ctx.fillRect(Math.round(x(t + 0.5)) - 1, 0, 2, 7);
  if (d.cursor !== null) {
    ctx.strokeStyle = PG_COLOURS.cursor;
    ctx.lineWidth = 2;
    ctx.beginPath();
    ctx.moveTo(Math.round(x(d.cursor + 0.5)), 0);
    ctx.lineTo(Math.round(x(d.cursor + 0.5)), h);
    ctx.stroke();
  }
}
