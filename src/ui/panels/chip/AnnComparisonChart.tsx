import { useRef } from 'react';
import { annCsv } from '../../viz/export/chipTables.ts';
import { PanelExport } from '../../viz/export/PanelExport.tsx';
import { formatCount, formatEngineering } from '../../../core/format/engineering.ts';
import { BarChart } from './BarChart.tsx';
import { useMappingResult } from './chipState.ts';

const joules = (v: number) => formatEngineering(v, 'J');

/** How many times cheaper the chip is (ratio > 1) or dearer, in words. */
export function ratioText(ratio: number): string {
  if (!Number.isFinite(ratio) || ratio <= 0) return '—';
  return ratio >= 1 ? `chip ${ratio.toPrecision(3)}× less` : `chip ${(1 / ratio).toPrecision(3)}× more`;
}

/**
 * The SNN on the chip against its ReLU twin on conventional devices: energy per inference on a
 * log scale, the ratio, and each device figure's status and source (hover a bar).
 */
export function AnnComparisonChart() {
  const r = useMappingResult();
  const panel = useRef<HTMLElement>(null);
  if (!r || r.ann.devices.length === 0) return null;
  const bars = [
    { label: `SNN on ${r.chip}`, value: r.energyPerInferenceJ, colour: '#009E73', title: 'this mapping' },
    ...r.ann.devices.map((d) => ({ label: d.id, value: d.energyJ, colour: '#E69F00', title: `${d.name}: ${formatEngineering(d.pJPerMac * 1e-12, 'J')}/MAC [${d.status}] ${d.source}` })),
  ];
  return (
    <section className="panel has-export" aria-label="SNN against ANN" ref={panel}>
      <PanelExport plot="chip-ann" panel={panel} title="Energy per inference: SNN on the chip vs ANN twin (log scale)" engine="chip" csv={() => annCsv(r)} />
      <h2>SNN vs ANN twin</h2>
      <BarChart bars={bars} format={joules} log testId="ann-chart" label="energy per inference: the SNN on the chip and the ANN twin on each device (log scale)" />
      <table className="metrics ann-table">
        <tbody>
          {r.ann.devices.map((d) => (
            <tr key={d.id} title={d.source}>
              <td>{d.name}</td>
              <td data-testid={`ann-ratio-${d.id}`}>{ratioText(d.ratio)}</td>
              <td>
                <span className={`badge status-${d.status}`}>{d.status}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="hint">
        ANN: {formatCount(r.ann.macsPerPass)} MACs × {formatCount(r.ann.passes)} pass{r.ann.passes === 1 ? '' : 'es'}; log scale
      </p>
    </section>
  );
}
