/** A point of an accuracy–energy trade-off; energy null when the device could not cost it. */
export interface TradeOff {
  readonly accuracy: number;
  readonly energy: number | null;
}

/**
 * Which points are on the Pareto front: no other point is at least as accurate for no more energy
 * and strictly better in one of the two. A point without an energy is never on it.
 */
export function paretoFlags(points: readonly TradeOff[]): boolean[] {
  return points.map((p, i) => {
    if (p.energy === null) return false;
    const e = p.energy;
    return !points.some((q, j) => j !== i && q.energy !== null && q.accuracy >= p.accuracy && q.energy <= e && (q.accuracy > p.accuracy || q.energy < e));
  });
}
