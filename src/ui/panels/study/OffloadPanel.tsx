import { useMemo, useRef } from 'react';
import { offloadCurve, offloadPoint, offloadSummary } from '../../../core/study/offload.ts';
import type { StudyClaim, StudyOffloadData, StudyResult } from '../../../core/study/studyTypes.ts';
import { useStore } from '../../store/index.ts';
import { offloadDataOf, offloadShown, pickOffloadTask, setOffloadThreshold } from '../../studyOffloadController.ts';
import { OffloadCurves } from '../../viz/study/OffloadCurves.tsx';
import { figureText, formatPercent, OFFLOAD_FIGURES, SLIDER_THRESHOLDS } from '../../viz/study/offloadSeries.ts';
import { useSize } from '../../viz/useSize.ts';
import { LinkEditor } from './LinkEditor.tsx';
import { summaryLines } from './offloadFigures.ts';

/**
 * ECC-SNN's offloading, per task: a threshold slider with the system's figures at it and the
 * summary beside the paper's claims, the link editor, and the curves against the threshold. All
 * is recomputed in the page from the result's per-sample data (core/study/offload.ts), so moving
 * the slider or editing the link never trains again.
 */
export function OffloadPanel({ result, offload, claims }: { result: StudyResult; offload: readonly StudyOffloadData[]; claims: readonly StudyClaim[] }) {
  const picked = useStore((s) => s.studyOffloadTask);
  const data = offloadDataOf(offload, picked);
  const view = useStore((s) => (data ? s.studyOffloadViews[data.task] : undefined));
  const box = useRef<HTMLDivElement>(null);
  const { width } = useSize(box);
  const shown = data ? offloadShown(view, data) : null;
  const link = shown?.link;
  const curve = useMemo(() => (data && link ? offloadCurve(data, link, SLIDER_THRESHOLDS) : []), [data, link]);
  if (!data || !shown) return null;
  const at = offloadPoint(data, shown.link, shown.threshold);
  const summary = summaryLines(offloadSummary(data, shown.link, shown.threshold), claims);
  const label = (task: string) => result.tasks.find((t) => t.id === task)?.label ?? task;
  return (
    <section className="offload-panel" aria-labelledby="offload-title" data-testid="offload-panel" data-task={data.task}>
      <div className="offload-head">
        <h3 id="offload-title">Offloading unsure samples to the cloud</h3>
        {offload.length > 1 ? (
          <label className="offload-task">
            task{' '}
            <select data-testid="offload-task" value={data.task} onChange={(e) => pickOffloadTask(useStore, e.target.value)}>
              {offload.map((d) => (
                <option key={d.task} value={d.task}>
                  {label(d.task)}
                </option>
              ))}
            </select>
          </label>
        ) : (
          <span className="hint">{label(data.task)}</span>
        )}
      </div>
      <p className="hint offload-about">
        {data.edge} answers every sample; a sample whose edge confidence (largest softmax probability) is under the threshold is sent to {data.cloud} on {data.cloud_device} ({data.bits_per_sample.toLocaleString('en-GB')} bits each). The study&rsquo;s operating threshold is {data.operating_threshold.toFixed(2)}.
      </p>
      <div className="offload-body">
        <div className="offload-controls">
          <label className="offload-slider" htmlFor="offload-threshold">
            <span>
              threshold <b data-testid="offload-threshold-value">{shown.threshold.toFixed(2)}</b>
            </span>
            <input
              id="offload-threshold"
              data-testid="offload-threshold"
              type="range"
              min={0}
              max={1}
              step={0.01}
              value={shown.threshold}
              aria-valuetext={`${shown.threshold.toFixed(2)}: ${formatPercent(at.offloaded)} offloaded, accuracy ${formatPercent(at.accuracy)}`}
              onChange={(e) => setOffloadThreshold(useStore, data.task, Number(e.target.value))}
            />
          </label>
          <dl className="offload-figures" data-testid="offload-figures" aria-live="polite">
            {OFFLOAD_FIGURES.map((f) => (
              <div key={f.key} data-testid="offload-figure" data-key={f.key} data-value={at[f.key]}>
                <dt title={f.title}>{f.label}</dt>
                <dd>{figureText(at, f)}</dd>
              </div>
            ))}
          </dl>
          <table className="offload-summary" data-testid="offload-summary">
            <colgroup>
              <col className="offload-summary-label" />
              <col className="offload-summary-ours" />
              <col />
            </colgroup>
            <thead>
              <tr>
                <th scope="col">at {shown.threshold.toFixed(2)}</th>
                <th scope="col">ours</th>
                <th scope="col">paper&rsquo;s claim</th>
              </tr>
            </thead>
            <tbody>
              {summary.map((l) => (
                <tr key={l.key} data-key={l.key}>
                  <th scope="row">{l.label}</th>
                  <td data-testid="offload-summary-ours">{l.ours}</td>
                  <td className="claim-label">{l.claim ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <LinkEditor key={data.task} task={data.task} link={shown.link} edited={shown.linkEdited} />
        </div>
        <div className="offload-plot" ref={box}>
          {width > 0 ? <OffloadCurves curve={curve} at={at} width={width} /> : null}
        </div>
      </div>
    </section>
  );
}
