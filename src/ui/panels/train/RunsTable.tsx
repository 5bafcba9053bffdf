import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { pageTrainingSize, withTrainingSize } from '../../../core/train/pageTrainingSize.ts';
import { runSettingsOf } from '../../../core/train/runSettings.ts';
import { useStore } from '../../store/index.ts';
import { runColour } from '../../viz/curves/runCurves.ts';
import { runRows, summaryRows } from './runRows.ts';
import './runsTable.css';

const EMPTY: readonly never[] = [];

/** "16:02" today, "5 Dec 16:02" before. */
function when(ms: number): string {
  const d = new Date(ms);
  const time = d.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' });
  return new Date().toDateString() === d.toDateString() ? time : `${d.toLocaleDateString('en-GB', { day: 'numeric', month: 'short' })} ${time}`;
}

/** "87.3 ± 5.2 % (n = 2, 83.7–91.0)" as the spread on one line and its count and range under it, smaller. */
function SpreadText({ text }: { text: string }) {
  const cut = text.indexOf(' (');
  if (cut < 0) return <>{text}</>;
  return (
    <>
      <span className="run-spread">{text.slice(0, cut)}</span>
      <span className="run-range">{text.slice(cut)}</span>
    </>
  );
}

/**
 * The workspace's training runs, newest first: seed, the settings that differ from the workspace's
 * now, test accuracy, macro-F1, energy per inference on the chip, when. A box per run overlays its
 * curves on the training curves; ✕ deletes it (Ctrl+Z brings it back). Under them, a mean ± sd
 * row for each group of two or more runs with the same settings, and how its accuracy compares.
 */
export function RunsTable() {
  const { runs, ws, full, overlaid, measuring } = useStore(useShallow((s) => ({ runs: s.workspace?.runs ?? EMPTY, ws: s.workspace, full: s.trainFull, overlaid: s.overlaidRuns, measuring: s.runsMeasuring })));
  const now = useMemo(() => (ws ? runSettingsOf(withTrainingSize(ws, pageTrainingSize(ws, full)), '') : undefined), [ws, full]);
  const rows = useMemo(() => runRows(runs, now), [runs, now]);
  const summaries = useMemo(() => summaryRows(runs, now), [runs, now]);
  const colourOf = useMemo(() => new Map(runs.map((r, i) => [r.id, runColour(i)])), [runs]);
  if (runs.length === 0 && measuring === 0) return null;
  const toggle = (id: string, on: boolean) => useStore.getState().setRuns({ overlaidRuns: on ? [...overlaid, id] : overlaid.filter((x) => x !== id) });
  return (
    <div className="runs" data-testid="runs">
      <h3>
        Runs <span className="hint">({runs.length}; the last 50 are kept with the workspace)</span>
      </h3>
      {measuring > 0 ? (
        <div className="hint" role="status" data-testid="runs-measuring">
          costing the energy of {measuring === 1 ? 'a trained network' : `${measuring} trained networks`} on the chip…
        </div>
      ) : null}
      {/* The right column can be narrower than the table: it scrolls sideways rather than cutting columns off. */}
      <div className="runs-scroll">
      <table className="runs-table" data-testid="runs-table">
        <thead>
          <tr>
            <th scope="col" title="overlay the run's curves">
              <span className="visually-hidden">overlay</span>⧉
            </th>
            <th scope="col">seed</th>
            <th scope="col">settings</th>
            <th scope="col">accuracy</th>
            <th scope="col">macro-F1</th>
            <th scope="col">energy</th>
            <th scope="col">when</th>
            <th scope="col">
              <span className="visually-hidden">delete</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.run.id} data-testid="run-row" data-seed={r.run.seed}>
              <td>
                <input type="checkbox" data-testid="run-overlay" aria-label={`overlay the curves of the run with seed ${r.run.seed}`} checked={overlaid.includes(r.run.id)} onChange={(e) => toggle(r.run.id, e.target.checked)} />
              </td>
              <td data-testid="run-seed">
                <span className="run-swatch" style={{ background: colourOf.get(r.run.id) }} aria-hidden="true" />
                {r.run.seed}
              </td>
              <td className="run-settings">{r.settings}</td>
              <td data-testid="run-accuracy">{r.accuracy}</td>
              <td>{r.macroF1}</td>
              <td title={r.energyNote ?? `per inference on ${r.run.energy.chip}`}>{r.energy}</td>
              <td title={`${new Date(r.run.startedAt).toLocaleString('en-GB')}, trained on ${r.run.settings.engine}`}>{when(r.run.startedAt)}</td>
              <td>
                <button type="button" className="run-delete" aria-label={`delete the run with seed ${r.run.seed}`} data-testid="run-delete" onClick={() => useStore.getState().deleteRuns([r.run.id], `delete run (seed ${r.run.seed})`)}>
                  ✕
                </button>
              </td>
            </tr>
          ))}
        </tbody>
        {summaries.length > 0 ? (
          <tbody className="runs-summary">
            {summaries.map((s) => (
              <tr key={s.group.runIds.join(' ')} data-testid="run-summary">
                <td />
                <th scope="row">mean ± sd</th>
                <td className="run-settings">
                  {s.settings}
                  {s.verdict ? (
                    <div className="run-verdict" data-testid="run-verdict">
                      {s.verdict}
                    </div>
                  ) : null}
                </td>
                <td data-testid="run-summary-accuracy">
                  <SpreadText text={s.accuracy} />
                </td>
                <td>{s.macroF1}</td>
                <td>{s.energy}</td>
                <td colSpan={2} />
              </tr>
            ))}
          </tbody>
        ) : null}
      </table>
      </div>
    </div>
  );
}
