// `npm run bench`: WORKLOADS.md W1–W3 in Node, one child process per run (so peak RSS is that
// run's), with the ratio to each peer (PyTorch, and Brian2's C++ target for W1 and W3) measured in
// the same run when Debian's python3-torch / python3-brian are installed, else read from
// ../shared/bench/RESULTS.md and labelled so.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import type { BenchLine } from '../../src/core/bench/workloads.ts';
import { precisionText } from '../../src/cli/bench.ts';
import { limitText, measurePeer, PEER_ENGINES, peerFromResults, pythonHas, ratioText, type PeerFigure } from './peers.ts';

const args = process.argv.slice(2);
const reps = Number(args[args.indexOf('--reps') + 1] ?? 5) || 5;
const noPeers = args.includes('--no-peers');
const RUNS: [workload: 'W1' | 'W2' | 'W3', engine: string, threads?: number, precision?: 'float32'][] = [
  ['W1', 'events'],
  ['W1', 'wasm'],
  ['W1', 'wasm', 2],
  ['W1', 'wasm', 1, 'float32'],
  ['W1', 'wasm', 2, 'float32'],
  ['W1', 'tfjs-wasm'],
  ['W1', 'tfjs-cpu'],
  ['W2', 'wasm'],
  ['W2', 'wasm', 2],
  ['W2', 'wasm', 1, 'float32'],
  ['W2', 'tfjs-wasm'],
  ['W3', 'events'],
  ['W3', 'wasm'],
  ['W3', 'wasm', 2],
  ['W3', 'wasm', 1, 'float32'],
];

function ours(workload: string, engine: string, threads: number, precision?: string): BenchLine | undefined {
  const bin = join(import.meta.dirname, '..', '..', 'src', 'cli', 'bin.mjs');
  const args = [bin, 'bench', '--workload', workload, '--engine', engine, '--threads', String(threads), '--reps', String(reps), '--json', ...(precision ? ['--precision', precision] : [])];
  const r = spawnSync(process.execPath, args, { encoding: 'utf8', timeout: 900_000 });
  const last = r.stdout.trim().split('\n').pop();
  if (r.status !== 0 || !last) {
    console.error(`${workload} ${engine} failed: ${r.stderr.trim().split('\n').slice(-3).join(' | ')}`);
    return undefined;
  }
  return JSON.parse(last) as BenchLine;
}

const withTorch = !noPeers && pythonHas('torch');
const withBrian = !noPeers && pythonHas('brian2');
const measured = [withTorch ? 'PyTorch' : '', withBrian ? 'Brian2' : ''].filter(Boolean).join(' and ');
console.log(
  `Spikelab benchmarks (WORKLOADS.md), ${reps} timed repetitions, median. Peers: ${measured ? `${measured} measured in this run` : 'from RESULTS.md'}${withTorch && withBrian ? '' : ' (install python3-torch and python3-brian to measure them in the same run)'}`,
);
const peers = new Map<string, PeerFigure[]>();
for (const w of ['W1', 'W2', 'W3'] as const) {
  const figures: PeerFigure[] = [];
  for (const engine of PEER_ENGINES[w]) {
    const brian = engine.startsWith('brian2-');
    // Brian2 compiles the network each time; three repetitions keep its row under a minute.
    const p = ((brian ? withBrian : withTorch) ? measurePeer(w, engine, brian ? Math.min(reps, 3) : reps) : undefined) ?? peerFromResults(w, engine);
    if (p) figures.push(p);
  }
  peers.set(w, figures);
}
const rows: string[] = [];
for (const [w, e, threads = 1, precision] of RUNS) {
  const l = ours(w, e, threads, precision);
  if (!l) continue;
  const rate = w === 'W3' ? (l.runs_per_s ?? 0) : l.samples_per_s;
  const check = w === 'W1' ? `hidden ${l.hidden_spikes} / output ${l.output_spikes}` : w === 'W2' ? `loss₀ ${l.loss_first?.toFixed(5)}` : `output ${l.output_spikes}`;
  rows.push(
    [
      w,
      `${threads > 1 ? `${e}×${threads}` : e}${precision ? ` ${precision}` : ''}`.padEnd(16),
      `${rate.toFixed(w === 'W3' ? 3 : 1)} ${w === 'W3' ? 'runs/s' : 'samples/s'}`.padStart(18),
      `${(l.syn_events_per_s / 1e6).toFixed(0)} M ev/s`.padStart(12),
      `${l.peak_rss_mb.toFixed(0)} MB`.padStart(8),
      ratioText(rate, peers.get(w) ?? [], w === 'W3' ? 2 : 0),
      limitText(rate, w),
      check + precisionText(l),
    ].join('  '),
  );
  console.log(rows[rows.length - 1]);
}

// Chip mapping (issue 6): a 100k-neuron network on Loihi, the work the page's worker does.
const { mapBenchLine } = await import('./mapBench.ts');
console.log(await mapBenchLine());
