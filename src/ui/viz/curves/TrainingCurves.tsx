import { useCallback, useMemo, useRef, useState } from 'react';
import type { EpochReport } from '../../../core/train/trainer.ts';
import { useStore } from '../../store/index.ts';
import { ExportMenu } from '../export/ExportMenu.tsx';
import { curvesCsv } from '../export/plotTables.ts';
import { snapshotBox } from '../export/snapshotBox.ts';
import { useSize } from '../useSize.ts';
import { trainingCharts } from './curveCharts.ts';
import { CurveChart } from './CurveChart.tsx';
import { withRunOverlays, type OverlaidRun } from './runCurves.ts';
import './curves.css';

/**
 * Live training curves per epoch, one chart per measure at the width of their panel: loss (train,
 * validation), accuracy in % (train, validation), spikes per validation sample of each spiking
 * layer, ms per batch. Hovering (or ←/→ on a focused chart) puts a guide on the same epoch in
 * every chart and lists the hovered chart's values. While a run trains, the x axis spans its
 * `planned` epochs, so the curves grow to the right. Runs of the run log picked in the runs table
 * are `overlaid`: their validation loss and accuracy, each in its colour, under the current run's.
 */
export function TrainingCurves({ epochs, planned, overlaid = [] }: { epochs: readonly EpochReport[]; planned?: number | undefined; overlaid?: readonly OverlaidRun[] }) {
  const box = useRef<HTMLDivElement>(null);
  const { width } = useSize(box);
  const [active, setActive] = useState<{ index: number; chart: string } | null>(null);
  const charts = useMemo(() => withRunOverlays(trainingCharts(epochs), overlaid).filter((c) => c.series.length > 0), [epochs, overlaid]);
  const onActive = useCallback((index: number | null, chart: string) => setActive(index === null ? null : { index, chart }), []);
  const overlaidEpochs = Math.max(0, ...overlaid.map((r) => r.run.curve.at(-1)?.epoch ?? 0));
  const span = Math.max(epochs.length, planned ?? 0, overlaidEpochs);
  return (
    <div className="training-curves">
      <div className="curves-head">
        <span className="hint">hover or ← → for values</span>
        <ExportMenu plot="training-curves" inline engine="train" csv={() => (epochs.length > 0 ? curvesCsv(epochs) : null)} figure={() => (box.current ? snapshotBox(box.current, `Training curves: ${useStore.getState().workspace?.name ?? ''}`) : null)} />
      </div>
      <div ref={box} data-testid="train-curves" data-epochs={epochs.length} data-overlaid={overlaid.length}>
        {width > 0
          ? charts.map((c) => (
              <CurveChart key={c.key} chart={c} width={width} recorded={Math.max(epochs.length, overlaidEpochs)} span={span} active={active?.index ?? null} showTip={active?.chart === c.key} onActive={onActive} />
            ))
          : null}
      </div>
    </div>
  );
}
