import { scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';
import type { EpochReport } from '../../../core/train/trainer.ts';

const W = 220;
const H = 90;
const M = 18;

/** Loss and accuracy (train and validation) per epoch, as small SVG line charts. */
export function TrainingCurves({ epochs }: { epochs: readonly EpochReport[] }) {
  const x = scaleLinear().domain([0, Math.max(1, epochs.length - 1)]).range([M, W - 4]);
  const maxLoss = Math.max(1e-6, ...epochs.map((e) => e.loss));
  const yLoss = scaleLinear().domain([0, maxLoss]).range([H - M, 4]);
  const yAcc = scaleLinear().domain([0, 1]).range([H - M, 4]);
  const path = (f: (e: EpochReport) => number, y: (v: number) => number) =>
    line<EpochReport>()
      .x((_, i) => x(i))
      .y((e) => y(f(e)))(epochs as EpochReport[]) ?? '';
  return (
    <svg width={W} height={H * 2} data-testid="train-curves" role="img" aria-label="training curves: loss, and train and validation accuracy per epoch">
      <text x={M} y={11} className="axis-unit">
        loss (max {maxLoss.toFixed(2)})
      </text>
      <path d={path((e) => e.loss, yLoss)} fill="none" stroke="#D55E00" strokeWidth={1.5} data-testid="loss-curve" />
      <g transform={`translate(0,${H})`}>
        <text x={M} y={11} className="axis-unit">
          accuracy: train (blue), validation (green)
        </text>
        <path d={path((e) => e.trainAccuracy, yAcc)} fill="none" stroke="#0072B2" strokeWidth={1.5} />
        <path d={path((e) => e.valAccuracy, yAcc)} fill="none" stroke="#009E73" strokeWidth={1.5} />
      </g>
    </svg>
  );
}
