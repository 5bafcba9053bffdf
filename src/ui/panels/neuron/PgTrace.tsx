import { axisBottom, axisLeft } from 'd3-axis';
import { scaleLinear } from 'd3-scale';
import { select } from 'd3-selection';
import { useEffect, useMemo, useRef, useState, type PointerEvent } from 'react';
import { useCanvasFrame } from '../../viz/useCanvasFrame.ts';
import { useSize } from '../../viz/useSize.ts';
import { drawPgTrace, traceExtent, type PgTraceData } from './drawPgTrace.ts';
import { sampleInput, strokePoints } from './inputDrawing.ts';

/** Room for the axes around the plot, CSS pixels. */
const M = { left: 48, right: 14, top: 4, bottom: 18 };

/** Drawing on the trace: the range the pen covers and where the new points go. */
export interface TraceDrawing {
  /** Values the drawing range always covers (the model's input scale around zero). */
  readonly reach: readonly number[];
  onPoints(points: number[]): void;
}

interface Props {
  readonly title: string;
  readonly unit: string;
  readonly data: PgTraceData;
  readonly dtMs: number;
  readonly height: number;
  readonly color: string;
  readonly testId: string;
  /** What a screen reader hears for the canvas (the numbers are in the read-out and the count line). */
  readonly description: string;
  readonly drawing?: TraceDrawing;
}

/** A playground trace on canvas with d3 axes in ms; with `drawing`, dragging the pointer draws the series. */
export function PgTrace({ title, unit, data, dtMs, height, color, testId, description, drawing }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const svg = useRef<SVGSVGElement>(null);
  const { width } = useSize(box);
  const plotW = Math.max(1, width - M.left - M.right);
  const plotH = Math.max(1, height - M.top - M.bottom);
  /** The y range is held while a stroke lasts, so the pen does not chase a rescaling axis. */
  const [held, setHeld] = useState<[number, number] | null>(null);
  const stroke = useRef<{ points: number[]; x: number; y: number } | null>(null);
  const steps = data.values.length;
  const extent = useMemo(() => traceExtent(data.values, data.threshold, drawing?.reach ?? []), [data.values, data.threshold, drawing?.reach]);
  const x = useMemo(() => scaleLinear().domain([0, steps]).range([0, plotW]), [steps, plotW]);
  const y = useMemo(() => {
    const s = scaleLinear().domain(held ?? extent).range([plotH, 0]);
    return held ? s : s.nice();
  }, [held, extent, plotH]);
  useCanvasFrame(
    canvas,
    plotW,
    plotH,
    (ctx, dpr) => {
      ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
      drawPgTrace(ctx, data, x, y, plotW, plotH, color);
    },
    [data, x, y, color],
  );
  useEffect(() => {
    if (!svg.current) return;
    const g = select(svg.current);
    g.select<SVGGElement>('.x-axis').call(axisBottom(scaleLinear().domain([0, steps * dtMs]).range([0, plotW])).ticks(Math.max(2, Math.floor(plotW / 80))));
    g.select<SVGGElement>('.y-axis').call(axisLeft(y).ticks(Math.max(2, Math.min(5, Math.floor(plotH / 22)))));
  }, [y, steps, dtMs, plotW, plotH]);

  /** The pointer as (fraction of the run, current). */
  const at = (e: PointerEvent<HTMLCanvasElement>) => {
    const r = e.currentTarget.getBoundingClientRect();
    return { fx: (e.clientX - r.left) / Math.max(1, r.width), v: y.invert(e.clientY - r.top) };
  };
  const onDown = (e: PointerEvent<HTMLCanvasElement>) => {
    if (!drawing || e.button !== 0) return;
    e.currentTarget.setPointerCapture(e.pointerId);
    setHeld(y.domain() as [number, number]);
    const p = at(e);
    const points = strokePoints(sampleInput(data.values), p.fx, p.v, p.fx, p.v);
    stroke.current = { points, x: p.fx, y: p.v };
    drawing.onPoints(points);
  };
  const onMove = (e: PointerEvent<HTMLCanvasElement>) => {
    const s = stroke.current;
    if (!drawing || !s) return;
    const p = at(e);
    s.points = strokePoints(s.points, s.x, s.y, p.fx, p.v);
    s.x = p.fx;
    s.y = p.v;
    drawing.onPoints(s.points);
  };
  const onUp = () => {
    stroke.current = null;
    setHeld(null);
  };
  return (
    <div className="pg-trace">
      <div className="pg-trace-title">
        {title} <span className="unit">({unit})</span>
      </div>
      <div ref={box} className="pg-trace-box" style={{ height }}>
        <canvas
          ref={canvas}
          data-testid={testId}
          role="img"
          aria-label={description}
          className={drawing ? 'pg-drawable' : undefined}
          style={{ left: M.left, top: M.top, width: plotW, height: plotH }}
          onPointerDown={onDown}
          onPointerMove={onMove}
          onPointerUp={onUp}
          onPointerCancel={onUp}
        />
        <svg ref={svg} width={width} height={height} aria-hidden="true">
          <g className="x-axis" transform={`translate(${M.left},${M.top + plotH})`} />
          <g className="y-axis" transform={`translate(${M.left},${M.top})`} />
        </svg>
      </div>
    </div>
  );
}
