import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** A peer's figure for a workload, and where it came from. */
export interface PeerFigure {
  readonly workload: 'W1' | 'W2' | 'W3';
  readonly engine: string;
  /** samples/s (W1, W2) or runs/s (W3). */
  readonly rate: number;
  readonly source: 'measured now' | 'RESULTS.md';
}

/**
 * The peers we compare with: the fastest PyTorch formulation of each workload first (the best peer
 * of RESULTS.md), then Brian2's compiled C++ target where Brian2 runs the workload (it has no
 * training, so not W2).
 */
export const PEER_ENGINES = { W1: ['torch-fused', 'brian2-cpp_standalone'], W2: ['torch-loop'], W3: ['torch-event-rows', 'brian2-cpp_standalone'] } as const;
export type Workload = keyof typeof PEER_ENGINES;

/** ../shared/bench, or SPIKELAB_BENCH_DIR. */
export function benchDir(): string {
  return process.env['SPIKELAB_BENCH_DIR'] ?? join(process.cwd(), '..', 'shared', 'bench');
}

/** Whether Debian's python3 can import a peer's package (apt-get install python3-torch / python3-brian). */
export function pythonHas(module: 'torch' | 'brian2'): boolean {
  return existsSync('/usr/bin/python3') && spawnSync('/usr/bin/python3', ['-c', `import ${module}`], { stdio: 'ignore' }).status === 0;
}

/** Runs one peer benchmark now (same machine, same run) and returns its figure. */
export function measurePeer(workload: Workload, engine: string, reps: number): PeerFigure | undefined {
  const brian = engine.startsWith('brian2-');
  const script = brian ? ['bench_brian2.py', '--target', engine.slice('brian2-'.length)] : ['bench_torch.py', '--engine', engine];
  const r = spawnSync('/usr/bin/python3', [...script, '--workload', workload, '--reps', String(reps), '--threads', '2'], {
    cwd: join(benchDir(), 'py'),
    encoding: 'utf8',
    env: { ...process.env, OMP_NUM_THREADS: '2', OPENBLAS_NUM_THREADS: '2', PYTHONWARNINGS: 'ignore' },
    timeout: 600_000,
  });
  const last = r.stdout.trim().split('\n').pop();
  if (r.status !== 0 || !last) return undefined;
  const j = JSON.parse(last) as { samples_per_s?: number };
  return j.samples_per_s ? { workload, engine, rate: j.samples_per_s, source: 'measured now' } : undefined;
}

/** Reads a peer's figure from the tables of RESULTS.md (samples/s for W1/W2, runs/s for W3). */
export function peerFromResults(workload: Workload, engine: string): PeerFigure | undefined {
  const file = join(benchDir(), 'RESULTS.md');
  if (!existsSync(file)) return undefined;
  const headings = { W1: '### W1', W2: '### W2', W3: '### W3' };
  const text = readFileSync(file, 'utf8');
  const start = text.indexOf(headings[workload]);
  if (start < 0) return undefined;
  const section = text.slice(start, text.indexOf('\n### ', start + 5) >>> 0 || undefined);
  const row = section.split('\n').find((l) => l.startsWith(`| ${engine} |`));
  const rate = Number(row?.split('|')[4]?.trim().replace(/,/g, ''));
  return Number.isFinite(rate) && rate > 0 ? { workload, engine, rate, source: 'RESULTS.md' } : undefined;
}

/** `1.21× torch-fused (3586, measured now) · 16.2× brian2-cpp_standalone (…)`: our rate against every peer figure. */
export function ratioText(rate: number, peers: readonly PeerFigure[], digits: number): string {
  if (peers.length === 0) return 'no peer figure';
  return peers.map((p) => `${(rate / p.rate).toFixed(2)}× ${p.engine} (${p.rate.toFixed(digits)}, ${p.source})`).join(' · ');
}

/**
 * The event-driven limit of a workload on this machine (samples/s for W1/W2, runs/s for W3): the
 * last column of RESULTS.md's roofline table, where the synaptic events a unit needs meet the
 * measured DRAM bandwidth and FMA peak. The bench prints each engine's rate as a fraction of it.
 */
export function eventDrivenLimit(workload: Workload): number | undefined {
  const file = join(benchDir(), 'RESULTS.md');
  if (!existsSync(file)) return undefined;
  const text = readFileSync(file, 'utf8');
  const start = text.indexOf('### Roofline per workload');
  if (start < 0) return undefined;
  const row = text
    .slice(start)
    .split('\n')
    .find((l) => l.startsWith(`| ${workload} `));
  const cell = row?.split('|').at(-2)?.trim() ?? '';
  const m = /^([\d.]+)\s*([kM]?)$/.exec(cell);
  if (!m) return undefined;
  const value = Number(m[1]) * (m[2] === 'k' ? 1e3 : m[2] === 'M' ? 1e6 : 1);
  return Number.isFinite(value) && value > 0 ? value : undefined;
}

/** The rate as a share of the workload's event-driven limit (RESULTS.md's roofline). */
export function limitText(rate: number, w: 'W1' | 'W2' | 'W3'): string {
  const limit = eventDrivenLimit(w);
  return limit ? `${((100 * rate) / limit).toFixed(1)} % of the event-driven limit (${limit.toLocaleString('en-US')})` : 'limit unknown (no RESULTS.md)';
}
