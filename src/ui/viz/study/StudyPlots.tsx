import { useRef } from 'react';
import type { StudyResult } from '../../../core/study/studyTypes.ts';
import { useSize } from '../useSize.ts';
import { EnergyAccuracyPlot } from './EnergyAccuracyPlot.tsx';
import { paretoLine, rowPoints, sweepLine } from './studyPlotGeometry.ts';

/** Plots side by side at this width or more each; narrower, one per row. */
const MIN_PLOT_PX = 300;

/**
 * The study's plots: for each task, accuracy against energy with a point per system; for each
 * sweep, its curve in knob order with the Pareto front drawn over it. Systems a device could not
 * cost are named under their task's plot.
 */
export function StudyPlots({ result }: { result: StudyResult }) {
  const box = useRef<HTMLDivElement>(null);
  const { width } = useSize(box);
  const perRow = Math.max(1, Math.min(2, Math.floor(width / MIN_PLOT_PX)));
  const plotW = Math.floor((width - (perRow - 1) * 12) / perRow);
  return (
    <div className="study-plots" ref={box} data-testid="study-plots">
      {width > 0
        ? result.tasks.map((t) => {
            const { points, uncosted } = rowPoints(result.rows.filter((r) => r.task === t.id));
            // Baselines first, so a system's filled point is drawn over a baseline at the same spot.
            const marks = points
              .map((p) => ({ ...p, mark: result.rows.find((r) => r.task === t.id && r.system === p.label)?.role === 'system' ? ('system' as const) : ('baseline' as const) }))
              .sort((a, b) => (a.mark === b.mark ? 0 : a.mark === 'baseline' ? -1 : 1));
            return (
              <div key={t.id} className="study-plot-cell" style={{ width: plotW }}>
                <EnergyAccuracyPlot title={`${t.label}: accuracy against energy`} width={plotW} points={marks} testId={`study-plot-${t.id}`} />
                {uncosted.length > 0 ? <div className="hint">Not costed (no energy to place on the axis): {uncosted.join(', ')}.</div> : null}
              </div>
            );
          })
        : null}
      {width > 0
        ? result.curves.map((c) => {
            const sweep = sweepLine(c.points);
            return (
              <div key={c.id} className="study-plot-cell" style={{ width: plotW }}>
                <EnergyAccuracyPlot
                  title={c.label}
                  width={plotW}
                  points={sweep.map((p) => ({ label: String(p.value), accuracy: p.accuracy, energyJ: p.energyJ, mark: p.pareto ? 'front' : 'dominated' }))}
                  lines={[
                    { kind: 'sweep', points: sweep },
                    { kind: 'front', points: paretoLine(c.points) },
                  ]}
                  testId={`study-curve-${c.id}`}
                />
                <div className="hint">
                  Each point is one value of the {c.knob}, in order along the dashed line; filled points and the thick line: the Pareto front (no other point as accurate for less energy).
                </div>
              </div>
            );
          })
        : null}
    </div>
  );
}
