import { formatEngineering as formatSi } from '../core/format/engineering.ts';
import type { StudyRowSpread } from '../core/study/studySeeds.ts';
import type { StudyResult, StudyRow } from '../core/study/studyTypes.ts';
import { formatPercentSpread } from '../core/train/seedSummary.ts';
import type { CliIo } from './io.ts';
import { printOffloadAndIncremental, printStages } from './studyExtrasText.ts';

const COLUMNS = ['system', 'role', 'accuracy', 'macro-F1', 'spikes/inf', 'syn. ops', 'weight reads', 'model', 'device', 'energy/inference', 'dynamic', 'latency'] as const;
const WIDTHS = [28, 9, 9, 9, 11, 10, 13, 10, 13, 30, 10, 10];

function line(cells: readonly string[]): string {
  return cells.map((c, i) => (i < 2 || i === 8 ? c.slice(0, (WIDTHS[i] ?? 10) - 1).padEnd(WIDTHS[i] ?? 10) : c.padStart(WIDTHS[i] ?? 10) + ' ')).join('');
}

/** Energy with the range its model's check allows: "2.10 µJ (1.71–2.58)". */
function energyCell(r: StudyRow): string {
  if (r.energy_per_inference_j === null) return 'not costed';
  const e = formatSi(r.energy_per_inference_j, 'J');
  return r.energy_range_j ? `${e} (${formatSi(r.energy_range_j[0], 'J')}–${formatSi(r.energy_range_j[1], 'J')})` : e;
}

function rowCells(r: StudyRow): string[] {
  return [
    r.system,
    r.role,
    `${(100 * r.accuracy).toFixed(1)} %`,
    r.macro_f1.toFixed(3),
    r.spikes_per_inference.toFixed(1),
    r.synaptic_ops.toExponential(2),
    r.weight_reads.toExponential(2),
    formatSi(r.model_bits / 8, 'B'),
    r.device,
    energyCell(r),
    r.dynamic_energy_j === null ? '—' : formatSi(r.dynamic_energy_j, 'J'),
    r.latency_s === null ? '—' : formatSi(r.latency_s, 's'),
  ];
}

function printClaimsAndCurves(s: StudyResult, io: CliIo): void {
  io.out('\nthe paper\'s claims (on its own hardware and data; not measured here):');
  for (const c of s.claims) io.out(`  ${c.metric}: ${c.value}   [${c.source}]`);
  for (const c of s.curves) {
    io.out(`\n${c.label} (${c.task}, ${c.device}): ${c.knob} → accuracy, energy per inference; * = on the Pareto front`);
    for (const p of c.points) io.out(`  ${c.knob} ${String(p.value).padEnd(8)} ${(100 * p.accuracy).toFixed(1).padStart(6)} %  ${p.energy_per_inference_j === null ? 'not costed' : formatSi(p.energy_per_inference_j, 'J')}${p.pareto ? '  *' : ''}`);
  }
}

/** The comparison as text: per task its data, a table, the notes; then the claims and curves. */
export function printStudy(s: StudyResult, about: string, io: CliIo): void {
  io.out(`${s.title} (seed ${s.seed})\n${about}`);
  for (const t of s.tasks) {
    io.out(`\n${t.label} — data: ${t.data}${t.note ? `\n  ${t.note}` : ''}`);
    io.out(line(COLUMNS));
    const rows = s.rows.filter((r) => r.task === t.id);
    for (const r of rows) io.out(line(rowCells(r)));
    for (const r of rows) {
      if (r.gops_per_w !== null) io.out(`  ${r.system}: ${formatSi(r.gops_per_w * 1e9, 'Op/s/W')} (synaptic ops) on ${r.device}`);
      if (r.other_devices.length > 0) io.out(`  ${r.system} on the other ANN devices: ${r.other_devices.map((d) => `${d.device} ${formatSi(d.energy_per_inference_j, 'J')}${d.latency_s === null ? '' : `, ${formatSi(d.latency_s, 's')}`}`).join('; ')}`);
      printStages(r, io);
      for (const n of r.notes) io.out(`  ${r.system}: ${n}`);
    }
  }
  printClaimsAndCurves(s, io);
  printOffloadAndIncremental(s, io);
}

/** Several seeds: each system's accuracy and energy as mean ± sd (range) over the seeds. */
export function printStudySpread(first: StudyResult, spread: readonly StudyRowSpread[], io: CliIo): void {
  io.out(`${first.title}: ${spread[0]?.seeds.length ?? 0} seeds (${spread[0]?.seeds.join(', ') ?? ''})`);
  for (const r of spread) {
    const acc = r.spread['accuracy'];
    const e = r.spread['energy_per_inference_j'];
    io.out(`  ${r.task} / ${r.system} (${r.role}, ${r.device}): accuracy ${acc ? formatPercentSpread(acc) : '—'}; energy ${e ? `${formatSi(e.mean, 'J')} ± ${formatSi(e.sd, 'J')}` : 'not costed'}`);
  }
  printClaimsAndCurves(first, io);
}
