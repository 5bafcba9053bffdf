import type { Engine, EngineInfo } from '../core/engine/types.ts';
import { createThreadedEngine, type PartRequest } from '../core/engine/split/threadEngine.ts';
import type { SimulationResult } from '../core/engine/types.ts';
import { startNodeThread } from './nodeThreads.ts';

/**
 * The wasm engine on `threads` Node worker threads, each running a slice of the batch
 * (core/engine/split/threadEngine.ts; the browser does the same with Web Workers).
 */
export function createThreadedWasmEngine(threads: number): Promise<Engine & { crashThreadForTest(i: number): void }> {
  const info: EngineInfo = {
    name: 'wasm',
    backend: 'wasm-simd',
    reason: `event-driven WebAssembly SIMD kernel on ${threads} worker threads (batch split between them)`,
  };
  return createThreadedEngine(() => startNodeThread<PartRequest, SimulationResult>(new URL('./wasmWorkerMain.ts', import.meta.url)), threads, info);
}
