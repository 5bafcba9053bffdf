import { expose } from 'comlink';
import wasmPlain from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreaded from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import kernelUrl from '../../../src/core/engine/kernels/build/spikeKernels.wasm?url';
import { benchW1, benchW2, benchW3, w3PrecisionGap, type BenchHost, type BenchLine } from '../../../src/core/bench/workloads.ts';
import { loadKernel } from '../../../src/core/engine/kernels/kernelModule.ts';
import { createEngine, type EngineRequest } from '../../../src/core/engine/index.ts';
import { w1Input, w1Network } from '../../../src/core/bench/canonical.ts';
import { createBrowserThreadedWasmEngine } from '../../../workers/wasmThreads.ts';
import { startBpttPartWorker } from '../../../workers/bpttThreads.ts';
import { browserThreadPlan } from '../../../workers/browserThreads.ts';

const wasmPaths = { 'tfjs-backend-wasm.wasm': wasmPlain, 'tfjs-backend-wasm-simd.wasm': wasmSimd, 'tfjs-backend-wasm-threaded-simd.wasm': wasmThreaded };
// Memory is read from outside (the runner polls the browser processes' RSS); 0 here.
const host: BenchHost = { now: () => performance.now(), peakMemoryMb: () => 0 };

const api = {
  async run(workload: string, engineRow: string, reps: number): Promise<BenchLine | { workload: string; engine: string; line: string }> {
    // 'wasm float32': the row's engine in the float32 precision mode (spec/precision.ts).
    const precision = engineRow.endsWith(' float32') ? 'float32' : 'float64';
    const engine = engineRow.replace(/ float32$/, '');
    if (workload === 'MAP') {
      // The chip mapper as the page's worker runs it: 99k neurons on Loihi.
      const { mapBenchLine } = await import('../mapBench.ts');
      return { workload, engine, line: await mapBenchLine() };
    }
    const kernel = { url: kernelUrl };
    if (workload === 'W3') {
      if (engine === 'events') return benchW3(host, reps);
      const w3Threads = Number(/^wasm×(\d+)$/.exec(engine)?.[1] ?? 1);
      const one = async (note?: string) => {
        const { wasmW3Runner } = await import('../../../src/core/bench/w3Wasm.ts');
        const runner = async (p: 'float64' | 'float32') => wasmW3Runner((await loadKernel(kernel)).exports, undefined, undefined, p);
        const line = { ...(await benchW3(host, reps, () => runner(precision))), ...(precision === 'float64' ? {} : await w3PrecisionGap(runner, precision)) };
        return note === undefined ? line : { ...line, note };
      };
      if (w3Threads === 1) return one();
      // W3 on N Web Workers, a barrier per step; one thread, and why, on a page without shared memory.
      const [{ createBrowserW3Runner, w3ThreadsWhyNot }, { W3_NETS }] = await Promise.all([import('../../../workers/w3Threads.ts'), import('../../../src/core/bench/w3Net.ts')]);
      const whyNot = w3ThreadsWhyNot();
      if (whyNot !== undefined) return one(`one thread: ${whyNot}`);
      return benchW3(host, reps, () => createBrowserW3Runner(w3Threads, W3_NETS['10k']));
    }
    // 'wasm×N': N Web Workers (the batch split for W1, data-parallel BPTT for W2).
    const threads = Number(/^wasm×(\d+)$/.exec(engine)?.[1] ?? 1);
    if (workload === 'W1' && threads > 1) {
      const e = await createBrowserThreadedWasmEngine(threads);
      try {
        return await benchW1(e, host, { reps, threads, precision });
      } finally {
        e.dispose();
      }
    }
    if (workload === 'W2' && engine.startsWith('wasm')) {
      const { createW2WasmTrainer } = await import('../../../src/core/bench/w2Wasm.ts');
      const trainer = await createW2WasmTrainer(kernel, threads > 1 ? { start: startBpttPartWorker, threads } : undefined, precision);
      try {
        const line = await benchW2(trainer, 'wasm', host, reps, threads);
        return precision === 'float64' ? line : { ...line, precision };
      } finally {
        trainer.dispose();
      }
    }
    const e = await createEngine(engine as EngineRequest, { wasmPaths, kernel });
    if (workload === 'W1') return benchW1(e, host, { reps, precision });
    const { createW2Trainer } = await import('../../../src/core/bench/w2.ts');
    const trainer = createW2Trainer();
    try {
      return await benchW2(trainer, e.info().name, host, reps);
    } finally {
      trainer.dispose();
    }
  },
};

/**
 * The browser's engine threads checked (test/e2e/threads.e2e.ts): W1 on two Web Workers gives the
 * reference counts, a crashed thread fails its run and the next run is exact, a cancel ends a
 * run early, and W2 on two workers starts at the reference loss.
 */
async function threadChecks() {
  const plan = browserThreadPlan();
  const e = await createBrowserThreadedWasmEngine(2);
  const counts = async () => (await e.simulate(w1Network(), w1Input(), { dtMs: 1 })).layers.map((l) => l.spikeCount);
  try {
    const w1 = await counts();
    e.crashThreadForTest(1);
    const crash = await e.simulate(w1Network(), w1Input(), { dtMs: 1 }).then(
      () => 'no error',
      (err: unknown) => (err instanceof Error ? err.message : String(err)),
    );
    const afterCrash = await counts();
    const big = w1Input(1024);
    let t0 = performance.now();
    await e.simulate(w1Network(), big, { dtMs: 1, recordSpikes: false });
    const fullMs = performance.now() - t0;
    const ctrl = new AbortController();
    setTimeout(() => ctrl.abort(), fullMs / 10);
    t0 = performance.now();
    const cancel = await e.simulate(w1Network(), big, { dtMs: 1, recordSpikes: false, signal: ctrl.signal }).then(
      () => 'finished',
      (err: unknown) => (typeof err === 'object' && err !== null && 'code' in err ? String(err.code) : String(err)),
    );
    const cancelMs = performance.now() - t0;
    const afterCancel = await counts();
    const { createW2WasmTrainer } = await import('../../../src/core/bench/w2Wasm.ts');
    const trainer = await createW2WasmTrainer({ url: kernelUrl }, { start: startBpttPartWorker, threads: 2 });
    const w2 = [await trainer.step(), await trainer.step(), await trainer.step()];
    trainer.dispose();
    return { isolated: crossOriginIsolated, plan, w1, crash, afterCrash, fullMs, cancel, cancelMs, afterCancel, w2 };
  } finally {
    e.dispose();
  }
}

/**
 * W3 on two Web Workers checked (test/e2e/w3Threads.e2e.ts), on a third of W3's inputs: the
 * same counts and spikes per step as one thread, a worker dying mid-run fails that run with its
 * cause, and the next run (on a fresh worker, its part built again) is exact.
 */
async function w3ThreadChecks() {
  const [{ createBrowserW3Runner, w3ThreadsWhyNot }, { createPartKernel, inputKey }] = await Promise.all([import('../../../workers/w3Threads.ts'), import('../../../src/core/bench/w3PartKernel.ts')]);
  const net = { connectivity: 'exact', inputs: 3000, neurons: 10_000, p: 0.1 } as const;
  const steps = 100;
  const { exports } = await loadKernel({ url: kernelUrl });
  const single = createPartKernel(exports, net, { first: 0, end: net.neurons });
  const oneThread = (seed: number) => {
    single.reset();
    const key = inputKey(seed);
    const perStep = Array.from({ length: steps }, (_, t) => single.step(key, t, 0.02));
    return { counts: single.counts(), perStep };
  };
  const whyNot = w3ThreadsWhyNot();
  if (whyNot !== undefined) return { isolated: crossOriginIsolated, reason: whyNot };
  const w3 = await createBrowserW3Runner(2, net);
  try {
    const seeds = [1, 7].map((seed) => ({ seed, one: oneThread(seed) }));
    const two: { counts: unknown; perStep: number[] }[] = [];
    for (const { seed } of seeds) two.push({ counts: await w3.run(seed, steps), perStep: [...w3.stepSpikes()] });
    const crash = await w3.run(3, steps, 0.02, { thread: 1, step: 40 }).then(
      () => 'no error',
      (err: unknown) => (err instanceof Error ? err.message : String(err)),
    );
    const afterCrash = await w3.run(1, steps);
    return { isolated: crossOriginIsolated, threads: w3.threads, one: seeds.map((s) => s.one), two, crash, afterCrash };
  } finally {
    w3.dispose();
  }
}

export type BenchWorkerApi = typeof api & { threadChecks: typeof threadChecks; w3ThreadChecks: typeof w3ThreadChecks };
expose({ ...api, threadChecks, w3ThreadChecks });
