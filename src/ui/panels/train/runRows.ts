import type { RunRecord, RunSettings } from '../../../core/spec/runRecord.ts';
import { differingSettings } from '../../../core/train/runSettings.ts';
import { runGroups, verdictWords, type RunGroup } from '../../../core/train/runSummary.ts';
import { formatPercentSpread, type Spread } from '../../../core/train/seedSummary.ts';

/** SI prefixes for energies per inference: the table shows 3 significant digits in the fitting one. */
const ENERGY_UNITS: readonly (readonly [number, string])[] = [
  [1, 'J'],
  [1e-3, 'mJ'],
  [1e-6, 'µJ'],
  [1e-9, 'nJ'],
  [1e-12, 'pJ'],
];

/** The unit `joules` reads best in: the largest not above it (pJ for anything smaller). */
function energyUnit(joules: number): readonly [number, string] {
  return ENERGY_UNITS.find(([f]) => Math.abs(joules) >= f) ?? ENERGY_UNITS[ENERGY_UNITS.length - 1] ?? [1, 'J'];
}

/** "4.21 µJ". */
export function formatEnergy(joules: number): string {
  const [f, unit] = energyUnit(joules);
  return `${Number((joules / f).toPrecision(3))} ${unit}`;
}

/** "4.21 ± 0.12 µJ": mean and sd in the mean's unit. */
export function formatEnergySpread(s: Spread): string {
  const [f, unit] = energyUnit(s.mean);
  return `${Number((s.mean / f).toPrecision(3))} ± ${Number((s.sd / f).toPrecision(2))} ${unit}`;
}

/** One run as the table shows it. */
export interface RunRow {
  readonly run: RunRecord;
  /** "as now", or the settings that differ: "epochs 8 (now 4), lr 0.01 (now 0.002)". */
  readonly settings: string;
  readonly accuracy: string;
  readonly macroF1: string;
  readonly energy: string;
  /** Why the energy is missing, when it is. */
  readonly energyNote?: string;
}

/** The settings text of a run or group: "as now" when nothing differs. */
export function settingsText(differs: readonly string[]): string {
  return differs.length === 0 ? 'as now' : differs.join(', ');
}

/** The rows of the runs table, newest first. */
export function runRows(runs: readonly RunRecord[], now: RunSettings | undefined): RunRow[] {
  return [...runs].reverse().map((run) => ({
    run,
    settings: settingsText(differingSettings(run.settings, now)) + (run.stopped ? `; stopped (epoch ${run.bestEpoch} kept)` : ''),
    accuracy: `${(100 * run.testAccuracy).toFixed(1)} %`,
    macroF1: run.macroF1.toFixed(3),
    energy: run.energy.joules === null ? '–' : formatEnergy(run.energy.joules),
    ...(run.energy.joules === null ? { energyNote: `not mapped on ${run.energy.chip}: ${run.energy.reason ?? 'no reason given'}` } : {}),
  }));
}

/** A mean ± sd row of the runs table: one settings group. */
export interface SummaryRow {
  readonly group: RunGroup;
  readonly settings: string;
  readonly accuracy: string;
  readonly macroF1: string;
  readonly energy: string;
  /** "within the spread of as now", "higher than epochs 8 (now 4)": absent on the reference group. */
  readonly verdict?: string;
}

/** The summary rows: one per group of two or more runs with the same settings, the reference first. */
export function summaryRows(runs: readonly RunRecord[], now: RunSettings | undefined): SummaryRow[] {
  const groups = runGroups(runs, now);
  const reference = groups[0];
  return groups.map((g) => ({
    group: g,
    settings: settingsText(g.differs),
    accuracy: formatPercentSpread(g.accuracy),
    macroF1: `${g.macroF1.mean.toFixed(3)} ± ${g.macroF1.sd.toFixed(3)}`,
    energy: g.energyJ ? formatEnergySpread(g.energyJ) : '–',
    ...(g.versusReference && reference ? { verdict: `accuracy ${verdictWords(g.versusReference)} ${settingsText(reference.differs)}` } : {}),
  }));
}
