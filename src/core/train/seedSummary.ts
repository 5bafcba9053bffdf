/**
 * The spread of a figure over runs that differ only in their seed. One seed is not a result: the
 * README's spoken-digit accuracies range 71.4–78.4 % across seeds on the kernel, so a comparison
 * reports each run, the mean, the sample standard deviation and the range, and calls a difference
 * smaller than the spread what it is.
 */

/** Mean, sample standard deviation (n − 1; 0 for one run), min, max and count of one figure. */
export interface Spread {
  readonly mean: number;
  readonly sd: number;
  readonly min: number;
  readonly max: number;
  readonly n: number;
}

/** The spread of `values` (finite numbers only; an empty list has none). */
export function summarize(values: readonly number[]): Spread {
  const n = values.length;
  if (n === 0) throw new RangeError('no runs to summarise');
  if (values.some((v) => !Number.isFinite(v))) throw new RangeError(`a run's figure is not a finite number: ${values.join(', ')}`);
  const mean = values.reduce((a, v) => a + v, 0) / n;
  const ss = values.reduce((a, v) => a + (v - mean) ** 2, 0);
  return { mean, sd: n > 1 ? Math.sqrt(ss / (n - 1)) : 0, min: Math.min(...values), max: Math.max(...values), n };
}

/** A run's figures: its seed and whatever numbers (and other fields) the command reports. */
export type RunFigures = Readonly<Record<string, unknown>> & { readonly seed: number };

/**
 * The spread of every figure the runs report: each top-level field that is a finite number in
 * every run (the seed excepted), and each numeric field of an object every run reports
 * (`synaptic_operations.dense` becomes `synaptic_operations.dense`). Fields a run lacks are left
 * out rather than summarised over fewer runs, so every spread is over all n runs.
 */
export function summarizeRuns(runs: readonly RunFigures[]): Record<string, Spread> {
  const first = runs[0];
  if (!first) throw new RangeError('no runs to summarise');
  const out: Record<string, Spread> = {};
  for (const path of numericPaths(first)) {
    const values = runs.map((r) => valueAt(r, path));
    if (values.every((v): v is number => typeof v === 'number' && Number.isFinite(v))) out[path.join('.')] = summarize(values);
  }
  return out;
}

function numericPaths(run: RunFigures): string[][] {
  const paths: string[][] = [];
  for (const [k, v] of Object.entries(run)) {
    if (k === 'seed') continue;
    if (typeof v === 'number') paths.push([k]);
    else if (v !== null && typeof v === 'object' && !Array.isArray(v))
      for (const [k2, v2] of Object.entries(v as Record<string, unknown>)) if (typeof v2 === 'number') paths.push([k, k2]);
  }
  return paths;
}

function valueAt(run: RunFigures, path: readonly string[]): unknown {
  let v: unknown = run;
  for (const k of path) v = v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined;
  return v;
}

/** How two spreads of one figure compare: a difference smaller than either spread is not a win. */
export type SpreadVerdict = 'higher' | 'lower' | 'within the spread';

/**
 * Whether `a`'s mean is above or below `b`'s by more than the larger of their standard deviations;
 * otherwise (and whenever either is a single run, whose spread is unknown) "within the spread".
 */
export function compareSpreads(a: Spread, b: Spread): SpreadVerdict {
  if (a.n < 2 || b.n < 2) return 'within the spread';
  const d = a.mean - b.mean;
  if (Math.abs(d) <= Math.max(a.sd, b.sd)) return 'within the spread';
  return d > 0 ? 'higher' : 'lower';
}

/** "90.3 ± 2.1 % (n = 3, 87.0–92.0)" for a fraction shown as a percentage. */
export function formatPercentSpread(s: Spread): string {
  const p = (v: number) => (100 * v).toFixed(1);
  return s.n > 1 ? `${p(s.mean)} ± ${p(s.sd)} % (n = ${s.n}, ${p(s.min)}–${p(s.max)})` : `${p(s.mean)} % (one run)`;
}
