/**
 * Nearest names for the lesson validator's "did you mean": a teacher's typo ("hightlight",
 * "rate-encoder") should be answered with the name meant, not just "unknown".
 */

/**
 * Edit distance (insertions, deletions, substitutions and swaps of two neighbours, each 1: the
 * "optimal string alignment" distance), case-insensitive; three rows, no recursion. A swap counts
 * once because it is the commonest typo ("cuont").
 */
export function editDistance(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  let before: number[] = [];
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const row = [i];
    for (let j = 1; j <= y.length; j++) {
      let d = Math.min((prev[j - 1] as number) + (x[i - 1] === y[j - 1] ? 0 : 1), (prev[j] as number) + 1, (row[j - 1] as number) + 1);
      if (i > 1 && j > 1 && x[i - 1] === y[j - 2] && x[i - 2] === y[j - 1]) d = Math.min(d, (before[j - 2] as number) + 1);
      row.push(d);
    }
    before = prev;
    prev = row;
  }
  return prev[y.length] as number;
}

/** `names` ordered nearest to `name` first (ties keep their order). */
export function byNearest(name: string, names: readonly string[]): string[] {
  return names
    .map((n, i) => ({ n, i, d: editDistance(name, n) }))
    .sort((p, q) => p.d - q.d || p.i - q.i)
    .map((e) => e.n);
}

/** The name meant, when one is close enough to be a typo (at most a third of its letters differ, at least 1). */
export function closestName(name: string, names: readonly string[]): string | null {
  const best = byNearest(name, names)[0];
  if (best === undefined) return null;
  return editDistance(name, best) <= Math.max(1, Math.floor(Math.max(name.length, best.length) / 3)) ? best : null;
}

/** "did you mean 'highlight'? " or "", to start a message about an unknown name. */
export function didYouMean(name: string, names: readonly string[]): string {
  const best = closestName(name, names);
  return best === null ? '' : `did you mean '${best}'? `;
}

/** Names as a phrase for messages: 'a', 'b', 'c'. */
export function quoteList(names: readonly string[]): string {
  return names.map((n) => `'${n}'`).join(', ');
}
