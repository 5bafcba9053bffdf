import { axisBottom, axisLeft } from 'd3-axis';
import { scaleLinear, scaleLog } from 'd3-scale';
import { select } from 'd3-selection';
import { line } from 'd3-shape';
import { useEffect, useMemo, useRef } from 'react';
import { formatEngineering } from '../../../core/format/engineering.ts';
import { accuracyDomain, energyDecades, formatDecade, placeLabels } from './studyPlotGeometry.ts';

/** How a point is drawn: a study's system (filled), a baseline (hollow), a sweep point on the front (filled) or off it (hollow, grey). */
export type PointMark = 'system' | 'baseline' | 'front' | 'dominated';

/** A labelled point of the plot. */
export interface PlotPoint {
  readonly label: string;
  readonly accuracy: number;
  readonly energyJ: number;
  readonly mark: PointMark;
}

/** A line through points: the sweep in knob order, or its Pareto front. */
export interface PlotLine {
  readonly kind: 'sweep' | 'front';
  readonly points: readonly { readonly accuracy: number; readonly energyJ: number }[];
}

const M = { left: 44, right: 30, top: 20, bottom: 32 };
const PLOT_H = 150;

/**
 * Accuracy (%, linear) against energy per inference (J, log, whole decades): a point per system,
 * labelled, and lines for a sweep and its Pareto front. SVG with d3 scales and axes, like the
 * training curves. `testId` names the chart; each point carries its label and values.
 */
export function EnergyAccuracyPlot({ title, width, points, lines = [], testId }: { title: string; width: number; points: readonly PlotPoint[]; lines?: readonly PlotLine[]; testId: string }) {
  const xAxis = useRef<SVGGElement>(null);
  const yAxis = useRef<SVGGElement>(null);
  const plotW = Math.max(60, width - M.left - M.right);
  const height = M.top + PLOT_H + M.bottom;
  const energies = points.map((p) => p.energyJ);
  const decades = energyDecades(energies) ?? [1e-9, 1e-6];
  const x = useMemo(() => scaleLog().domain(decades).range([M.left, M.left + plotW]), [decades[0], decades[1], plotW]);
  const acc = accuracyDomain(points.map((p) => p.accuracy));
  const y = useMemo(() => scaleLinear().domain(acc).range([M.top + PLOT_H, M.top]), [acc[0], acc[1]]);
  useEffect(() => {
    const decadeTicks = x.ticks().filter((t) => Math.abs(Math.log10(t) - Math.round(Math.log10(t))) < 1e-9);
    if (xAxis.current) select(xAxis.current).call(axisBottom(x).tickValues(decadeTicks).tickFormat((t) => formatDecade(Number(t))).tickSizeOuter(0));
    if (yAxis.current) select(yAxis.current).call(axisLeft(y).ticks(4).tickFormat((v) => `${Math.round(100 * Number(v))}`).tickSizeOuter(0));
  });
  const path = line<{ accuracy: number; energyJ: number }>()
    .x((p) => x(p.energyJ))
    .y((p) => y(p.accuracy));
  const right = M.left + plotW;
  const labels = placeLabels(points.map((p) => ({ x: x(p.energyJ), y: y(p.accuracy), label: p.label })), { left: M.left, right: width });
  return (
    <figure className="study-plot" data-testid={testId}>
      {/* HTML, so a long title wraps instead of running into the next plot. */}
      <figcaption className="curve-title">{title}</figcaption>
      <svg width={width} height={height} role="img" aria-label={`${title}: ${points.map((p) => `${p.label} ${(100 * p.accuracy).toFixed(1)} % at ${formatEngineering(p.energyJ, 'J')}`).join('; ')}`}>
        {y.ticks(4).map((t) => (
          <line key={t} x1={M.left} x2={right} y1={y(t)} y2={y(t)} className="curve-grid" />
        ))}
        <g ref={xAxis} className="x-axis" transform={`translate(0,${M.top + PLOT_H})`} />
        <g ref={yAxis} className="y-axis" transform={`translate(${M.left},0)`} />
        <text x={M.left + plotW / 2} y={height - 2} textAnchor="middle" className="axis-unit">
          energy per inference (log)
        </text>
        <text x={4} y={M.top - 10} className="axis-unit">
          accuracy %
        </text>
        {lines.map((l, i) => (
          <path key={i} d={path(l.points as { accuracy: number; energyJ: number }[]) ?? ''} className={`study-line study-line-${l.kind}`} data-testid={`${testId}-${l.kind}`} fill="none" />
        ))}
        {points.map((p, i) => {
          const at = labels[i];
          return (
            <g key={p.label} className={`study-point study-point-${p.mark}`} data-testid="study-point" data-label={p.label} data-accuracy={p.accuracy} data-energy={p.energyJ}>
              <circle cx={x(p.energyJ)} cy={y(p.accuracy)} r={4} />
              {at ? (
                <text x={at.x} y={at.y} textAnchor={at.anchor}>
                  {p.label}
                </text>
              ) : null}
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
