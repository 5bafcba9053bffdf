import { EngineError } from '../../errors.ts';

/**
 * Where the kernel .wasm comes from, host-neutral: its bytes (Node reads the file, see
 * src/cli/kernelFile.ts), a URL the host can fetch (the browser: a vite `?url` import), or a
 * module compiled before (e.g. one posted to a worker, so each thread skips the compile).
 */
export type KernelSource = ArrayBuffer | Uint8Array | { readonly url: string } | { readonly module: CompiledKernel };

/** A compiled WebAssembly.Module, opaque to the core (which is built without the DOM types). */
export interface CompiledKernel {
  readonly compiledKernel?: never;
}

/** The exports of assembly/index.ts; every pointer is a byte offset into `memory`. */
export interface KernelExports {
  readonly memory: { readonly buffer: ArrayBuffer; grow(pages: number): number };
  heapBase(): number;
  scanEvents(x: number, n: number, ev: number): number;
  /** `narrow` (0/1): the float32 precision mode's sums. */
  denseBatch(x: number, nIn: number, batch: number, ev: number, w: number, nOut: number, out: number, narrow: number): number;
  denseScratchBytes(nIn: number, batch: number): number;
  denseEventsBatch(starts: number, index: number, batch: number, w: number, nOut: number, out: number, rows: number, narrow: number): number;
  lifBatch(v: number, s: number, x: number, n: number, beta: number, theta: number, mode: number): number;
  lifBatchEvents(v: number, s: number, x: number, size: number, batch: number, beta: number, theta: number, mode: number, starts: number, index: number): number;
  convBatch(x: number, nIn: number, batch: number, ev: number, w: number, geom: number, nOut: number, out: number, wide: number): number;
  convScratchBytes(nIn: number): number;
  poolBatch(x: number, batch: number, geom: number, mode: number, out: number, wide: number): void;
  /** out += x, n float32 values (a node's inputs summed in edge order). */
  addInto(out: number, x: number, n: number): void;
  sparseStep(
    key: number, k0: number, inputs: number, p: number,
    rowStart: number, targets: number, weights: number,
    acc: number, cur: number, v: number, s: number, n: number,
    beta: number, theta: number, mode: number, ev: number, stats: number,
    /** 1: the float32 precision mode (acc float32). */
    narrow: number,
  ): number;
  /** sparseStep over partitions of the targets (assembly/sparse.ts): `parts` is nParts × (rowStart, targets, weights, first neuron). */
  sparsePartStep(
    key: number, k0: number, inputs: number, p: number,
    parts: number, nParts: number,
    acc: number, cur: number, v: number, s: number, n: number,
    beta: number, theta: number, mode: number, ev: number, stats: number,
    narrow: number,
  ): number;
  /** sparsePartStep's first half: inputs drawn, their rows added into acc. */
  sparsePartAdd(key: number, k0: number, inputs: number, p: number, parts: number, nParts: number, acc: number, ev: number, stats: number, narrow: number): void;
  /** Its second half: currents rounded, neurons updated; returns the spikes. */
  sparsePartUpdate(acc: number, cur: number, v: number, s: number, n: number, beta: number, theta: number, mode: number, stats: number, narrow: number): number;
}

/** A ready kernel instance plus the module it came from (to make more instances). */
export interface KernelInstance {
  readonly module: CompiledKernel;
  readonly exports: KernelExports;
}

// The slice of the WebAssembly and fetch APIs used here. ES2022 (the core's lib) declares
// neither, although every host the core runs in (Node ≥ 20, browsers, workers) provides both.
interface WasmApi {
  compile(bytes: ArrayBuffer | Uint8Array): Promise<CompiledKernel>;
  instantiate(module: CompiledKernel, imports: Record<string, never>): Promise<{ readonly exports: Record<string, unknown> }>;
}
interface FetchResponse {
  readonly ok: boolean;
  readonly status: number;
  arrayBuffer(): Promise<ArrayBuffer>;
}
interface HostApis {
  readonly WebAssembly?: WasmApi;
  readonly fetch?: (url: string) => Promise<FetchResponse>;
}

const FUNCTIONS = ['heapBase', 'scanEvents', 'denseBatch', 'denseEventsBatch', 'denseScratchBytes', 'lifBatch', 'lifBatchEvents', 'convBatch', 'convScratchBytes', 'poolBatch', 'addInto', 'sparseStep', 'sparsePartStep', 'sparsePartAdd', 'sparsePartUpdate'] as const;

function isKernelExports(e: Record<string, unknown>): e is Record<string, unknown> & KernelExports {
  const mem = e['memory'];
  return typeof mem === 'object' && mem !== null && 'buffer' in mem && FUNCTIONS.every((f) => typeof e[f] === 'function');
}

async function compileSource(wasm: WasmApi, host: HostApis, source: KernelSource): Promise<CompiledKernel> {
  if ('module' in source) return source.module;
  if (source instanceof ArrayBuffer || source instanceof Uint8Array) return wasm.compile(source);
  if (!host.fetch) throw new EngineError(`cannot fetch the wasm kernel from ${source.url} here: pass its bytes instead`);
  const res = await host.fetch(source.url);
  if (!res.ok) throw new EngineError(`the wasm kernel ${source.url} could not be loaded (HTTP ${res.status}); run \`npm run build:kernels\``);
  return wasm.compile(await res.arrayBuffer());
}

/** Compiles (if needed) and instantiates the kernel; checks that it has the expected exports. */
export async function loadKernel(source: KernelSource): Promise<KernelInstance> {
  const host = globalThis as HostApis;
  const wasm = host.WebAssembly;
  if (!wasm) throw new EngineError('this JavaScript host has no WebAssembly: use the events engine');
  let module: CompiledKernel;
  try {
    module = await compileSource(wasm, host, source);
  } catch (e) {
    if (e instanceof EngineError) throw e;
    // The usual cause is a host without WebAssembly SIMD (Safari < 16.4, old Node).
    throw new EngineError(`the wasm kernel does not compile here (${e instanceof Error ? e.message : String(e)}); it needs WebAssembly SIMD — use the events engine`);
  }
  const { exports } = await wasm.instantiate(module, {});
  if (!isKernelExports(exports)) throw new EngineError(`the wasm kernel lacks one of ${FUNCTIONS.join(', ')}: rebuild it with \`npm run build:kernels\``);
  return { module, exports };
}
