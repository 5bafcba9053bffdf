import { useState } from 'react';
import type { SpikeFlips } from '../../core/engine/precisionFlips.ts';
import { DEFAULT_PRECISION, isSumPrecision, SUM_PRECISION_NAMES, SUM_PRECISIONS } from '../../core/spec/precision.ts';
import type { RunController } from '../runController.ts';
import { useStore } from '../store/index.ts';

/**
 * How dense currents are summed (core/spec/precision.ts). When float32 sums are on, the header says
 * so, and one click measures the spikes of the run on screen that differ from float64 sums.
 */
export function PrecisionControl({ controller }: { controller: RunController }) {
  const precision = useStore((s) => s.workspace?.simulation.precision) ?? DEFAULT_PRECISION;
  const artifactId = useStore((s) => s.summary?.artifactId);
  const status = useStore((s) => s.status);
  const engine = useStore((s) => s.workspace?.simulation.engine);
  // A test sample picked in the training panel is on screen: the comparison re-runs the workspace's own input.
  const sampleShown = useStore((s) => s.summary?.caption !== undefined);
  const [compared, setCompared] = useState<{ readonly of: string; readonly flips?: SpikeFlips; readonly error?: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const { edit } = useStore.getState();
  const shown = compared && compared.of === artifactId ? compared : null;
  const compare = () => {
    const of = artifactId;
    if (!of) return;
    setBusy(true);
    controller.compareWithFloat64().then(
      (flips) => setCompared({ of, flips }),
      (e: unknown) => setCompared({ of, error: e instanceof Error ? e.message : String(e) }),
    ).finally(() => setBusy(false));
  };
  return (
    <div className="precision">
      <label>
        sums{' '}
        <select
          data-testid="precision-select"
          value={precision}
          title={SUM_PRECISIONS[precision].description}
          onChange={(e) => {
            const next = e.target.value;
            if (!isSumPrecision(next)) return;
            edit('sum precision', (d) => {
              const sim = d['simulation'] as Record<string, unknown>;
              if (next === DEFAULT_PRECISION) delete sim['precision'];
              else sim['precision'] = next;
            });
          }}
        >
          {SUM_PRECISION_NAMES.map((p) => (
            <option key={p} value={p}>
              {SUM_PRECISIONS[p].label}
            </option>
          ))}
        </select>
      </label>
      {precision === 'float32' ? (
        <span className="precision-badge" data-testid="precision-badge" role="status">
          float32{' '}
          {engine === 'tfjs' ? (
            <span data-testid="precision-flips">· tfjs sums in float32, in its own order, in either mode</span>
          ) : shown?.flips ? (
            <span data-testid="precision-flips" title={`${shown.flips.perMillion.toFixed(1)} per million spikes of the float64 run`}>
              · {shown.flips.flipped.toLocaleString('en-US')} of {shown.flips.reference.toLocaleString('en-US')} spikes differ from float64
            </span>
          ) : shown?.error ? (
            <span data-testid="precision-flips" className="precision-error">
              · {shown.error}
            </span>
          ) : (
            <button
              type="button"
              data-testid="precision-compare"
              title={sampleShown ? 'A test sample is shown: run the workspace again to compare its own input' : 'Run this workspace with float64 sums too and count the spikes that differ'}
              disabled={busy || status !== 'done' || !artifactId || sampleShown}
              onClick={compare}
            >
              {busy ? 'Comparing…' : 'vs float64?'}
            </button>
          )}
        </span>
      ) : null}
    </div>
  );
}
