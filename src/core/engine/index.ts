import { EngineError } from '../errors.ts';
import { createEventEngine } from './event/eventEngine.ts';
import type { Presence } from './host/capabilities.ts';
import type { KernelSource } from './kernels/kernelModule.ts';
import type { Engine } from './types.ts';

/**
 * What a caller may ask for: the event engine, the wasm SIMD kernel engine, or tfjs on a given
 * backend ('tfjs' = best available).
 */
export type EngineRequest = 'events' | 'wasm' | 'tfjs' | 'tfjs-cpu' | 'tfjs-wasm' | 'tfjs-webgl';

/** Every request the factory understands, for argument parsing and menus. */
export const ENGINE_REQUESTS: readonly EngineRequest[] = ['events', 'wasm', 'tfjs', 'tfjs-cpu', 'tfjs-wasm', 'tfjs-webgl'];

/** Options of createEngine. */
export interface EngineFactoryOptions {
  /** Where tfjs-backend-wasm finds its .wasm files (browser: vite `?url` imports; Node needs none). */
  readonly wasmPaths?: string | Readonly<Record<string, string>>;
  /**
   * The kernel of the 'wasm' engine (src/core/engine/kernels/build/spikeKernels.wasm): its bytes in
   * Node (src/cli/kernelFile.ts reads them), `{ url }` in the browser (a vite `?url` import).
   */
  readonly kernel?: KernelSource;
  /**
   * Whether tfjs-backend-wasm's threaded build can start its pthreads here (true), or why not: it
   * starts them from its factory's source text, which a minified bundle breaks (the page's
   * production build). Threads are planned only when this and the host's capabilities allow.
   */
  readonly tfjsThreadedBuild?: Presence;
}

/**
 * Creates an engine. tfjs and the wasm kernel are loaded only when asked for, so the event engine
 * starts without them. A tfjs backend that cannot start falls back in 'tfjs' mode and fails with a
 * clear message when requested explicitly. The 'wasm' engine does not fall back: it runs dense
 * LIF/IF networks and rejects others with an EngineError naming the layer (see
 * `wasmUnsupportedReason` in wasm/wasmPlan.ts to pick the events engine beforehand).
 */
export async function createEngine(request: EngineRequest, options: EngineFactoryOptions = {}): Promise<Engine> {
  if (request === 'events') return createEventEngine();
  if (request === 'wasm') {
    if (!options.kernel) throw new EngineError("the 'wasm' engine needs its kernel: pass `kernel` (bytes of spikeKernels.wasm, or { url })");
    const { createWasmEngine } = await import('./wasm/wasmEngine.ts');
    return createWasmEngine(options.kernel);
  }
  const [{ selectBackend }, { createTfjsEngine }] = await Promise.all([import('./tfjs/backend.ts'), import('./tfjs/tfjsEngine.ts')]);
  const backend = request === 'tfjs' ? 'auto' : request === 'tfjs-cpu' ? 'cpu' : request === 'tfjs-wasm' ? 'wasm' : 'webgl';
  const choice = await selectBackend(backend, options.wasmPaths, undefined, options.tfjsThreadedBuild);
  return createTfjsEngine(choice);
}
