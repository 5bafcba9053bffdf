import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createRng } from '../../src/core/rng.ts';
import { DATA_DIR, HAVE_DATA } from '../support/sharedData.ts';
import { PROBE_CATEGORIES } from './categories.ts';
import type { ProbeCase } from './probeCase.ts';
import { classify, runCase, type CaseRun, type Classified } from './runCase.ts';

/**
 * `npm run probe [-- --only edf,nir] [--jobs N] [--seed S] [--keep] [--list]`: generates hostile,
 * damaged and absurd inputs of every format and document Spikelab reads (seeded), runs each through
 * the `spikelab` CLI in a child process (killed past 60 s of wall time or 2.5 GB), and prints a table
 * per category: refused cleanly (exit 2, a message, no stack), read OK, crashed, over 10 s of CPU
 * time, over 1 GB resident; then every case that was not clean. Exit 0 when all were clean, else 1.
 */

const USAGE = 'usage: npm run probe -- [--only CATEGORY[,CATEGORY…]] [--jobs N] [--seed S] [--keep] [--list]';

interface Row {
  readonly c: ProbeCase;
  readonly run: CaseRun;
  readonly v: Classified;
}

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { only: { type: 'string' }, jobs: { type: 'string', default: '2' }, seed: { type: 'string', default: '18' }, keep: { type: 'boolean', default: false }, list: { type: 'boolean', default: false }, help: { type: 'boolean', default: false } }, strict: true });
  if (values.help) {
    console.log(`${USAGE}\ncategories: ${PROBE_CATEGORIES.map((c) => c.name).join(', ')}`);
    return 0;
  }
  const only = values.only?.split(',').map((s) => s.trim());
  const unknown = only?.filter((n) => !PROBE_CATEGORIES.some((c) => c.name === n)) ?? [];
  if (unknown.length > 0) {
    console.error(`probe: unknown categor${unknown.length > 1 ? 'ies' : 'y'} ${unknown.join(', ')}; there are ${PROBE_CATEGORIES.map((c) => c.name).join(', ')}`);
    return 2;
  }
  const jobs = Math.max(1, Math.min(8, Number(values.jobs) || 1));
  const seed = Number(values.seed);
  const cases: ProbeCase[] = [];
  for (const cat of PROBE_CATEGORIES.filter((c) => !only || only.includes(c.name))) {
    cases.push(...(await cat.generate({ rng: createRng(seed, `probe-${cat.name}`), dataDir: HAVE_DATA ? DATA_DIR : undefined })));
  }
  if (values.list) {
    for (const c of cases) console.log(`${c.category}\t${c.name}\t${c.expect}${c.owner ? `\t(${c.owner})` : ''}`);
    return 0;
  }
  const root = mkdtempSync(join(tmpdir(), 'spikelab-probe-'));
  console.log(`probe: ${cases.length} cases, ${jobs} at a time, seed ${seed}, files in ${root}`);
  const rows: Row[] = new Array<Row>(cases.length);
  let next = 0;
  let done = 0;
  const t0 = performance.now();
  const worker = async () => {
    for (let i = next++; i < cases.length; i = next++) {
      const c = cases[i] as ProbeCase;
      const run = await runCase(c, join(root, String(i)));
      const v = classify(c, run);
      rows[i] = { c, run, v };
      done++;
      const mark = v.clean ? 'ok ' : 'BAD';
      console.log(`${mark} [${String(done).padStart(3)}/${cases.length}] ${c.category}: ${c.name} — ${v.verdict}, ${(run.ms / 1000).toFixed(1)} s CPU (${(run.wallMs / 1000).toFixed(1)} s wall), ${(run.peakRssBytes / 2 ** 20).toFixed(0)} MB${v.why ? ` (${v.why})` : ''}`);
      if (!values.keep) rmSync(join(root, String(i)), { recursive: true, force: true });
    }
  };
  await Promise.all(Array.from({ length: jobs }, worker));
  if (!values.keep) rmSync(root, { recursive: true, force: true });
  printTable(rows, (performance.now() - t0) / 1000);
  return rows.every((r) => r.v.clean) ? 0 : 1;
}

function printTable(rows: readonly Row[], seconds: number): void {
  const cats = [...new Set(rows.map((r) => r.c.category))];
  const head = ['category', 'cases', 'refused cleanly', 'read OK', 'crashed', 'over 10 s CPU', 'over 1 GB', 'not clean'];
  const line = (cells: readonly (string | number)[]) => '| ' + cells.map(String).join(' | ') + ' |';
  const count = (rs: readonly Row[]) => [rs.length, rs.filter((r) => r.v.verdict === 'refused').length, rs.filter((r) => r.v.verdict === 'read').length, rs.filter((r) => r.v.verdict === 'crashed').length, rs.filter((r) => r.v.overTime).length, rs.filter((r) => r.v.overMemory).length, rs.filter((r) => !r.v.clean).length];
  console.log(`\n${line(head)}\n${line(head.map(() => '---'))}`);
  for (const cat of cats) console.log(line([cat, ...count(rows.filter((r) => r.c.category === cat))]));
  console.log(line(['all', ...count(rows)]));
  const slowest = rows.reduce((a, r) => (r.run.ms > a.run.ms ? r : a));
  const biggest = rows.reduce((a, r) => (r.run.peakRssBytes > a.run.peakRssBytes ? r : a));
  console.log(`\n${rows.length} cases in ${seconds.toFixed(0)} s; slowest ${(slowest.run.ms / 1000).toFixed(1)} s CPU, ${(slowest.run.wallMs / 1000).toFixed(1)} s wall (${slowest.c.category}: ${slowest.c.name}); largest ${(biggest.run.peakRssBytes / 2 ** 20).toFixed(0)} MB (${biggest.c.category}: ${biggest.c.name})`);
  const bad = rows.filter((r) => !r.v.clean);
  if (bad.length === 0) {
    console.log('every case was clean');
    return;
  }
  console.log(`\nnot clean (${bad.length}):`);
  for (const r of bad) console.log(`- ${r.c.category}: ${r.c.name}${r.c.owner ? ` [${r.c.owner}]` : ''}: ${r.v.verdict}; ${r.v.why || `${(r.run.ms / 1000).toFixed(1)} s, ${(r.run.peakRssBytes / 2 ** 20).toFixed(0)} MB`}`);
}

process.exitCode = await main();
