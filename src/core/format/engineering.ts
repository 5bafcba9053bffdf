const PREFIXES = [
  [1e12, 'T'],
  [1e9, 'G'],
  [1e6, 'M'],
  [1e3, 'k'],
  [1, ''],
  [1e-3, 'm'],
  [1e-6, 'µ'],
  [1e-9, 'n'],
  [1e-12, 'p'],
  [1e-15, 'f'],
] as const;

/**
 * A physical value with an SI prefix and `digits` significant digits: 1.479e-4 J → "148 µJ",
 * 8.0013 s → "8.00 s". Zero is "0 J"; non-finite values are "—".
 */
export function formatEngineering(value: number, unit: string, digits = 3): string {
  if (!Number.isFinite(value)) return '—';
  if (value === 0) return `0 ${unit}`;
  const mag = Math.abs(value);
  const [scale, prefix] = PREFIXES.find(([s]) => mag >= s * 0.9995) ?? ([1e-15, 'f'] as const);
  return `${(value / scale).toPrecision(digits)} ${prefix}${unit}`;
}

/** A count with thin grouping (12 345) or, from a million on, with a prefix (3.20 M). */
export function formatCount(value: number): string {
  if (!Number.isFinite(value)) return '—';
  if (Math.abs(value) >= 1e6) return formatEngineering(value, '').trim();
  return Math.round(value).toLocaleString('en-GB').replace(/,/g, '\u2009');
}
