// `npm run bench:browser`: the workloads in headless Chromium, in a dedicated Web Worker (event
// engine, tfjs wasm and webgl — webgl is SwiftShader on a machine without GPU), with the ratio to
// the same peers as `npm run bench` and to the Node figures of this run when given (--node).
import { execFileSync } from 'node:child_process';
import { chromium } from 'playwright-core';
import { createServer } from 'vite';
import { CHROMIUM_ARGS } from '../e2e/harness.ts';
import { limitText, PEER_ENGINES, peerFromResults, ratioText, type PeerFigure } from './peers.ts';

interface Line {
  workload: string;
  engine: string;
  samples_per_s?: number;
  runs_per_s?: number;
  syn_events_per_s?: number;
  hidden_spikes?: number;
  output_spikes?: number;
  loss_first?: number;
  threads?: number;
  note?: string;
  error?: string;
  line?: string;
  precision?: 'float64' | 'float32';
  flips_per_million?: number;
  count_gap_per_million?: number;
}

/** Largest resident set of any Chromium process right now, MB. */
function chromiumRssMb(): number {
  try {
    const out = execFileSync('ps', ['-C', 'chromium', '-o', 'rss='], { encoding: 'utf8' });
    return Math.max(0, ...out.split('\n').map((s) => Number(s.trim()) / 1024).filter((n) => Number.isFinite(n)));
  } catch {
    return 0;
  }
}

const reps = Number(process.argv[process.argv.indexOf('--reps') + 1] ?? 5) || 5;
// --only W1|W2|W3|MAP runs one workload.
const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : undefined;
const server = await createServer({ logLevel: 'warn', server: { port: 0, host: '127.0.0.1' } });
await server.listen();
const port = (server.httpServer?.address() as { port: number }).port;
const browser = await chromium.launch({ executablePath: process.env['CHROME_PATH'] ?? '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
let peak = 0;
const poll = setInterval(() => (peak = Math.max(peak, chromiumRssMb())), 250);
try {
  const page = await browser.newPage();
  page.on('pageerror', (e) => console.error('page error:', e.message));
  await page.goto(`http://127.0.0.1:${port}/test/bench/browser/bench.html?reps=${reps}${only ? `&only=${only}` : ''}`);
  await page.waitForFunction(() => (window as unknown as { __bench?: { done: boolean } }).__bench?.done === true, null, { timeout: 1_500_000, polling: 1000 });
  const lines = await page.evaluate(() => (window as unknown as { __bench: { lines: unknown[] } }).__bench.lines as Line[]);
  console.log(`Spikelab in headless Chromium (dedicated worker), ${reps} timed repetitions, median; peak Chromium process RSS ${peak.toFixed(0)} MB. Peers from RESULTS.md.`);
  for (const l of lines) {
    if (l.error) {
      console.log(`${l.workload} ${l.engine.padEnd(11)} failed: ${l.error}`);
      continue;
    }
    if (l.line !== undefined) {
      console.log(`${l.line} (Chromium worker)`);
      continue;
    }
    const w = l.workload as 'W1' | 'W2' | 'W3';
    const rate = w === 'W3' ? (l.runs_per_s ?? 0) : (l.samples_per_s ?? 0);
    const peers = PEER_ENGINES[w].map((e) => peerFromResults(w, e)).filter((p): p is PeerFigure => p !== undefined);
    const check = w === 'W1' ? `hidden ${l.hidden_spikes} / output ${l.output_spikes}` : w === 'W2' ? `loss₀ ${l.loss_first?.toFixed(5)}` : `output ${l.output_spikes}`;
    console.log(
      [w, `${(l.threads ?? 1) > 1 ? `${l.engine}×${l.threads}` : l.engine}${l.precision === 'float32' ? ' float32' : ''}`.padEnd(16), `${rate.toFixed(w === 'W3' ? 3 : 1)} ${w === 'W3' ? 'runs/s' : 'samples/s'}`.padStart(18), `${((l.syn_events_per_s ?? 0) / 1e6).toFixed(0)} M ev/s`.padStart(12), ratioText(rate, peers, w === 'W3' ? 2 : 0), limitText(rate, w), check, ...(l.flips_per_million !== undefined ? [`${l.flips_per_million.toFixed(1)} flips per million`] : []), ...(l.count_gap_per_million !== undefined ? [`output count ${l.count_gap_per_million.toFixed(1)} per million from float64's`] : []), ...(l.note ? [`(${l.note})`] : [])].join('  '),
    );
  }
} finally {
  clearInterval(poll);
  await browser.close();
  await server.close();
}
