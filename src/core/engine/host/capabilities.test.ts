import { describe, expect, it } from 'vitest';
import { CAPABILITIES, detectCapabilities } from './capabilities.ts';

describe('detectCapabilities', () => {
  it('finds in Node what Node has: WebAssembly with SIMD and threads, shared memory and Atomics.wait, no Web Workers, no OffscreenCanvas', () => {
    const caps = detectCapabilities();
    expect(caps.webAssembly).toBe(true);
    expect(caps.wasmSimd).toBe(true);
    expect(caps.wasmThreads).toBe(true);
    expect(caps.sharedArrayBuffer).toBe(true);
    // Node's main thread may block (a browser page's may not); the probe runs Atomics.wait for real.
    expect(caps.atomicsWait).toBe(true);
    expect(caps.offscreenCanvas).toBe('no OffscreenCanvas in this worker');
    expect(caps.webWorkers).toBe('this host cannot start Web Workers from here');
    expect(caps.webgl).toBe('no OffscreenCanvas in this worker, so no WebGL off the page');
  });
  it('reports a host without SharedArrayBuffer (WebKitGTK, isolated) with a sentence, not a crash', () => {
    const caps = detectCapabilities({ ...hostOf(globalThis), SharedArrayBuffer: undefined });
    expect(caps.sharedArrayBuffer).toBe('SharedArrayBuffer is not defined here');
    expect(caps.atomicsWait).toBe('Atomics.wait is not available');
    expect(caps.wasmThreads).toBe(true);
  });
  it('reports a SharedArrayBuffer that cannot be posted, and a probe that throws, with the error', () => {
    class RefusingChannel {
      port1 = { postMessage: () => { throw new Error('DataCloneError: SharedArrayBuffer is not transferable'); }, close: () => undefined };
      port2 = { close: () => undefined };
    }
    const caps = detectCapabilities({ ...hostOf(globalThis), MessageChannel: RefusingChannel });
    expect(caps.sharedArrayBuffer).toBe('SharedArrayBuffer failed its test (DataCloneError: SharedArrayBuffer is not transferable)');
  });
  it('reports WebGL without float render targets, and WebGL present, from the context the worker gets', () => {
    const canvas = (extensions: readonly string[]) =>
      class {
        getContext(kind: string) {
          return kind === 'webgl2' ? { getExtension: (n: string) => (extensions.includes(n) ? {} : null) } : null;
        }
      };
    const plain = detectCapabilities({ ...hostOf(globalThis), OffscreenCanvas: canvas([]) });
    expect([plain.offscreenCanvas, plain.webgl, plain.webglFloat]).toEqual([true, true, 'WebGL here cannot render to float textures']);
    expect(detectCapabilities({ ...hostOf(globalThis), OffscreenCanvas: canvas(['EXT_color_buffer_float']) }).webglFloat).toBe(true);
  });
  it('has one row per capability, each with a label', () => {
    expect(Object.keys(detectCapabilities()).sort()).toEqual(Object.keys(CAPABILITIES).sort());
    for (const c of Object.values(CAPABILITIES)) expect(c.label.length).toBeGreaterThan(3);
  });
});

/** The globals the probes read, copied so a test can replace one. */
function hostOf(g: typeof globalThis): Record<string, unknown> {
  return { SharedArrayBuffer: g.SharedArrayBuffer, MessageChannel: g.MessageChannel, Atomics: g.Atomics, WebAssembly: g.WebAssembly };
}
