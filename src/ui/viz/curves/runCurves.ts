import type { RunRecord } from '../../../core/spec/runRecord.ts';
import type { CurveChart, CurveSeries } from './curveCharts.ts';

/**
 * Colours of overlaid runs, none of them the current run's blue and green (curveCharts.ts): the
 * rest of Okabe–Ito, then black and grey.
 */
export const RUN_COLOURS = ['#E69F00', '#D55E00', '#CC79A7', '#56B4E9', '#000000', '#999999', '#8C6D31', '#6B4C9A'] as const;

/** A run's colour, fixed by its place in the workspace's run log (the table's swatch shows the same). */
export function runColour(index: number): string {
  return RUN_COLOURS[index % RUN_COLOURS.length] ?? RUN_COLOURS[0];
}

/** A run drawn over the current run's curves. */
export interface OverlaidRun {
  readonly run: RunRecord;
  readonly colour: string;
}

/** The run's values per epoch (NaN where its thinned curve has no point), for `pick`. */
function perEpoch(run: RunRecord, pick: (p: RunRecord['curve'][number]) => number): number[] {
  const last = run.curve.at(-1)?.epoch ?? 0;
  const values = new Array<number>(last).fill(Number.NaN);
  for (const p of run.curve) values[p.epoch - 1] = pick(p);
  return values;
}

/** The legend label of each run: "seed 3", and "seed 3 (2)" for a second run of the same seed. */
function runLabels(runs: readonly OverlaidRun[]): string[] {
  const seen = new Map<number, number>();
  return runs.map(({ run }) => {
    const n = (seen.get(run.seed) ?? 0) + 1;
    seen.set(run.seed, n);
    return n === 1 ? `seed ${run.seed}` : `seed ${run.seed} (${n})`;
  });
}

/**
 * The training charts with the overlaid runs' validation curves added to the loss and accuracy
 * charts, one line per run in its colour, labelled by seed. They come first, so the current run's
 * lines are drawn on top of them.
 */
export function withRunOverlays(charts: readonly CurveChart[], runs: readonly OverlaidRun[]): CurveChart[] {
  if (runs.length === 0) return [...charts];
  const labels = runLabels(runs);
  const series = (key: string, pick: (p: RunRecord['curve'][number]) => number): CurveSeries[] =>
    runs.map((r, i) => ({ label: `${labels[i] ?? ''} val`, values: perEpoch(r.run, pick), colour: r.colour, dashed: false, testId: `run-${key}-curve-${r.run.id}` }));
  const extra: Readonly<Record<string, CurveSeries[]>> = {
    loss: series('loss', (p) => p.valLoss),
    accuracy: series('accuracy', (p) => 100 * p.valAccuracy),
  };
  return charts.map((c) => ({ ...c, series: [...(extra[c.key] ?? []), ...c.series.filter((s) => s.values.length > 0)] }));
}
