import { createThreadedEngine, type PartRequest } from '../src/core/engine/split/threadEngine.ts';
import type { Engine, EngineInfo, SimulationResult } from '../src/core/engine/types.ts';
import { startBrowserThread } from './browserThreads.ts';

const startPart = () => startBrowserThread<PartRequest, SimulationResult>(() => new Worker(new URL('./wasmPart.worker.ts', import.meta.url), { type: 'module', name: 'wasm engine thread' }), 'a wasm engine thread');

/** The wasm engine on `threads` Web Workers (the batch split between them). */
export function createBrowserThreadedWasmEngine(threads: number): Promise<Engine & { crashThreadForTest(i: number): void }> {
  const info: EngineInfo = { name: 'wasm', backend: 'wasm-simd', reason: `event-driven WebAssembly SIMD kernel on ${threads} Web Workers (batch split between them)` };
  return createThreadedEngine(startPart, threads, info);
}
