/**
 * The x axis of the training curves, in epochs counted from 1. Pure, so the tick choice and the
 * hover lookup are tested in Node.
 */

/** Steps between labelled epochs, smallest first: 1, 2, 5, 10, 20, 50, … */
function* niceSteps(): Generator<number> {
  for (let decade = 1; ; decade *= 10) for (const m of [1, 2, 5]) yield m * decade;
}

/**
 * The x domain for `epochs` epochs (epoch numbers, from 1). One epoch alone sits in the middle of
 * [0, 2] rather than on a zero-width domain.
 */
export function epochDomain(epochs: number): [number, number] {
  return epochs <= 1 ? [0, 2] : [1, epochs];
}

/**
 * Integer epoch ticks for an axis `widthPx` wide, at least `minGapPx` apart: every epoch when they
 * fit, else every 2nd (1, 3, 5, … so the first pair is not crowded), else multiples of 5, 10, 20, …
 * after the first epoch.
 */
export function epochTicks(epochs: number, widthPx: number, minGapPx = 36): number[] {
  if (epochs < 1) return [];
  const room = Math.max(1, Math.floor(widthPx / minGapPx));
  let step = 1;
  for (const s of niceSteps()) {
    step = s;
    if (Math.ceil(epochs / s) <= room) break;
  }
  const ticks = [1];
  if (step <= 2) for (let e = 1 + step; e <= epochs; e += step) ticks.push(e);
  else for (let e = step; e <= epochs; e += step) ticks.push(e);
  return ticks;
}

/** The index (0-based) of the recorded epoch nearest to the epoch number `at` (a pointer's x, inverted), clamped to the epochs there are. */
export function nearestEpochIndex(at: number, epochs: number): number {
  if (epochs < 1 || !Number.isFinite(at)) return 0;
  return Math.min(epochs - 1, Math.max(0, Math.round(at) - 1));
}

/** Where the keyboard moves the guide: ←/→ one epoch, Home/End to the ends; null for other keys. */
export function epochAfterKey(key: string, current: number | null, epochs: number): number | null {
  const last = Math.max(0, epochs - 1);
  const from = current ?? last;
  if (key === 'ArrowLeft') return Math.max(0, current === null ? last : from - 1);
  if (key === 'ArrowRight') return Math.min(last, current === null ? last : from + 1);
  if (key === 'Home') return 0;
  if (key === 'End') return last;
  return null;
}
