import { formatEngineering as formatSi } from '../core/format/engineering.ts';
import { offloadSummary } from '../core/study/offload.ts';
import type { StudyResult, StudyRow } from '../core/study/studyTypes.ts';
import type { CliIo } from './io.ts';

const pct = (x: number) => `${(100 * x).toFixed(1)} %`;
const signedPct = (x: number) => `${x >= 0 ? '+' : '−'}${Math.abs(100 * x).toFixed(1)} %`;

/** A split system's stages, one line each, and its power. */
export function printStages(r: StudyRow, io: CliIo): void {
  if (!r.stages) return;
  for (const s of r.stages) io.out(`  ${r.system} · ${s.stage} (${s.device}): ${s.energy_j === null ? '—' : formatSi(s.energy_j, 'J')}, ${s.latency_s === null ? '—' : formatSi(s.latency_s, 's')} — ${s.detail}`);
  if (r.power_w !== undefined) io.out(`  ${r.system}: ${formatSi(r.power_w, 'W')} mean power over the pipeline's latency`);
}

/** Offload curves (every 0.1 of the threshold), the summary beside the paper's claims, and on-device learning. */
export function printOffloadAndIncremental(s: StudyResult, io: CliIo): void {
  for (const d of s.offload ?? []) {
    const link = d.link;
    io.out(`\noffloading on ${d.task}: '${d.edge}' answers, samples under the threshold go to '${d.cloud}' (${d.cloud_device}) over ${formatSi(link.bandwidthBitsPerS, 'bit/s')}, ${formatSi(link.latencyS, 's')} round trip, ${formatSi(link.energyPerBitJ, 'J')}/bit; ${d.bits_per_sample} bits per sample`);
    io.out('  threshold  offloaded  accuracy  edge energy  latency');
    for (const p of (s.offload_curve ?? []).filter((x) => x.task === d.task && Math.abs(x.threshold * 10 - Math.round(x.threshold * 10)) < 1e-9)) {
      io.out(`  ${p.threshold.toFixed(2).padStart(9)}  ${pct(p.offloaded).padStart(9)}  ${pct(p.accuracy).padStart(8)}  ${formatSi(p.edge_energy_j, 'J').padStart(11)}  ${formatSi(p.latency_s, 's').padStart(7)}`);
    }
    const sum = offloadSummary(d);
    io.out(`  at threshold ${sum.threshold}: accuracy ${sum.accuracy_gain_points >= 0 ? '+' : '−'}${Math.abs(sum.accuracy_gain_points).toFixed(2)} points over '${d.edge_alone}'; edge energy ${signedPct(sum.edge_energy_change)} and latency ${signedPct(sum.latency_change)} against sending everything to the cloud (the paper: +4.15 %, −79.4 %, −39.1 % on average)`);
  }
  const inc = s.incremental ?? [];
  if (inc.length > 0) io.out('\non-device learning of a new class (accuracy on its test samples; old classes before → after):');
  for (const r of inc) {
    io.out(`  ${r.task} / ${r.system}, ${r.method === 'replay' ? `replay of ${r.replay_per_class} per old class` : 'fine-tuning without replay'}: new class '${r.new_class}' from ${r.shots} examples ${pct(r.new_class_accuracy)}; old classes ${pct(r.old_accuracy_before)} → ${pct(r.old_accuracy_after)} (forgetting ${(100 * r.forgetting).toFixed(1)} points)`);
  }
}
