import { scaleLinear, scaleLog } from 'd3-scale';

/** One bar: its label, value, colour, and an optional tooltip (e.g. a source). */
export interface Bar {
  readonly label: string;
  readonly value: number;
  readonly colour?: string;
  readonly title?: string;
  readonly note?: string;
}

const W = 280;
const LABEL_W = 96;
const VALUE_W = 64;
const ROW_H = 16;

/**
 * A horizontal SVG bar chart with the value written beside each bar. A log scale shows values
 * orders of magnitude apart (ANN on a GPU vs the chip); zero bars are drawn empty.
 */
export function BarChart({ bars, format, log = false, testId, label }: { bars: readonly Bar[]; format: (v: number) => string; log?: boolean; testId?: string; label: string }) {
  const values = bars.map((b) => b.value).filter((v) => v > 0 && Number.isFinite(v));
  const max = Math.max(0, ...values);
  const min = Math.min(max, ...values);
  const span = W - LABEL_W - VALUE_W;
  const x = log && min > 0 ? scaleLog().domain([min / 3, max]).range([0, span]).clamp(true) : scaleLinear().domain([0, max || 1]).range([0, span]);
  return (
    <svg width={W} height={bars.length * ROW_H + 2} role="img" aria-label={label} data-testid={testId} className="bar-chart">
      {bars.map((b, i) => {
        const w = b.value > 0 && Number.isFinite(b.value) ? Math.max(1, x(b.value)) : 0;
        return (
          <g key={b.label} transform={`translate(0,${i * ROW_H})`}>
            {b.title ? <title>{b.title}</title> : null}
            <text x={LABEL_W - 4} y={ROW_H - 4} textAnchor="end" className="bar-label">
              {b.label}
            </text>
            <rect x={LABEL_W} y={2} width={w} height={ROW_H - 4} fill={b.colour ?? '#0072B2'} />
            <text x={LABEL_W + w + 3} y={ROW_H - 4} className="bar-value">
              {format(b.value)}
              {b.note ? ` ${b.note}` : ''}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
