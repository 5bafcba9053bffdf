import { useMemo, useRef } from 'react';
import { runArtifacts } from '../../runController.ts';
import { useStore } from '../../store/index.ts';
import { PanelExport } from '../export/PanelExport.tsx';
import { readoutCsv } from '../export/plotTables.ts';
import { DECIDED_BY, readoutSeries } from './readoutSeries.ts';
import { TraceCanvas } from './TraceCanvas.tsx';
import './ReadoutView.css';

/**
 * What the network decides on the input shown: the read-out's value of every class over time, on
 * the raster's time axis (it follows its zoom), a legend with each class's score, and the predicted
 * class in the title (with the true class when the input has one). The predicted class's line is
 * drawn on top and thicker. A read-out that cannot be shown over time says why.
 */
export function ReadoutView() {
  const summary = useStore((s) => s.summary);
  const reply = summary ? runArtifacts.get(summary.artifactId) : undefined;
  const shown = reply?.readout;
  const trace = shown?.readout.kind === 'trace' ? shown.readout : undefined;
  const series = useMemo(() => (trace ? readoutSeries(trace, shown?.classes) : []), [trace, shown?.classes]);
  const panel = useRef<HTMLElement>(null);
  if (!reply || !shown) return null;
  if (!trace) {
    return (
      <section className="panel trace-panel readout-view" aria-label="Read-out" data-testid="readout-view">
        <h2>Read-out</h2>
        <p className="hint" data-testid="readout-reason">
          Not shown: {shown.readout.kind === 'refused' ? shown.readout.reason : ''}.
        </p>
      </section>
    );
  }
  const top = series[trace.predicted];
  const truth = shown.truth;
  const right = truth === undefined ? undefined : truth === top?.name;
  return (
    <section
      ref={panel}
      className="panel trace-panel readout-view has-export"
      aria-label="Read-out"
      data-testid="readout-view"
      data-predicted={trace.predicted}
      data-final={JSON.stringify(Array.from(trace.final))}
    >
      <PanelExport plot="readout" panel={panel} csv={() => readoutCsv(series, reply.result.dtMs)} />
      <div className="readout-head">
        <h2 title={`The class is the one whose read-out has the largest ${DECIDED_BY[trace.decidedBy]}, as training decides it.`}>
          Read-out '{trace.name}': predicted <b data-testid="predicted-class">{top?.name}</b>
          {truth === undefined ? null : (
            <>
              {' · '}true <b data-testid="true-class" data-right={right}>{truth}</b>
              {right ? ' ✓' : ' ✗'}
            </>
          )}
          <span className="readout-rule"> (by {DECIDED_BY[trace.decidedBy]})</span>
        </h2>
        <ul className="readout-legend" data-testid="readout-legend" aria-label="classes">
          {series.map((c, k) => (
            <li key={c.name} data-predicted={k === trace.predicted}>
              <span className="swatch" style={{ background: c.color }} />
              {c.name} <span className="score">{formatScore(c.score)}</span>
            </li>
          ))}
        </ul>
      </div>
      {top ? (
        <TraceCanvas
          values={top.values}
          color={top.color}
          lineWidth={2.5}
          under={series.filter((_, k) => k !== trace.predicted)}
          dtMs={reply.result.dtMs}
          unit="m"
          testId="readout-trace"
        />
      ) : null}
    </section>
  );
}

/** A score in 3 significant digits (read-outs range from spike counts in the hundreds to fractions). */
function formatScore(v: number): string {
  return Number.isFinite(v) ? Number(v.toPrecision(3)).toString() : String(v);
}
