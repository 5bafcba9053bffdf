import type { EpochReport } from '../../../core/train/trainer.ts';

/** Okabe–Ito colours, distinguishable with colour-vision deficiency. */
export const CURVE_COLOURS = ['#0072B2', '#009E73', '#D55E00', '#CC79A7', '#E69F00', '#56B4E9'] as const;

/** What a chart's y values are: it decides the tick and tooltip format. */
export type CurveUnit = 'loss' | 'percent' | 'spikes' | 'ms';

/** One line of a chart: a value per epoch (NaN where there is none). */
export interface CurveSeries {
  readonly label: string;
  readonly values: readonly number[];
  readonly colour: string;
  /** Validation series are dashed, so train and validation differ without colour too. */
  readonly dashed: boolean;
  /** Test id of the line's path (e2e tests read them). */
  readonly testId?: string;
}

/** One chart of the training curves. */
export interface CurveChart {
  readonly key: string;
  /** Title with the y unit, e.g. "accuracy (%)". */
  readonly title: string;
  readonly unit: CurveUnit;
  /** Fixed top of the y axis (accuracy: 100 %); else the data's maximum, rounded up. */
  readonly yMax?: number;
  readonly series: readonly CurveSeries[];
}

const colour = (k: number): string => CURVE_COLOURS[k % CURVE_COLOURS.length] ?? CURVE_COLOURS[0];

/**
 * The charts of a training run, one per measure: loss (train, validation), accuracy in % (train,
 * validation), spikes per validation sample of each spiking layer, ms per batch.
 */
export function trainingCharts(epochs: readonly EpochReport[]): CurveChart[] {
  const layers = [...new Set(epochs.flatMap((e) => Object.keys(e.layerSpikes)))];
  return [
    {
      key: 'loss',
      title: 'loss',
      unit: 'loss',
      series: [
        { label: 'train', values: epochs.map((e) => e.loss), colour: colour(0), dashed: false, testId: 'loss-curve' },
        { label: 'validation', values: epochs.map((e) => e.valLoss), colour: colour(1), dashed: true, testId: 'val-loss-curve' },
      ],
    },
    {
      key: 'accuracy',
      title: 'accuracy (%)',
      unit: 'percent',
      yMax: 100,
      series: [
        { label: 'train', values: epochs.map((e) => 100 * e.trainAccuracy), colour: colour(0), dashed: false },
        { label: 'validation', values: epochs.map((e) => 100 * e.valAccuracy), colour: colour(1), dashed: true },
      ],
    },
    {
      key: 'spikes',
      title: 'spikes per validation sample',
      unit: 'spikes',
      series: layers.map((l, k) => ({ label: l, values: epochs.map((e) => e.layerSpikes[l] ?? Number.NaN), colour: colour(k + 2), dashed: false, testId: `spikes-curve-${l}` })),
    },
    {
      key: 'ms',
      title: 'ms per batch',
      unit: 'ms',
      series: [{ label: 'time per batch', values: epochs.map((e) => e.msPerBatch), colour: colour(2), dashed: false, testId: 'ms-curve' }],
    },
  ];
}
