// Runs the workloads in a dedicated worker, one engine after another, and exposes the JSON lines
// on window.__bench for runBrowserBench.ts. Query: ?reps=N
import { wrap } from 'comlink';
import type { BenchWorkerApi } from './bench.worker.ts';

const reps = Number(new URLSearchParams(location.search).get('reps') ?? 5);
const out = document.getElementById('out');
const state: { lines: unknown[]; done: boolean; error?: string } = { lines: [], done: false };
(window as unknown as { __bench: typeof state }).__bench = state;

const worker = wrap<BenchWorkerApi>(new Worker(new URL('./bench.worker.ts', import.meta.url), { type: 'module' }));
const plan: [string, string][] = [
  ['W1', 'events'],
  ['W1', 'wasm'],
  ['W1', 'wasm×2'],
  ['W1', 'wasm float32'],
  ['W1', 'wasm×2 float32'],
  ['W1', 'tfjs-wasm'],
  ['W1', 'tfjs-webgl'],
  ['W2', 'wasm'],
  ['W2', 'wasm×2'],
  ['W2', 'wasm float32'],
  ['W2', 'tfjs-wasm'],
  ['W2', 'tfjs-webgl'],
  ['W3', 'events'],
  ['W3', 'wasm'],
  ['W3', 'wasm×2'],
  ['W3', 'wasm float32'],
  ['MAP', 'mapper'],
];
const only = new URLSearchParams(location.search).get('only');
(async () => {
  if (only === 'W3THREADS') {
    // test/e2e/w3Threads.e2e.ts: W3 on two Web Workers checked, not a benchmark.
    try {
      state.lines.push(await worker.w3ThreadChecks());
    } catch (err) {
      state.error = err instanceof Error ? err.message : String(err);
    }
    state.done = true;
    return;
  }
  if (only === 'THREADS') {
    // test/e2e/threads.e2e.ts: the checks of the browser's engine threads, not a benchmark.
    try {
      state.lines.push(await worker.threadChecks());
    } catch (err) {
      state.error = err instanceof Error ? err.message : String(err);
    }
    state.done = true;
    return;
  }
  for (const [w, e] of plan.filter(([w]) => !only || w === only)) {
    try {
      const line = await worker.run(w, e, reps);
      state.lines.push(line);
    } catch (err) {
      state.lines.push({ workload: w, engine: e, error: err instanceof Error ? err.message : String(err) });
    }
    if (out) out.textContent = state.lines.map((l) => JSON.stringify(l)).join('\n');
  }
  state.done = true;
})();
