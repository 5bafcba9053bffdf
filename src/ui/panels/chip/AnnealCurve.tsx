import { useRef } from 'react';
import { annealCsv } from '../../viz/export/chipTables.ts';
import { PanelExport } from '../../viz/export/PanelExport.tsx';
import { scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';
import { formatCount } from '../../../core/format/engineering.ts';
import { useStore } from '../../store/index.ts';
import { useMappingResult, usePreviousMapping } from './chipState.ts';

const W = 280;
const H = 110;
const M = { left: 40, right: 6, top: 8, bottom: 16 };

/** The annealer's objective per temperature step; the previous seed's curve (same chip) in grey for comparison. */
export function AnnealCurve() {
  const r = useMappingResult();
  const panel = useRef<HTMLElement>(null);
  const prev = usePreviousMapping();
  const ref = useStore((s) => s.mapping);
  const prevRef = useStore((s) => s.previousMapping);
  if (!r) return null;
  if (r.architecture !== 'mesh' || r.annealCurve.length === 0)
    return (
      <section className="panel" aria-label="Annealer">
        <h2>Placement</h2>
        <p className="hint" data-testid="anneal-none">
          {r.architecture === 'mesh' ? 'nothing to anneal: one core' : 'placement is fixed on this chip: no annealing'}
        </p>
      </section>
    );
  const other = prev && prevRef && ref && prev.chip === r.chip && prevRef.seed !== ref.seed && prev.annealCurve.length > 0 ? prev.annealCurve : undefined;
  const all = [...r.annealCurve, ...(other ?? [])];
  const n = Math.max(r.annealCurve.length, other?.length ?? 0);
  const x = scaleLinear().domain([0, Math.max(1, n - 1)]).range([M.left, W - M.right]);
  const y = scaleLinear().domain([Math.min(...all), Math.max(...all)]).nice().range([H - M.bottom, M.top]);
  const path = (v: readonly number[]) => line<number>().x((_, i) => x(i)).y((d) => y(d))(v as number[]) ?? '';
  const first = r.annealCurve[0] ?? 0;
  const last = r.annealCurve[r.annealCurve.length - 1] ?? 0;
  const [y0, y1] = y.domain() as [number, number];
  return (
    <section className="panel has-export" aria-label="Annealer" ref={panel}>
      <PanelExport plot="chip-anneal" panel={panel} title="Annealer cost per temperature step" engine="chip" csv={() => annealCsv(r.annealCurve, ref?.seed ?? 0, other && prevRef ? { seed: prevRef.seed, curve: other } : undefined)} />
      <h2>Annealer cost</h2>
      <svg width={W} height={H} role="img" aria-label={`annealer objective over ${r.annealCurve.length} temperature steps`}>
        <text x={M.left - 3} y={M.top + 4} textAnchor="end" className="axis-unit">{formatCount(y1)}</text>
        <text x={M.left - 3} y={H - M.bottom} textAnchor="end" className="axis-unit">{formatCount(y0)}</text>
        <text x={W - M.right} y={H - 3} textAnchor="end" className="axis-unit">temperature step →</text>
        <line x1={M.left} x2={W - M.right} y1={H - M.bottom} y2={H - M.bottom} stroke="#bbb" />
        {other ? <path d={path(other)} fill="none" stroke="#aaa" strokeDasharray="3 2" strokeWidth={1.2} data-testid="anneal-curve-previous" /> : null}
        <path d={path(r.annealCurve)} fill="none" stroke="#0072B2" strokeWidth={1.6} data-testid="anneal-curve" data-points={r.annealCurve.length} />
      </svg>
      <p className="hint" data-testid="anneal-summary">
        seed {ref?.seed}: {formatCount(first)} → {formatCount(last)} ({first > 0 ? `${(100 * (last / first - 1)).toFixed(1)} %` : '—'})
        {other && prevRef ? `; seed ${prevRef.seed} dashed` : ''}
      </p>
    </section>
  );
}
