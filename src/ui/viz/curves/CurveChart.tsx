import { axisBottom, axisLeft } from 'd3-axis';
import { scaleLinear } from 'd3-scale';
import { select } from 'd3-selection';
import { line } from 'd3-shape';
import { useEffect, useMemo, useRef } from 'react';
import { NO_EXPORT } from '../export/snapshotBox.ts';
import type { CurveChart as Chart } from './curveCharts.ts';
import { epochAfterKey, epochDomain, epochTicks, nearestEpochIndex } from './epochAxis.ts';
import { legendLayout, SWATCH_PX, tooltipLines } from './curveText.ts';

const M = { left: 42, right: 10, bottom: 30 };
const PLOT_H = 88;
const ROW_H = 14;
/** Points keep this far inside the plot's ends, so the first and last epoch are not cut in half. */
const INSET = 6;

interface Props {
  readonly chart: Chart;
  readonly width: number;
  /** Epochs recorded so far (the series' length). */
  readonly recorded: number;
  /** Epochs the x axis spans (the run's planned epochs while it trains). */
  readonly span: number;
  /** The epoch index (from 0) under the shared guide, or null. */
  readonly active: number | null;
  /** This chart shows the tooltip (it is the one hovered or focused). */
  readonly showTip: boolean;
  readonly onActive: (index: number | null, chart: string) => void;
}

/**
 * One training curve chart: epochs on x (integer ticks), the measure on y with its unit, one line
 * with a point per epoch for each series, a legend, and on hover or ←/→ a guide at the nearest
 * epoch with every series' value. Axes are drawn by d3-axis into the chart's SVG.
 */
export function CurveChart({ chart, width, recorded, span, active, showTip, onActive }: Props) {
  const xAxis = useRef<SVGGElement>(null);
  const yAxis = useRef<SVGGElement>(null);
  const title = `${chart.title}:`;
  const legend = legendLayout(chart.series.map((s) => s.label), width - M.right, title.length * 6.2 + 12);
  const top = legend.rows * ROW_H + 6;
  const height = top + PLOT_H + M.bottom;
  const plotW = Math.max(20, width - M.left - M.right);
  const x = useMemo(() => scaleLinear().domain(epochDomain(span)).range([M.left + INSET, M.left + plotW - INSET]), [span, plotW]);
  const yMax = chart.yMax ?? Math.max(1e-6, ...chart.series.flatMap((s) => s.values.filter(Number.isFinite))) * 1.05;
  const y = useMemo(() => scaleLinear().domain([0, yMax]).nice(4).range([top + PLOT_H, top]), [yMax, top]);
  const yTicks = y.ticks(4);
  useEffect(() => {
    if (xAxis.current) select(xAxis.current).call(axisBottom(x).tickValues(epochTicks(span, plotW)).tickFormat(String).tickSizeOuter(0));
    if (yAxis.current) select(yAxis.current).call(axisLeft(y).tickValues(yTicks).tickFormat(y.tickFormat(4, chart.unit === 'spikes' ? '~s' : undefined)).tickSizeOuter(0));
  });
  const path = (values: readonly number[]) =>
    line<number>()
      .defined(Number.isFinite)
      .x((_, i) => x(i + 1))
      .y((v) => y(v))(values as number[]) ?? '';
  const r = Math.max(1.2, Math.min(2.5, (x(2) - x(1)) / 3));
  const move = (ev: React.MouseEvent<SVGRectElement>) => {
    const box = ev.currentTarget.getBoundingClientRect();
    onActive(nearestEpochIndex(x.invert(M.left + ev.clientX - box.left), recorded), chart.key);
  };
  const onKey = (ev: React.KeyboardEvent) => {
    const next = epochAfterKey(ev.key, active, recorded);
    if (next === null) return;
    ev.preventDefault();
    onActive(next, chart.key);
  };
  const guideX = active !== null && active < recorded ? x(active + 1) : null;
  return (
    <div className="curve-chart" data-testid={`curve-${chart.key}`}>
      <svg width={width} height={height} tabIndex={0} role="img" aria-label={`${chart.title} per epoch: ${chart.series.map((s) => s.label).join(', ')}; ← → step through the epochs`} onKeyDown={onKey} onFocus={() => onActive(active ?? recorded - 1, chart.key)} onBlur={() => onActive(null, chart.key)}>
        <text x={2} y={11} className="curve-title">
          {title}
        </text>
        {legend.items.map((item, k) => {
          const s = chart.series[k];
          return s ? (
            <g key={s.label} transform={`translate(${item.x},${item.row * ROW_H})`} className="curve-legend">
              <line x1={0} x2={SWATCH_PX - 4} y1={7} y2={7} stroke={s.colour} strokeWidth={2} strokeDasharray={s.dashed ? '4 2' : undefined} />
              <text x={SWATCH_PX} y={11}>
                {s.label}
              </text>
            </g>
          ) : null;
        })}
        {yTicks.map((t) => (
          <line key={t} x1={M.left} x2={M.left + plotW} y1={y(t)} y2={y(t)} className="curve-grid" />
        ))}
        <g ref={xAxis} className="x-axis" transform={`translate(0,${top + PLOT_H})`} />
        <g ref={yAxis} className="y-axis" transform={`translate(${M.left},0)`} />
        <text x={M.left + plotW / 2} y={height - 2} textAnchor="middle" className="axis-unit">
          epoch
        </text>
        {guideX !== null ? <line x1={guideX} x2={guideX} y1={top} y2={top + PLOT_H} className={`curve-guide ${NO_EXPORT}`} data-testid="curve-guide" /> : null}
        {chart.series.map((s) => (
          <g key={s.label}>
            <path d={path(s.values)} fill="none" stroke={s.colour} strokeWidth={1.5} strokeDasharray={s.dashed ? '4 2' : undefined} {...(s.testId ? { 'data-testid': s.testId } : {})} />
            {s.values.map((v, i) => (Number.isFinite(v) ? <circle key={i} cx={x(i + 1)} cy={y(v)} r={i === active ? r + 1.5 : r} fill={s.colour} /> : null))}
          </g>
        ))}
        <rect className={`curve-hit ${NO_EXPORT}`} x={M.left} y={top} width={plotW} height={PLOT_H} fill="transparent" onMouseMove={move} onMouseLeave={() => onActive(null, chart.key)} />
      </svg>
      {/* On the side of the guide with more room, so it never runs out of the panel. */}
      {showTip && guideX !== null && active !== null ? (
        <div className="curve-tooltip" data-testid="curve-tooltip" role="status" style={guideX > width / 2 ? { right: width - guideX + 8, top: top + 2 } : { left: guideX + 8, top: top + 2 }}>
          {tooltipLines(active, chart.series, chart.unit).map((text, k) => (
            <div key={k} style={k > 0 ? { color: chart.series[k - 1]?.colour } : { fontWeight: 'bold' }}>
              {text}
            </div>
          ))}
        </div>
      ) : null}
    </div>
  );
}
