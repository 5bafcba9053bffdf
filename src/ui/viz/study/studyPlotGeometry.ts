import { formatEngineering } from '../../../core/format/engineering.ts';
import type { StudyCurvePoint, StudyRow } from '../../../core/study/studyTypes.ts';

/** A point of the accuracy–energy plot: a row of the comparison or a point of a sweep. */
export interface EnergyPoint {
  readonly label: string;
  readonly accuracy: number;
  readonly energyJ: number;
}

/**
 * The energy axis's domain: whole decades around every energy, so a log axis has its ticks at
 * 10^k and points never sit on the frame. One decade when all energies are equal (or only one).
 * Undefined without any energy (nothing to draw).
 */
export function energyDecades(energies: readonly number[]): readonly [number, number] | undefined {
  const positive = energies.filter((e) => Number.isFinite(e) && e > 0);
  if (positive.length === 0) return undefined;
  const lo = Math.floor(Math.log10(Math.min(...positive)));
  const hi = Math.ceil(Math.log10(Math.max(...positive)));
  return [10 ** lo, 10 ** (hi > lo ? hi : lo + 1)];
}

/**
 * The accuracy axis's domain, in 0…1: 5-point steps with at least half a step of room above the
 * best and below the worst accuracy (a point never sits on the frame), at least 10 points wide.
 */
export function accuracyDomain(accuracies: readonly number[]): readonly [number, number] {
  const finite = accuracies.filter(Number.isFinite);
  if (finite.length === 0) return [0, 1];
  let lo = Math.max(0, Math.ceil(Math.min(...finite) * 20 - 1e-9) / 20 - 0.05);
  const hi = Math.min(1, Math.floor(Math.max(...finite) * 20 + 1e-9) / 20 + 0.05);
  if (hi - lo < 0.1 - 1e-9) lo = Math.max(0, hi - 0.1);
  return [lo, hi];
}

/** A decade tick of the energy axis: "100 nJ", "1 µJ", "10 µJ". */
export function formatDecade(joules: number): string {
  return formatEngineering(joules, 'J', 3).replace(/\.0+ /, ' ');
}

/** The rows a device could cost, as plot points; rows without an energy are listed apart (they cannot sit on a log axis). */
export function rowPoints(rows: readonly StudyRow[]): { readonly points: EnergyPoint[]; readonly uncosted: readonly string[] } {
  const points: EnergyPoint[] = [];
  const uncosted: string[] = [];
  for (const r of rows) {
    if (r.energy_per_inference_j !== null && r.energy_per_inference_j > 0) points.push({ label: r.system, accuracy: r.accuracy, energyJ: r.energy_per_inference_j });
    else uncosted.push(r.system);
  }
  return { points, uncosted };
}

/**
 * The line through a sweep's Pareto front: its points flagged `pareto` (runStudy marks them), by
 * increasing energy, so the line runs from the cheapest to the most accurate.
 */
export function paretoLine(points: readonly StudyCurvePoint[]): { readonly accuracy: number; readonly energyJ: number }[] {
  return points
    .filter((p): p is StudyCurvePoint & { energy_per_inference_j: number } => p.pareto && p.energy_per_inference_j !== null && p.energy_per_inference_j > 0)
    .map((p) => ({ accuracy: p.accuracy, energyJ: p.energy_per_inference_j }))
    .sort((a, b) => a.energyJ - b.energyJ || a.accuracy - b.accuracy);
}

/** The sweep's points in knob order with an energy, for the curve through all of them. */
export function sweepLine(points: readonly StudyCurvePoint[]): { readonly value: number; readonly accuracy: number; readonly energyJ: number; readonly pareto: boolean }[] {
  return points
    .filter((p): p is StudyCurvePoint & { energy_per_inference_j: number } => p.energy_per_inference_j !== null && p.energy_per_inference_j > 0)
    .map((p) => ({ value: p.value, accuracy: p.accuracy, energyJ: p.energy_per_inference_j, pareto: p.pareto }))
    .sort((a, b) => a.value - b.value);
}

/**
 * Where a point's label goes: right of the point, unless that runs past the plot's right edge
 * (then left of it, anchored at its end). `charPx` is the label font's average advance.
 */
export function labelSide(x: number, label: string, right: number, charPx = 6): 'start' | 'end' {
  return x + 6 + label.length * charPx > right ? 'end' : 'start';
}
