import type { MappingResult } from '../../../core/hardware/mappingTypes.ts';
import { formatCount } from '../../../core/format/engineering.ts';
import { bindingRatio } from '../../viz/mapping/coreColours.ts';
import { useMappingResult } from './chipState.ts';

/** Mean and largest binding utilisation over the used cores. */
export function utilisationStats(r: MappingResult): { mean: number; max: number } {
  if (r.cores.length === 0) return { mean: 0, max: 0 };
  let sum = 0;
  let max = 0;
  for (const c of r.cores) {
    const u = bindingRatio(c);
    sum += u;
    max = Math.max(max, u);
  }
  return { mean: sum / r.cores.length, max };
}

const pct = (u: number) => `${(100 * u).toFixed(1)} %`;
const beforeAfter = (a: number, b: number) => `${formatCount(a)} → ${formatCount(b)}`;

/** Totals of the mapping: cores and chips, neurons, operations, traffic before and after placement. */
export function MappingTotals() {
  const r = useMappingResult();
  if (!r) return null;
  const u = utilisationStats(r);
  const placed = r.architecture === 'mesh';
  const rows: [string, string, string?][] = [
    ['cores used', `${formatCount(r.coresUsed)} / ${formatCount(r.coresPerChip * Math.max(1, r.chipsUsed))}`, 'cores-used'],
    ['chips', formatCount(r.chipsUsed), 'chips-used'],
    ['binding utilisation, mean (max)', `${pct(u.mean)} (${pct(u.max)})`, 'utilisation-mean'],
    ['neurons', formatCount(r.cores.reduce((a, c) => a + c.neurons, 0)), 'mapped-neurons'],
    ['synaptic ops / inference', formatCount(r.counts.synOps), 'syn-ops'],
    ['packets / inference', formatCount(r.counts.packets), 'packets'],
    ['packets: greedy → refined partition', beforeAfter(r.packetsGreedy, r.packetsRefined)],
    ['traffic × hops: start → annealed', placed ? beforeAfter(r.trafficHopsInitial, r.trafficHopsFinal) : `${formatCount(r.trafficHopsFinal)} (fixed routing)`, 'traffic-hops'],
    ['busiest link: start → annealed', placed ? beforeAfter(r.maxLinkLoadInitial, r.maxLinkLoadFinal) : '—', 'max-link-load'],
    ['splitter neurons', formatCount(r.splitterNeurons), 'splitters'],
    ['steps / inference', formatCount(r.steps)],
  ];
  return (
    <section className="panel" aria-label="Mapping totals">
      <h2>Totals</h2>
      <table className="metrics totals">
        <tbody>
          {rows.map(([label, value, testId]) => (
            <tr key={label}>
              <td>{label}</td>
              <td {...(testId ? { 'data-testid': testId } : {})}>{value}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {r.notes.length > 0 ? (
        <ul className="notes">
          {r.notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      ) : null}
      <p className="hint" title={Object.entries(r.timingsMs).map(([k, v]) => `${k} ${v} ms`).join(', ')}>
        mapped in {r.timingsMs['total'] ?? '?'} ms (worker)
      </p>
    </section>
  );
}
