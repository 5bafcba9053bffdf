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

/** The peers we compare with: the fastest PyTorch formulation of each workload. */
export const PEER_ENGINES = { W1: 'torch-fused', W2: 'torch-loop', W3: 'torch-event-rows' } as const;

/** ../shared/bench, or SPIKELAB_BENCH_DIR. */
export function benchDir(): string {
  return process.env['SPIKELAB_BENCH_DIR'] ?? join(process.cwd(), '..', 'shared', 'bench');
}

/** Whether Debian's python3 with torch is installed (apt-get install python3-torch). */
export function torchAvailable(): boolean {
  return existsSync('/usr/bin/python3') && spawnSync('/usr/bin/python3', ['-c', 'import torch'], { stdio: 'ignore' }).status === 0;
}

/** Runs one peer benchmark now (same machine, same run) and returns its figure. */
export function measurePeer(workload: 'W1' | 'W2' | 'W3', reps: number): PeerFigure | undefined {
  const engine = PEER_ENGINES[workload];
  const r = spawnSync('/usr/bin/python3', ['bench_torch.py', '--workload', workload, '--engine', engine, '--reps', String(reps), '--threads', '2'], {
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
export function peerFromResults(workload: 'W1' | 'W2' | 'W3'): PeerFigure | undefined {
  const file = join(benchDir(), 'RESULTS.md');
  if (!existsSync(file)) return undefined;
  const engine = PEER_ENGINES[workload];
  const headings = { W1: '### W1', W2: '### W2', W3: '### W3' };
  const text = readFileSync(file, 'utf8');
  const start = text.indexOf(headings[workload]);
  if (start < 0) return undefined;
  const section = text.slice(start, text.indexOf('\n### ', start + 5) >>> 0 || undefined);
  const row = section.split('\n').find((l) => l.startsWith(`| ${engine} |`));
  const rate = Number(row?.split('|')[4]?.trim().replace(/,/g, ''));
  return Number.isFinite(rate) && rate > 0 ? { workload, engine, rate, source: 'RESULTS.md' } : undefined;
}
