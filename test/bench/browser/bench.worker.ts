import { expose } from 'comlink';
import wasmPlain from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreaded from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import kernelUrl from '../../../src/core/engine/kernels/build/spikeKernels.wasm?url';
import { benchW1, benchW2, benchW3, type BenchHost, type BenchLine } from '../../../src/core/bench/workloads.ts';
import { loadKernel } from '../../../src/core/engine/kernels/kernelModule.ts';
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
    const kernel = { url: kernelUrl };
    if (workload === 'W3') {
      if (engine !== 'wasm') return benchW3(host, reps);
      const [{ exports }, { wasmW3Runner }] = await Promise.all([loadKernel(kernel), import('../../../src/core/bench/w3Wasm.ts')]);
      return benchW3(host, reps, () => wasmW3Runner(exports));
    }
    if (workload === 'W2' && engine === 'wasm') {
      const { createW2WasmTrainer } = await import('../../../src/core/bench/w2Wasm.ts');
      return benchW2(await createW2WasmTrainer(kernel), 'wasm', host, reps);
    }
    const e = await createEngine(engine as EngineRequest, { wasmPaths, kernel });
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
