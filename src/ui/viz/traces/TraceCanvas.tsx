import { axisBottom, axisLeft } from 'd3-axis';
import { scaleLinear } from 'd3-scale';
import { select } from 'd3-selection';
import { useEffect, useMemo, useRef } from 'react';
import { useStore } from '../../store/index.ts';
import { keepTickLabelsInside } from '../tickLabelsInside.ts';
import { useCanvasFrame } from '../useCanvasFrame.ts';
import { useSize } from '../useSize.ts';
import { drawTrace } from './drawTrace.ts';
import { drawCursor, markCursor } from '../playback/drawCursor.ts';
import { cursorX } from '../playback/playbackCursor.ts';

const M = { left: 56, right: 8, top: 6, bottom: 22 };

/** A further series on the same axes (one read-out class among several). */
export interface TraceLine {
  readonly values: Float32Array;
  readonly color: string;
}

interface Props {
  readonly values: Float32Array;
  readonly dtMs: number;
  readonly color: string;
  readonly unit: string;
  /** Horizontal reference line (e.g. the firing threshold). */
  readonly hline?: number | undefined;
  /** Steps to mark with ticks (e.g. annotated R peaks). */
  readonly marks?: readonly number[];
  readonly testId: string;
  /** Follow the raster's zoom (default); a trace on another time base (audio samples) does not. */
  readonly followZoom?: boolean;
  /** Series drawn under the main one, on the same axes (the y range covers them all). */
  readonly under?: readonly TraceLine[];
  /** Width of the main line, CSS pixels (1.25 by default; the under-lines keep 1.25). */
  readonly lineWidth?: number;
  /** Draw the spike views' playback cursor (viewSlice.playbackStep); by default when the trace follows the raster's zoom, i.e. is on its time axis. */
  readonly cursor?: boolean;
}

/**
 * A time series on canvas with d3 axes, following the raster's visible time range, with the
 * playback cursor drawn at this plot's x scale (the canvas says where: data-cursor-x, CSS px).
 */
export function TraceCanvas({ values, dtMs, color, unit, hline, marks, testId, followZoom = true, under, lineWidth, cursor = followZoom }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const svg = useRef<SVGSVGElement>(null);
  const { width, height } = useSize(box);
  const sharedRange = useStore((s) => s.timeRange);
  const timeRange = followZoom ? sharedRange : null;
  const sharedStep = useStore((s) => s.playbackStep);
  const step = cursor ? sharedStep : null;
  const plotW = Math.max(1, width - M.left - M.right);
  const plotH = Math.max(1, height - M.top - M.bottom);
  const [lo, hi] = useMemo(() => {
    let a = hline ?? Infinity;
    let b = hline ?? -Infinity;
    for (const series of [values, ...(under ?? []).map((l) => l.values)])
      for (const v of series) {
        if (v < a) a = v;
        if (v > b) b = v;
      }
    return a < b ? [a, b] : [a - 1, a + 1];
  }, [values, hline, under]);
  const x = useMemo(() => scaleLinear().domain(timeRange ?? [0, values.length]).range([0, plotW]), [timeRange, values.length, plotW]);
  const y = useMemo(() => scaleLinear().domain([lo, hi]).nice().range([plotH, 0]), [lo, hi, plotH]);
  useCanvasFrame(
    canvas,
    plotW,
    plotH,
    (ctx, dpr) => {
      ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
      ctx.clearRect(0, 0, plotW, plotH);
      if (hline !== undefined) {
        ctx.strokeStyle = '#c00';
        ctx.setLineDash([4, 3]);
        ctx.beginPath();
        ctx.moveTo(0, y(hline));
        ctx.lineTo(plotW, y(hline));
        ctx.stroke();
        ctx.setLineDash([]);
      }
      ctx.fillStyle = '#888';
      for (const m of marks ?? []) ctx.fillRect(Math.floor(x(m)), 0, 1, 6);
      for (const l of under ?? []) drawTrace(ctx, l.values, x, y, l.color);
      drawTrace(ctx, values, x, y, color, lineWidth);
      const cx = step === null ? null : cursorX(x, step);
      const drawnAt = cx === null ? null : drawCursor(ctx, cx, dpr);
      markCursor(ctx.canvas, step, drawnAt === null ? null : cx);
    },
    [values, x, y, hline, marks, color, under, lineWidth, step],
  );
  useEffect(() => {
    if (!svg.current) return;
    const g = select(svg.current);
    const xNode = g.select<SVGGElement>('.x-axis').call(axisBottom(x.copy().domain(x.domain().map((v) => v * dtMs))).ticks(Math.max(2, Math.floor(plotW / 90)))).node();
    if (xNode) keepTickLabelsInside(xNode, plotW + M.right);
    // A short strip (the 44 px audio waveform) gets fewer labels, so they do not print over each other.
    g.select<SVGGElement>('.y-axis').call(axisLeft(y).ticks(Math.max(1, Math.min(4, Math.floor(plotH / 24)))));
  }, [x, y, dtMs, plotW, plotH]);
  return (
    <div ref={box} className="trace-box" data-testid={testId}>
      <canvas ref={canvas} style={{ left: M.left, top: M.top, width: plotW, height: plotH }} />
      <svg ref={svg} width={width} height={height} aria-hidden="true">
        <g className="x-axis" transform={`translate(${M.left},${M.top + plotH})`} />
        <g className="y-axis" transform={`translate(${M.left},${M.top})`} />
        <text x={4} y={12} className="axis-unit">
          {unit}
        </text>
      </svg>
    </div>
  );
}
