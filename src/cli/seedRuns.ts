import { spawn } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { summarizeRuns, formatPercentSpread, type RunFigures, type Spread } from '../core/train/seedSummary.ts';
import { EXIT, UsageError, type CliIo } from './io.ts';

/** The most seeds one command runs: each is a whole training or scoring. */
export const MAX_SEEDS = 64;

/**
 * The seeds `--seeds` names: a count N (the workspace's seed and the N − 1 after it, so the first
 * run is the run without --seeds) or a comma-separated list of seeds.
 */
export function parseSeeds(text: string, base: number): number[] {
  const t = text.trim();
  if (/^\d+$/.test(t)) {
    const n = Number(t);
    if (n < 1 || n > MAX_SEEDS) throw new UsageError(`--seeds N must be a whole number from 1 to ${MAX_SEEDS}, got '${text}'`);
    return Array.from({ length: n }, (_, i) => base + i);
  }
  const parts = t.split(',').map((p) => p.trim());
  if (parts.length < 2 || parts.some((p) => !/^\d+$/.test(p))) throw new UsageError(`--seeds takes a count (3) or a list of seeds (1,7,42), got '${text}'`);
  const seeds = parts.map(Number);
  if (seeds.some((s) => s > 0xffffffff)) throw new UsageError(`a seed is a whole number from 0 to 4294967295, got '${text}'`);
  if (new Set(seeds).size !== seeds.length) throw new UsageError(`--seeds lists a seed twice: '${text}'`);
  if (seeds.length > MAX_SEEDS) throw new UsageError(`--seeds lists ${seeds.length} seeds; at most ${MAX_SEEDS}`);
  return seeds;
}

/** `model.json` → `model.seed-7.json`: each seed's run writes its own file beside the named one. */
export function seedPath(path: string, seed: number): string {
  const m = /^(.*?)(\.[^./\\]+)?$/.exec(path);
  return `${m?.[1] ?? path}.seed-${seed}${m?.[2] ?? ''}`;
}

/** argv without `--seeds` (and its value) and without the options each run sets itself. */
export function withoutOptions(argv: readonly string[], names: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    const name = names.find((n) => a === `--${n}` || a.startsWith(`--${n}=`));
    if (name === undefined) out.push(a);
    else if (a === `--${name}` && name !== 'json') i++;
  }
  return out;
}

/** One seed's run: the argv of the command it runs (the seed, --json and any output file set). */
export interface SeedJob {
  readonly seed: number;
  readonly argv: readonly string[];
}

/** Runs at once: the machine's cores, each run given `threadsPerRun` of them, at most one per seed. */
export function parallelRuns(seeds: number, threadsPerRun: number, cores = availableParallelism()): number {
  return Math.max(1, Math.min(seeds, Math.floor(cores / Math.max(1, threadsPerRun))));
}

const BIN = fileURLToPath(new URL('./bin.mjs', import.meta.url));

/**
 * Runs `spikelab COMMAND` once per seed, each in a process of its own (tfjs and the kernels keep
 * global state; processes also use the cores in parallel), `parallel` at a time. Each run's last
 * stdout line is its JSON result. With --json prints `{"runs": [...], "summary": {...}}`, else a
 * line per run and the spread of accuracy and macro-F1. A run that fails is named with its seed
 * and its error, the others are still reported, and the exit code is 1.
 */
export async function runOverSeeds(command: string, jobs: readonly SeedJob[], parallel: number, json: boolean, io: CliIo): Promise<number> {
  if (!json) io.out(`${command} over ${jobs.length} seeds (${jobs.map((j) => j.seed).join(', ')}), ${parallel} at a time`);
  const results: (RunFigures | null)[] = jobs.map(() => null);
  const failures: string[] = [];
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < jobs.length; i = next++) {
      const job = jobs[i] as SeedJob;
      const r = await runOne(command, job);
      if (r.ok) {
        results[i] = r.run;
        if (!json) io.out(`seed ${job.seed}: ${runLine(r.run)}`);
      } else failures.push(`seed ${job.seed}: ${r.error}`);
    }
  };
  await Promise.all(Array.from({ length: parallel }, worker));
  const runs = results.filter((r): r is RunFigures => r !== null);
  const summary = runs.length > 0 ? summarizeRuns(runs) : {};
  if (json) io.out(JSON.stringify({ runs, summary, ...(failures.length ? { failed: failures } : {}) }));
  else if (runs.length > 0) io.out(spreadLines(summary).join('\n'));
  for (const f of failures) io.err(`${command} failed for ${f}`);
  return failures.length > 0 ? EXIT.failed : EXIT.ok;
}

type RunResult = { ok: true; run: RunFigures } | { ok: false; error: string };

function runOne(command: string, job: SeedJob): Promise<RunResult> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, command, ...job.argv], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (s: string) => (out += s));
    child.stderr.setEncoding('utf8').on('data', (s: string) => (err += s));
    child.on('error', (e) => resolve({ ok: false, error: e.message }));
    child.on('close', (code) => {
      const last = out.trim().split('\n').at(-1) ?? '';
      if (code !== 0) return resolve({ ok: false, error: `exit ${code}: ${err.trim().split('\n').slice(-3).join(' / ') || last}` });
      try {
        const parsed = JSON.parse(last) as Record<string, unknown>;
        resolve({ ok: true, run: { seed: job.seed, ...parsed } });
      } catch {
        resolve({ ok: false, error: `its last line is not JSON: ${last.slice(0, 200)}` });
      }
    });
  });
}

function runLine(run: RunFigures): string {
  const pct = (k: string) => (typeof run[k] === 'number' ? `${k.replace('_', '-')} ${(100 * (run[k] as number)).toFixed(2)} %` : null);
  const f1 = typeof run['macro_f1'] === 'number' ? `macro-F1 ${(run['macro_f1'] as number).toFixed(3)}` : null;
  const model = typeof run['model'] === 'string' ? `model ${run['model']}` : null;
  return [pct('accuracy'), f1, model].filter((s) => s !== null).join(', ');
}

/** The spread lines of the text output: accuracy and macro-F1 first, as the runs print them. */
export function spreadLines(summary: Readonly<Record<string, Spread>>): string[] {
  const lines: string[] = [];
  const acc = summary['accuracy'];
  if (acc) lines.push(`accuracy ${formatPercentSpread(acc)}`);
  const f1 = summary['macro_f1'];
  if (f1) lines.push(`macro-F1 ${f1.mean.toFixed(3)} ± ${f1.sd.toFixed(3)} (n = ${f1.n}, ${f1.min.toFixed(3)}–${f1.max.toFixed(3)})`);
  return lines;
}

/** `--seed S`: a whole number from 0 to 2³² − 1 (as the workspace's own seed). */
export function seedOption(text: string): number {
  const s = Number(text);
  if (!/^\d+$/.test(text.trim()) || s > 0xffffffff) throw new UsageError(`--seed must be a whole number from 0 to 4294967295, got '${text}'`);
  return s;
}

/** `--parallel N` runs at once (1 to the number of seeds); by default as many as the cores allow. */
export function parallelOption(text: string | undefined, seeds: number, threadsPerRun: number): number {
  if (text === undefined) return parallelRuns(seeds, threadsPerRun);
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1 || n > MAX_SEEDS) throw new UsageError(`--parallel must be a whole number from 1 to ${MAX_SEEDS}, got '${text}'`);
  return Math.min(n, seeds);
}
