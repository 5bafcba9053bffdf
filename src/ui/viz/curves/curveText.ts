import type { CurveSeries, CurveUnit } from './curveCharts.ts';

/** A value as the tooltip writes it: loss to 3 decimals, accuracy in %, spikes and ms to 3 significant digits. */
export function formatCurveValue(v: number, unit: CurveUnit): string {
  if (!Number.isFinite(v)) return '–';
  if (unit === 'loss') return v.toFixed(3);
  if (unit === 'percent') return `${v.toFixed(1)} %`;
  const text = Math.abs(v) >= 1000 ? Math.round(v).toLocaleString('en') : Number(v.toPrecision(3)).toString();
  return unit === 'ms' ? `${text} ms` : text;
}

/** The tooltip of one chart at one epoch (index from 0): the epoch, then every series' value. */
export function tooltipLines(index: number, series: readonly CurveSeries[], unit: CurveUnit): string[] {
  return [`epoch ${index + 1}`, ...series.map((s) => `${s.label}: ${formatCurveValue(s.values[index] ?? Number.NaN, unit)}`)];
}

/** A legend item placed by `legendLayout`. */
export interface LegendItem {
  readonly label: string;
  readonly x: number;
  readonly row: number;
}

/** Width of a legend swatch and its gap to the label, px. */
export const SWATCH_PX = 18;

/**
 * Places legend labels left to right after `startX` (the chart title), wrapping to a new row when
 * the next would pass `width`. Text width is estimated at `charPx` per character (10 px sans-serif
 * averages about 5.6 px), so no DOM measure is needed and the layout is the same in every export.
 */
export function legendLayout(labels: readonly string[], width: number, startX: number, charPx = 5.8): { items: LegendItem[]; rows: number } {
  const items: LegendItem[] = [];
  let x = startX;
  let row = 0;
  for (const label of labels) {
    const w = SWATCH_PX + label.length * charPx + 10;
    if (x + w > width && x > 0) {
      row += 1;
      x = 0;
    }
    items.push({ label, x, row });
    x += w;
  }
  return { items, rows: row + 1 };
}
