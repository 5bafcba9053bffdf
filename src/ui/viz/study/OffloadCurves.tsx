import { axisBottom, axisLeft } from 'd3-axis';
import { scaleLinear } from 'd3-scale';
import { select } from 'd3-selection';
import { line } from 'd3-shape';
import { useEffect, useRef } from 'react';
import type { StudyOffloadPoint } from '../../../core/study/studyTypes.ts';
import { figureText, OFFLOAD_FIGURES, seriesDomain, type OffloadFigure } from './offloadSeries.ts';

const M = { left: 56, right: 14, top: 16, bottom: 30 };
/** Height of one panel's plot area and the gap (its title) above the next, px. */
const PANEL_H = 58;
const GAP = 18;

/** Tick text of a panel's value axis: whole percents for fractions, engineering units for energy and latency. */
const tickText = (f: OffloadFigure, v: number): string => (f.key === 'offloaded' || f.key === 'accuracy' ? `${Math.round(100 * v)} %` : v === 0 ? '0' : f.format(v).replace(/\.0+ /, ' '));

/**
 * The offload curves against the threshold, as small multiples sharing one x axis (0 = nothing
 * sent, 1 = everything): offloaded share, system accuracy, edge energy and mean latency, one
 * panel each (OFFLOAD_FIGURES), with a vertical marker and a dot on each curve at the slider's
 * threshold. SVG with d3 scales, axes and line shapes.
 */
export function OffloadCurves({ curve, at, width }: { curve: readonly StudyOffloadPoint[]; at: StudyOffloadPoint; width: number }) {
  const yAxes = useRef<(SVGGElement | null)[]>([]);
  const xAxis = useRef<SVGGElement>(null);
  const plotW = Math.max(80, width - M.left - M.right);
  const height = M.top + OFFLOAD_FIGURES.length * PANEL_H + (OFFLOAD_FIGURES.length - 1) * GAP + M.bottom;
  const x = scaleLinear().domain([0, 1]).range([M.left, M.left + plotW]);
  const panels = OFFLOAD_FIGURES.map((f, i) => {
    const top = M.top + i * (PANEL_H + GAP);
    const y = scaleLinear()
      .domain(seriesDomain(f.key, curve.map((p) => p[f.key])))
      .range([top + PANEL_H, top]);
    return { f, top, y };
  });
  const bottom = M.top + OFFLOAD_FIGURES.length * PANEL_H + (OFFLOAD_FIGURES.length - 1) * GAP;
  useEffect(() => {
    panels.forEach((p, i) => {
      const g = yAxes.current[i];
      if (g) select(g).call(axisLeft(p.y).ticks(3).tickFormat((v) => tickText(p.f, Number(v))).tickSizeOuter(0));
    });
    if (xAxis.current) select(xAxis.current).call(axisBottom(x).ticks(5).tickSizeOuter(0));
  });
  const markX = x(at.threshold);
  return (
    <svg
      width={width}
      height={height}
      className="offload-curves"
      data-testid="offload-curves"
      role="img"
      aria-label={`offload curves against the threshold; at ${at.threshold.toFixed(2)}: ${OFFLOAD_FIGURES.map((f) => `${f.label} ${figureText(at, f)}`).join(', ')}`}
    >
      {panels.map(({ f, top, y }, i) => {
        const path = line<StudyOffloadPoint>()
          .x((p) => x(p.threshold))
          .y((p) => y(p[f.key]));
        return (
          <g key={f.key} data-testid={`offload-panel-${f.key}`}>
            <text x={M.left} y={top - 5} className="axis-unit">
              {f.label}
            </text>
            <rect x={M.left} y={top} width={plotW} height={PANEL_H} className="offload-frame" />
            <g
              ref={(el) => {
                yAxes.current[i] = el;
              }}
              className="y-axis"
              transform={`translate(${M.left},0)`}
            />
            <path d={path(curve as StudyOffloadPoint[]) ?? ''} className="offload-line" fill="none" data-testid={`offload-curve-${f.key}`} />
            <circle cx={markX} cy={y(at[f.key])} r={3.5} className="offload-dot" data-testid={`offload-dot-${f.key}`} data-value={at[f.key]} />
          </g>
        );
      })}
      <line x1={markX} x2={markX} y1={M.top} y2={bottom} className="offload-marker" data-testid="offload-marker" data-threshold={at.threshold} />
      <g ref={xAxis} className="x-axis" transform={`translate(0,${bottom})`} />
      <text x={M.left + plotW / 2} y={height - 2} textAnchor="middle" className="axis-unit">
        confidence threshold (samples under it are sent to the cloud)
      </text>
    </svg>
  );
}
