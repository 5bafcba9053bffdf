import type { RunController } from '../runController.ts';
import { useStore } from '../store/index.ts';
import { resultsStale } from '../store/runSlice.ts';
import { PrecisionControl } from './PrecisionControl.tsx';

/** Spike counts and firing rates per layer, run time and engine, and how the currents were summed. */
export function MetricsPanel({ controller }: { controller: RunController }) {
  const summary = useStore((s) => s.summary);
  const error = useStore((s) => s.error);
  const stale = useStore(resultsStale);
  if (!summary) return <section className="panel">{error ? <div role="alert">{error}</div> : 'Simulating…'}</section>;
  const durationS = (summary.steps * summary.dtMs) / 1000;
  return (
    <section className="panel" aria-label="Metrics" data-stale={stale}>
      <h2>Metrics{stale ? <span className="stale-tag"> · previous network</span> : null}</h2>
      <table className="metrics">
        <thead>
          <tr>
            <th>layer</th>
            <th>neurons</th>
            <th>spikes</th>
            <th>rate (Hz)</th>
          </tr>
        </thead>
        <tbody>
          {summary.layers.map((l) => (
            <tr key={l.name}>
              <td>{l.name}</td>
              <td>{l.neurons}</td>
              <td data-testid={`spikes-${l.name}`}>{l.spikeCount}</td>
              <td>{(l.spikeCount / l.neurons / durationS).toFixed(1)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>
        total <b data-testid="total-spikes">{summary.totalSpikes}</b> spikes in {durationS} s ({summary.steps} steps of {Number(summary.dtMs.toFixed(3))} ms)
      </p>
      <p>
        {summary.engine.name}: {summary.elapsedMs} ms
      </p>
      <PrecisionControl controller={controller} />
      {error ? (
        <div className="error" role="alert">
          {error}
        </div>
      ) : null}
    </section>
  );
}
