/**
 * What the host (a worker, the page, Node) can actually do, probed where it is used rather than
 * inferred from `crossOriginIsolated`: WebKitGTK reports an isolated page yet defines no
 * SharedArrayBuffer, and Firefox defines one whose threaded tfjs build still fails to start.
 * This table is the one owner of every capability an engine choice depends on; the decisions
 * that read it are in fallbackPlan.ts.
 */
export type Capability = 'webAssembly' | 'webWorkers' | 'sharedArrayBuffer' | 'atomicsWait' | 'wasmSimd' | 'wasmThreads' | 'offscreenCanvas' | 'webgl' | 'webglFloat';

/** `true` when present, else the sentence saying what is missing (shown on the engine line). */
export type Presence = true | string;

/** The probed host: every capability, present or why not. */
export type CapabilityReport = Readonly<Record<Capability, Presence>>;

/** The globals the probes read, all optional: the core is built without the DOM's types. */
interface HostGlobals {
  readonly Worker?: unknown;
  readonly SharedArrayBuffer?: new (bytes: number) => ArrayBufferLike;
  readonly MessageChannel?: new () => { port1: { postMessage(m: unknown): void; close(): void }; port2: { close(): void } };
  readonly Atomics?: { wait?: (a: Int32Array, index: number, value: number, timeoutMs: number) => string };
  readonly WebAssembly?: { validate(bytes: Uint8Array): boolean };
  readonly OffscreenCanvas?: new (w: number, h: number) => { getContext(kind: string): GlContext | null };
}

interface GlContext {
  getExtension(name: string): unknown;
}

// Smallest modules using one feature each (the WebAssembly feature-detection idiom): a SIMD
// instruction (i8x16.splat), and an atomic load from a shared memory.
const SIMD_MODULE = [0, 97, 115, 109, 1, 0, 0, 0, 1, 4, 1, 96, 0, 0, 3, 2, 1, 0, 10, 9, 1, 7, 0, 65, 0, 253, 15, 26, 11];
const THREADS_MODULE = [0, 97, 115, 109, 1, 0, 0, 0, 1, 4, 1, 96, 0, 0, 3, 2, 1, 0, 5, 4, 1, 3, 1, 1, 10, 11, 1, 9, 0, 65, 0, 254, 16, 2, 0, 26, 11];

const compiles = (g: HostGlobals, bytes: readonly number[], feature: string): Presence => {
  if (!g.WebAssembly) return 'this host has no WebAssembly';
  return g.WebAssembly.validate(Uint8Array.from(bytes)) ? true : `this browser's WebAssembly does not compile ${feature}`;
};

const webglOf = (g: HostGlobals): GlContext | string => {
  if (!g.OffscreenCanvas) return 'no OffscreenCanvas in this worker, so no WebGL off the page';
  const c = new g.OffscreenCanvas(1, 1);
  return c.getContext('webgl2') ?? c.getContext('webgl') ?? 'WebGL is not available in this worker (no GPU, or disabled)';
};

/** One row per capability: a label for messages and the probe, which returns true or why not. */
export const CAPABILITIES: Readonly<Record<Capability, { readonly label: string; readonly probe: (g: HostGlobals) => Presence }>> = {
  webAssembly: { label: 'WebAssembly', probe: (g) => (typeof g.WebAssembly?.validate === 'function' ? true : 'this host has no WebAssembly') },
  // Threads are Web Workers started from where the engine runs (nested in a worker). Node has
  // none as a global: its threads are worker_threads, which tfjs-backend-wasm does not use.
  webWorkers: { label: 'Web Workers', probe: (g) => (typeof g.Worker === 'function' ? true : 'this host cannot start Web Workers from here') },
  sharedArrayBuffer: {
    label: 'SharedArrayBuffer',
    probe: (g) => {
      if (!g.SharedArrayBuffer) return 'SharedArrayBuffer is not defined here';
      if (!g.MessageChannel) return 'there is no MessageChannel to hand a SharedArrayBuffer to another thread';
      // Firefox defined SharedArrayBuffer yet refused to post one in some versions: try it.
      const ch = new g.MessageChannel();
      try {
        ch.port1.postMessage(new g.SharedArrayBuffer(4));
      } finally {
        ch.port1.close();
        ch.port2.close();
      }
      return true;
    },
  },
  atomicsWait: {
    label: 'Atomics.wait',
    probe: (g) => {
      if (!g.SharedArrayBuffer || typeof g.Atomics?.wait !== 'function') return 'Atomics.wait is not available';
      // Blocking is allowed in workers only: a page's main thread throws here.
      g.Atomics.wait(new Int32Array(new g.SharedArrayBuffer(4)), 0, 0, 0);
      return true;
    },
  },
  wasmSimd: { label: 'WebAssembly SIMD', probe: (g) => compiles(g, SIMD_MODULE, 'SIMD instructions') },
  wasmThreads: { label: 'WebAssembly threads', probe: (g) => compiles(g, THREADS_MODULE, 'atomics on shared memory (threads)') },
  offscreenCanvas: { label: 'OffscreenCanvas', probe: (g) => (g.OffscreenCanvas ? true : 'no OffscreenCanvas in this worker') },
  webgl: {
    label: 'WebGL',
    probe: (g) => {
      const gl = webglOf(g);
      return typeof gl === 'string' ? gl : true;
    },
  },
  webglFloat: {
    label: 'WebGL float textures',
    probe: (g) => {
      const gl = webglOf(g);
      if (typeof gl === 'string') return gl;
      return gl.getExtension('EXT_color_buffer_float') || gl.getExtension('OES_texture_float') ? true : 'WebGL here cannot render to float textures';
    },
  },
};

/** One capability probed on `host` (this realm by default); a probe that throws reports its error. */
export function probeCapability(name: Capability, host: unknown = globalThis): Presence {
  const c = CAPABILITIES[name];
  try {
    return c.probe(host as HostGlobals);
  } catch (e) {
    return `${c.label} failed its test (${e instanceof Error ? e.message : String(e)})`;
  }
}

/** Runs every probe on `host` (this realm by default). */
export function detectCapabilities(host: unknown = globalThis): CapabilityReport {
  return Object.fromEntries(Object.keys(CAPABILITIES).map((name) => [name, probeCapability(name as Capability, host)])) as CapabilityReport;
}
