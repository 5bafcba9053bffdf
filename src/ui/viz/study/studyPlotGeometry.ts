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

/** Where a point's label is drawn: its text position (px) and the side it reads from. */
export interface PlacedLabel {
  readonly x: number;
  readonly y: number;
  readonly anchor: 'start' | 'end';
}

/** The candidate spots for a label around its point, nearest first: right or left, above, level, below. */
const SPOTS: readonly { readonly dx: number; readonly dy: number; readonly anchor: 'start' | 'end' }[] = [
  { dx: 6, dy: -5, anchor: 'start' },
  { dx: -6, dy: -5, anchor: 'end' },
  { dx: 6, dy: 9, anchor: 'start' },
  { dx: -6, dy: 9, anchor: 'end' },
  { dx: 6, dy: -16, anchor: 'start' },
  { dx: -6, dy: -16, anchor: 'end' },
  { dx: 6, dy: 20, anchor: 'start' },
  { dx: -6, dy: 20, anchor: 'end' },
];

/**
 * Places point labels so that they overlap neither each other nor the points, nor run past the
 * plot's right or left edge: each label takes the first free spot around its point (SPOTS), in the order given; a
 * label with no free spot takes its first spot that stays inside. `charPx` is the font's average
 * advance, `lineH` the label's height (px). The returned `y` is the text's baseline.
 */
export function placeLabels(points: readonly { readonly x: number; readonly y: number; readonly label: string }[], bounds: { readonly left: number; readonly right: number }, charPx = 6, lineH = 11): PlacedLabel[] {
  // The points themselves (radius 4, and a pixel of air) are in the way of labels too.
  const boxes: { x0: number; x1: number; y0: number; y1: number }[] = points.map((p) => ({ x0: p.x - 5, x1: p.x + 5, y0: p.y - 5, y1: p.y + 5 }));
  const boxOf = (p: { x: number; y: number; label: string }, s: (typeof SPOTS)[number]) => {
    const w = p.label.length * charPx;
    const x0 = s.anchor === 'start' ? p.x + s.dx : p.x + s.dx - w;
    return { x0, x1: x0 + w, y0: p.y + s.dy - lineH + 2, y1: p.y + s.dy + 2 };
  };
  const overlaps = (a: { x0: number; x1: number; y0: number; y1: number }) => boxes.some((b) => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1);
  return points.map((p) => {
    const inside = SPOTS.filter((s) => {
      const b = boxOf(p, s);
      return b.x0 >= bounds.left && b.x1 <= bounds.right;
    });
    const candidates = inside.length > 0 ? inside : SPOTS;
    const spot = candidates.find((s) => !overlaps(boxOf(p, s))) ?? candidates[0] ?? { dx: 6, dy: -5, anchor: 'start' as const };
    boxes.push(boxOf(p, spot));
    return { x: p.x + spot.dx, y: p.y + spot.dy, anchor: spot.anchor };
  });
}
