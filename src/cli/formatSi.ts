const PREFIXES: readonly [number, string][] = [
  [1e9, 'G'],
  [1e6, 'M'],
  [1e3, 'k'],
  [1, ''],
  [1e-3, 'm'],
  [1e-6, 'µ'],
  [1e-9, 'n'],
  [1e-12, 'p'],
  [1e-15, 'f'],
];

/** A value with an SI prefix and three significant digits: 6.80e-6 J → "6.80 µJ". */
export function formatSi(value: number, unit: string): string {
  if (value === 0 || !Number.isFinite(value)) return `${value} ${unit}`;
  const a = Math.abs(value);
  const [scale, prefix] = PREFIXES.find(([s]) => a >= s * 0.9995) ?? (PREFIXES[PREFIXES.length - 1] as [number, string]);
  return `${(value / scale).toPrecision(3)} ${prefix}${unit}`;
}
