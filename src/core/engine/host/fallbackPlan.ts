import type { CapabilityReport, Presence } from './capabilities.ts';

/** A tfjs backend the workbench can run on (backend.ts activates them). */
export type TfBackendName = 'webgl' | 'wasm' | 'cpu';

/** The steps down from each backend: one at a time, cpu (plain JavaScript) always last. */
const TFJS_STEPS: Readonly<Record<TfBackendName, readonly TfBackendName[]>> = {
  webgl: ['webgl', 'wasm', 'cpu'],
  wasm: ['wasm', 'cpu'],
  cpu: ['cpu'],
};

/** The capabilities each backend needs before it is worth starting, with the one sentence why not. */
const TFJS_NEEDS: Readonly<Record<TfBackendName, (c: CapabilityReport) => Presence>> = {
  // In a worker tfjs-webgl draws on an OffscreenCanvas; without float render targets it would
  // compute in 16-bit floats and its spikes would differ from the other engines'.
  webgl: (c) => first(c.offscreenCanvas, c.webgl, c.webglFloat),
  wasm: (c) => c.webAssembly,
  cpu: () => true,
};

/** The backends to try for a request, in order, each with what rules it out beforehand (or true). */
export function planTfjsBackends(request: TfBackendName | 'auto', caps: CapabilityReport): readonly { readonly backend: TfBackendName; readonly ready: Presence }[] {
  return TFJS_STEPS[request === 'auto' ? 'webgl' : request].map((backend) => ({ backend, ready: TFJS_NEEDS[backend](caps) }));
}

/** How tfjs-backend-wasm should start: its threaded SIMD build, its SIMD build or its plain one, and why. */
export interface TfjsWasmPlan {
  readonly threads: boolean;
  readonly simd: boolean;
  /** Why a faster build is not used; absent when the threaded build is. */
  readonly note?: string;
}

/**
 * tfjs-backend-wasm's threaded build is SIMD-only and its pthreads are Web Workers that share
 * memory and block on Atomics.wait: all five must be there. Otherwise the single-thread build, with SIMD when it compiles.
 */
export function planTfjsWasm(caps: CapabilityReport, threadedBuild: Presence = true): TfjsWasmPlan {
  const simd = caps.wasmSimd === true;
  const threadsMissing = first(threadedBuild, caps.webWorkers, caps.sharedArrayBuffer, caps.atomicsWait, caps.wasmThreads, caps.wasmSimd);
  if (threadsMissing === true) return { threads: true, simd };
  return { threads: false, simd, note: `one thread: ${threadsMissing}${simd ? '' : '; no SIMD either'}` };
}

/** The plan after the threaded build failed to start: the same build without threads, and why. */
export function withoutThreads(plan: TfjsWasmPlan, failure: string): TfjsWasmPlan {
  return { threads: false, simd: plan.simd, note: `one thread: the threaded build did not start (${failure})` };
}

/** The first capability that is missing (its sentence), or true when all are present. */
function first(...presences: readonly Presence[]): Presence {
  return presences.find((p) => p !== true) ?? true;
}
