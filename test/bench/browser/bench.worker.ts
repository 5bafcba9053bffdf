import { expose } from 'comlink';
import wasmPlain from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreaded from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import { benchW1, benchW2, benchW3, type BenchHost, type BenchLine } from '../../../src/core/bench/workloads.ts';
import { createEngine, type EngineRequest } from '../../../src/core/engine/index.ts';

const wasmPaths = { 'tfjs-backend-wasm.wasm': wasmPlain, 'tfjs-backend-wasm-simd.wasm': wasmSimd, 'tfjs-backend-wasm-threaded-simd.wasm': wasmThreaded };
// Memory is read from outside (the runner polls the browser processes' RSS); 0 here.
const host: BenchHost = { now: () => performance.now(), peakMemoryMb: () => 0 };

const api = {
  async run(workload: string, engine: string, reps: number): Promise<BenchLine | { workload: string; engine: string; line: string }> {
    if (workload === 'MAP') {
      // The chip mapper as the page's worker runs it: 99k neurons on Loihi.
      const { mapBenchLine } = await import('../mapBench.ts');
      return { workload, engine, line: await mapBenchLine() };
    }
    if (workload === 'W3') return benchW3(host, reps);
    const e = await createEngine(engine as EngineRequest, { wasmPaths });
    if (workload === 'W1') return benchW1(e, host, reps);
    const { createW2Trainer } = await import('../../../src/core/bench/w2.ts');
    const trainer = createW2Trainer();
    try {
      return await benchW2(trainer, e.info().name, host, reps);
    } finally {
      trainer.dispose();
    }
  },
};

export type BenchWorkerApi = typeof api;
expose(api);
