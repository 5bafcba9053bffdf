import { formatCount, formatEngineering } from '../../../core/format/engineering.ts';
import type { StudyRow, StudyStage } from '../../../core/study/studyTypes.ts';

/** A number column of the comparison: the StudyRow field it shows, its heading with the unit, and how. */
export interface StudyColumn {
  readonly key: keyof StudyRow & string;
  readonly label: string;
  /** What the heading's tooltip explains. */
  readonly title: string;
  /** The cell's text; '—' when the value is missing. */
  readonly format: (row: StudyRow) => string;
}

const missing = (v: number | null, f: (x: number) => string): string => (v === null || !Number.isFinite(v) ? '—' : f(v));

/** Model size in kB (1 kB = 8000 bits), 3 significant digits: 65 536 bits → "8.19 kB". */
export function formatModelSize(bits: number): string {
  return `${Number((bits / 8000).toPrecision(3))} kB`;
}

/**
 * The comparison's number columns, in the order of `spikelab study --json` (issue 21): the one
 * list the table's header, its cells and its CSV read. Accuracy is a percentage, counts are per
 * inference, energy and latency in engineering units.
 */
export const STUDY_COLUMNS: readonly StudyColumn[] = [
  { key: 'accuracy', label: 'accuracy', title: 'test accuracy, %', format: (r) => missing(r.accuracy, (a) => `${(100 * a).toFixed(1)} %`) },
  { key: 'macro_f1', label: 'macro-F1', title: 'F1 averaged over the classes, 0–1', format: (r) => missing(r.macro_f1, (f) => f.toFixed(3)) },
  { key: 'spikes_per_inference', label: 'spikes / inf.', title: 'spikes of the spiking layers per test sample (0 for an ANN)', format: (r) => missing(r.spikes_per_inference, formatCount) },
  { key: 'synaptic_ops', label: 'synaptic ops', title: 'effective synaptic operations per test sample (accumulates + multiply-accumulates)', format: (r) => missing(r.synaptic_ops, formatCount) },
  { key: 'weight_reads', label: 'weight reads', title: 'weight-memory reads per test sample on a time-stepped core', format: (r) => missing(r.weight_reads, formatCount) },
  { key: 'model_bits', label: 'model size', title: 'stored weights at their trained bit width, kB (8000 bits)', format: (r) => missing(r.model_bits, formatModelSize) },
  { key: 'device', label: 'device', title: 'where energy and latency are costed: the chip the paper targets, or an ANN device', format: (r) => r.device },
  { key: 'energy_per_inference_j', label: 'energy / inf.', title: 'energy per inference on the device', format: (r) => missing(r.energy_per_inference_j, (j) => formatEngineering(j, 'J')) },
  {
    key: 'dynamic_energy_j',
    label: 'dynamic / inf.',
    title: "the energy less the chip's static power over the inference: what the network's work costs (on a chip idling between real-time inferences, leakage is most of the total)",
    format: (r) => missing(r.dynamic_energy_j, (j) => formatEngineering(j, 'J')),
  },
  {
    key: 'energy_range_j',
    label: 'checked range',
    title: "the energy as the range the energy model's check allows on this chip (spikelab energy-check's worst held-out factor); — for an ANN device or an unchecked chip",
    format: (r) => (r.energy_range_j === null ? '—' : `${formatEngineering(r.energy_range_j[0], 'J')} – ${formatEngineering(r.energy_range_j[1], 'J')}`),
  },
  { key: 'gops_per_w', label: 'GOp/s/W', title: "synaptic operations per second per watt on the chip, G (the mapper's efficiency); — on an ANN device", format: (r) => missing(r.gops_per_w, (g) => (g >= 100 ? formatCount(g) : String(Number(g.toPrecision(3))))) },
  { key: 'latency_s', label: 'latency', title: 'latency per inference on the device', format: (r) => missing(r.latency_s, (s) => formatEngineering(s, 's')) },
];

/** An ANN row's figures on the other ANN devices: "on raspberry-pi-4: 910 µJ, 12.0 ms". */
export function otherDevicesText(row: StudyRow): string | null {
  if (row.other_devices.length === 0) return null;
  return row.other_devices.map((d) => `on ${d.device}: ${formatEngineering(d.energy_per_inference_j, 'J')}${d.latency_s === null ? '' : `, ${formatEngineering(d.latency_s, 's')}`}`).join('; ');
}

/** A task's rows as the table groups them: the systems first, then the baselines, each in the study's order. */
export function rowsOfTask(rows: readonly StudyRow[], task: string): StudyRow[] {
  const mine = rows.filter((r) => r.task === task);
  return [...mine.filter((r) => r.role === 'system'), ...mine.filter((r) => r.role === 'baseline')];
}

/**
 * How many times less energy a system uses than a baseline on the same task ("24×"), for the
 * sentence beside the paper's claimed ratio; null when either is not costed.
 */
export function energyRatio(system: StudyRow, baseline: StudyRow): number | null {
  const a = system.energy_per_inference_j;
  const b = baseline.energy_per_inference_j;
  return a === null || b === null || a <= 0 ? null : b / a;
}

/** "24×", "1.3×": two significant digits below 10, whole numbers above. */
export function formatRatio(ratio: number): string {
  // toPrecision keeps "1.0×": a ratio of 1.04 is not "1×" (no difference at all).
  return `${ratio >= 10 ? Math.round(ratio).toString() : ratio.toPrecision(2)}×`;
}

/** "26× less energy than", or for a system that uses more, "62× more energy than". */
export function ratioWords(ratio: number): string {
  return ratio >= 1 ? `${formatRatio(ratio)} less energy than` : `${formatRatio(1 / ratio)} more energy than`;
}

/** Mean power in mW, 3 significant digits, thousands grouped: 0.0123 W → "12.3 mW", 10 W → "10 000 mW". */
export function formatMilliwatts(watts: number): string {
  const mw = Number((1000 * watts).toPrecision(3));
  return `${mw >= 1000 ? formatCount(mw) : String(mw)} mW`;
}

/** The power column: only in a result where some row has a mean power (a split system's). */
export const POWER_COLUMN: StudyColumn = {
  key: 'power_w',
  label: 'power',
  title: 'mean power over an inference (energy ÷ latency), mW',
  format: (r) => (r.power_w === undefined ? '—' : missing(r.power_w, formatMilliwatts)),
};

/** The columns of a result's table: STUDY_COLUMNS, and the power column when any row has a power. */
export function columnsFor(rows: readonly StudyRow[]): readonly StudyColumn[] {
  return rows.some((r) => r.power_w !== undefined) ? [...STUDY_COLUMNS, POWER_COLUMN] : STUDY_COLUMNS;
}

/** A cell's raw value as the table's `data-value` carries it: '' for a missing one, a range as "lo hi". */
export function cellValue(row: StudyRow, column: StudyColumn): string {
  const v = row[column.key];
  return v === null || v === undefined ? '' : Array.isArray(v) ? v.join(' ') : String(v);
}

/** A split system's disclosure line, the stages in order (their devices are in the table it opens): "3 stages: SNN → transfer → ANN". */
export function stagesSummary(stages: readonly StudyStage[]): string {
  return `${stages.length} stage${stages.length === 1 ? '' : 's'}: ${stages.map((s) => s.stage).join(' → ')}`;
}
