// `npm run bench:scaling`: how time and peak memory grow with the work, on the wasm kernel (issue
// 8): W3 at 1k, 10k and 30k neurons (p = 0.1, 2 % input), W3 at 1 %, 2 % and 5 % input (10k), and
// W1 at batch 1, 16, 64 and 256. Each case runs in its own process; prints a table and writes the
// log-log plot docs/scaling.svg (drawn here, no plotting library).
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

interface Row {
  workload: string;
  neurons?: number;
  rate?: number;
  batch?: number;
  synapses?: number;
  s_per_run: number;
  syn_events_per_s: number;
  peak_rss_mb: number;
  base_rss_mb: number;
}

const here = import.meta.dirname;
function run(...args: string[]): Row {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(here, 'scalingCase.ts'), ...args], { encoding: 'utf8', timeout: 900_000 });
  const last = r.stdout.trim().split('\n').pop();
  if (r.status !== 0 || !last) throw new Error(`scaling case ${args.join(' ')} failed: ${r.stderr.trim().split('\n').slice(-3).join(' | ')}`);
  return JSON.parse(last) as Row;
}

const w3Sizes = [1000, 10_000, 30_000].map((n) => run('W3', String(n), '0.02'));
const w3Rates = [0.01, 0.05].map((p) => run('W3', '10000', String(p)));
const w3At2 = w3Sizes[1] as Row;
const w1 = [1, 16, 64, 256].map((b) => run('W1', String(b)));

const mb = (r: Row) => `${r.peak_rss_mb.toFixed(0)} MB (+${(r.peak_rss_mb - r.base_rss_mb).toFixed(0)})`;
console.log('W3 on the wasm kernel, 1000 steps, p = 0.1 (time per run, synaptic events/s, peak RSS (+ over the process before the case))');
for (const r of w3Sizes) console.log(`  ${String(r.neurons).padStart(6)} neurons, ${(r.synapses ?? 0).toExponential(1)} synapses, 2 % input: ${r.s_per_run.toFixed(3)} s, ${(r.syn_events_per_s / 1e6).toFixed(0)} M ev/s, ${mb(r)}`);
for (const r of [w3Rates[0] as Row, w3At2, w3Rates[1] as Row]) console.log(`  10,000 neurons, ${((r.rate ?? 0) * 100).toFixed(0)} % input: ${r.s_per_run.toFixed(3)} s, ${(r.syn_events_per_s / 1e6).toFixed(0)} M ev/s, ${mb(r)}`);
console.log('W1 on the wasm engine, one thread (time per batch, samples/s, peak RSS)');
for (const r of w1) console.log(`  batch ${String(r.batch).padStart(3)}: ${(r.s_per_run * 1000).toFixed(2)} ms, ${(r.batch ?? 0) / r.s_per_run >= 100 ? ((r.batch ?? 0) / r.s_per_run).toFixed(0) : ((r.batch ?? 0) / r.s_per_run).toFixed(1)} samples/s, ${mb(r)}`);

// The plot: time against work on log-log axes, one series per sweep, a dashed line of slope 1.
type Series = { name: string; colour: string; points: [work: number, seconds: number][] };
const series: Series[] = [
  { name: 'W3 neurons 1k/10k/30k (work: synapses)', colour: '#1f77b4', points: w3Sizes.map((r) => [r.synapses ?? 0, r.s_per_run]) },
  { name: 'W3 input 1/2/5 % (work: synaptic events)', colour: '#ff7f0e', points: [w3Rates[0] as Row, w3At2, w3Rates[1] as Row].map((r) => [r.syn_events_per_s * r.s_per_run, r.s_per_run]) },
  { name: 'W1 batch 1/16/64/256 (work: samples × 1e6)', colour: '#2ca02c', points: w1.map((r) => [(r.batch ?? 0) * 1e6, r.s_per_run]) },
];
const all = series.flatMap((s) => s.points);
const [x0, x1] = [Math.min(...all.map((p) => p[0])), Math.max(...all.map((p) => p[0]))].map((v, i) => (i === 0 ? 10 ** Math.floor(Math.log10(v)) : 10 ** Math.ceil(Math.log10(v))));
const [y0, y1] = [Math.min(...all.map((p) => p[1])), Math.max(...all.map((p) => p[1]))].map((v, i) => (i === 0 ? 10 ** Math.floor(Math.log10(v)) : 10 ** Math.ceil(Math.log10(v))));
const W = 640, H = 420, L = 70, R = 20, T = 20, B = 50;
const sx = (x: number) => L + ((Math.log10(x) - Math.log10(x0 ?? 1)) / (Math.log10(x1 ?? 10) - Math.log10(x0 ?? 1))) * (W - L - R);
const sy = (y: number) => H - B - ((Math.log10(y) - Math.log10(y0 ?? 1)) / (Math.log10(y1 ?? 10) - Math.log10(y0 ?? 1))) * (H - T - B);
const parts: string[] = [`<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" font-family="sans-serif" font-size="12">`, `<rect width="${W}" height="${H}" fill="white"/>`];
for (let e = Math.log10(x0 ?? 1); e <= Math.log10(x1 ?? 10); e++) parts.push(`<line x1="${sx(10 ** e)}" y1="${T}" x2="${sx(10 ** e)}" y2="${H - B}" stroke="#eee"/><text x="${sx(10 ** e)}" y="${H - B + 16}" text-anchor="middle">1e${e}</text>`);
for (let e = Math.log10(y0 ?? 1); e <= Math.log10(y1 ?? 10); e++) parts.push(`<line x1="${L}" y1="${sy(10 ** e)}" x2="${W - R}" y2="${sy(10 ** e)}" stroke="#eee"/><text x="${L - 6}" y="${sy(10 ** e) + 4}" text-anchor="end">1e${e} s</text>`);
parts.push(`<text x="${(L + W - R) / 2}" y="${H - 12}" text-anchor="middle">work (synapses, synaptic events, samples × 1e6)</text>`);
for (const [i, s] of series.entries()) {
  parts.push(`<polyline fill="none" stroke="${s.colour}" stroke-width="2" points="${s.points.map(([x, y]) => `${sx(x).toFixed(1)},${sy(y).toFixed(1)}`).join(' ')}"/>`);
  for (const [x, y] of s.points) parts.push(`<circle cx="${sx(x).toFixed(1)}" cy="${sy(y).toFixed(1)}" r="3.5" fill="${s.colour}"/>`);
  // Slope 1 through the first point: time proportional to work.
  const [px, py] = s.points[0] ?? [1, 1];
  const qx = (s.points[s.points.length - 1] ?? [1, 1])[0];
  parts.push(`<line x1="${sx(px).toFixed(1)}" y1="${sy(py).toFixed(1)}" x2="${sx(qx).toFixed(1)}" y2="${sy((py * qx) / px).toFixed(1)}" stroke="${s.colour}" stroke-dasharray="4 4" opacity="0.6"/>`);
  parts.push(`<rect x="${L + 10}" y="${T + 8 + i * 18}" width="12" height="4" fill="${s.colour}"/><text x="${L + 28}" y="${T + 14 + i * 18}">${s.name}</text>`);
}
parts.push(`<text x="${L + 10}" y="${T + 14 + series.length * 18}" fill="#666">dashed: time ∝ work from each sweep's first point</text>`, '</svg>');
const out = join(here, '..', '..', 'docs', 'scaling.svg');
writeFileSync(out, parts.join('\n') + '\n');
console.log(`plot: ${out}`);
