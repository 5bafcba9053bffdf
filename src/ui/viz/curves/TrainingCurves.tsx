import { scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';
import type { EpochReport } from '../../../core/train/trainer.ts';

const W = 220;
const H = 80;
const M = 18;
/** Okabe–Ito colours, distinguishable with colour-vision deficiency. */
const COLOURS = ['#0072B2', '#009E73', '#D55E00', '#CC79A7', '#E69F00', '#56B4E9'] as const;

interface Series {
  readonly label: string;
  readonly values: readonly number[];
  readonly testId?: string;
}

/** One small chart: a few series over epochs on a shared y scale from 0 (or [0, 1]). */
function Chart({ title, series, unitMax, offset }: { title: string; series: readonly Series[]; unitMax?: number; offset: number }) {
  const n = Math.max(1, ...series.map((s) => s.values.length));
  const x = scaleLinear().domain([0, Math.max(1, n - 1)]).range([M, W - 4]);
  const max = unitMax ?? Math.max(1e-6, ...series.flatMap((s) => s.values.filter(Number.isFinite)));
  const y = scaleLinear().domain([0, max]).range([H - M, 14]);
  const path = (v: readonly number[]) =>
    line<number>()
      .defined(Number.isFinite)
      .x((_, i) => x(i))
      .y((d) => y(d))(v as number[]) ?? '';
  return (
    <g transform={`translate(0,${offset})`}>
      <text x={M} y={10} className="axis-unit">
        {title}
        {unitMax === undefined ? ` (max ${max < 10 ? max.toFixed(2) : max.toFixed(0)})` : ''}:{' '}
        {series.map((s, k) => (
          <tspan key={s.label} fill={COLOURS[k % COLOURS.length]}>
            {k > 0 ? ', ' : ''}
            {s.label}
          </tspan>
        ))}
      </text>
      <line x1={M} x2={W - 4} y1={H - M} y2={H - M} stroke="#bbb" />
      {series.map((s, k) => (
        <path key={s.label} d={path(s.values)} fill="none" stroke={COLOURS[k % COLOURS.length]} strokeWidth={1.5} {...(s.testId ? { 'data-testid': s.testId } : {})} />
      ))}
    </g>
  );
}

/**
 * Live training curves per epoch, as small SVG charts: loss (train, validation), accuracy (train,
 * validation), spikes per validation sample of each spiking layer, and ms per batch.
 */
export function TrainingCurves({ epochs }: { epochs: readonly EpochReport[] }) {
  const layers = [...new Set(epochs.flatMap((e) => Object.keys(e.layerSpikes ?? {})))];
  return (
    <svg width={W} height={H * 4} data-testid="train-curves" role="img" aria-label="training curves per epoch: loss, accuracy, spikes per sample by layer, milliseconds per batch">
      <Chart
        title="loss"
        offset={0}
        series={[
          { label: 'train', values: epochs.map((e) => e.loss), testId: 'loss-curve' },
          { label: 'validation', values: epochs.map((e) => e.valLoss), testId: 'val-loss-curve' },
        ]}
      />
      <Chart
        title="accuracy"
        offset={H}
        unitMax={1}
        series={[
          { label: 'train', values: epochs.map((e) => e.trainAccuracy) },
          { label: 'validation', values: epochs.map((e) => e.valAccuracy) },
        ]}
      />
      <Chart title="spikes / sample" offset={2 * H} series={layers.map((l) => ({ label: l, values: epochs.map((e) => e.layerSpikes?.[l] ?? NaN), testId: `spikes-curve-${l}` }))} />
      <Chart title="ms / batch" offset={3 * H} series={[{ label: 'time', values: epochs.map((e) => e.msPerBatch), testId: 'ms-curve' }]} />
    </svg>
  );
}
