import { createEventEngine } from './event/eventEngine.ts';
import type { Engine } from './types.ts';

/** What a caller may ask for: the event engine, or tfjs on a given backend ('tfjs' = best available). */
export type EngineRequest = 'events' | 'tfjs' | 'tfjs-cpu' | 'tfjs-wasm' | 'tfjs-webgl';

/** Every request the factory understands, for argument parsing and menus. */
export const ENGINE_REQUESTS: readonly EngineRequest[] = ['events', 'tfjs', 'tfjs-cpu', 'tfjs-wasm', 'tfjs-webgl'];

/** Options of createEngine. */
export interface EngineFactoryOptions {
  /** Where tfjs-backend-wasm finds its .wasm files (browser: vite `?url` imports; Node needs none). */
  readonly wasmPaths?: string | Readonly<Record<string, string>>;
}

/**
 * Creates an engine. tfjs is loaded only when asked for (it is large), so the event engine starts
 * without it. A tfjs backend that cannot start falls back in 'tfjs' mode and fails with a clear
 * message when requested explicitly.
 */
export async function createEngine(request: EngineRequest, options: EngineFactoryOptions = {}): Promise<Engine> {
  if (request === 'events') return createEventEngine();
  const [{ selectBackend }, { createTfjsEngine }] = await Promise.all([import('./tfjs/backend.ts'), import('./tfjs/tfjsEngine.ts')]);
  const backend = request === 'tfjs' ? 'auto' : request === 'tfjs-cpu' ? 'cpu' : request === 'tfjs-wasm' ? 'wasm' : 'webgl';
  const choice = await selectBackend(backend, options.wasmPaths);
  return createTfjsEngine(choice);
}
