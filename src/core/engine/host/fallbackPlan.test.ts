import { describe, expect, it } from 'vitest';
import type { CapabilityReport } from './capabilities.ts';
import { planTfjsBackends, planTfjsWasm, withoutThreads } from './fallbackPlan.ts';

/** Chromium isolated, with SwiftShader: everything present. */
const ALL: CapabilityReport = { webAssembly: true, webWorkers: true, sharedArrayBuffer: true, atomicsWait: true, wasmSimd: true, wasmThreads: true, offscreenCanvas: true, webgl: true, webglFloat: true };
const NO_GL = 'WebGL is not available in this worker (no GPU, or disabled)';
// What the probes found in a worker of each browser, isolated (measured on this project's CI box).
const WEBKITGTK: CapabilityReport = { ...ALL, sharedArrayBuffer: 'SharedArrayBuffer is not defined here', webgl: NO_GL, webglFloat: NO_GL };
const FIREFOX: CapabilityReport = { ...ALL, webgl: NO_GL, webglFloat: NO_GL };

describe('planTfjsBackends', () => {
  it('tries webgl, wasm, cpu for auto, all ready when everything is present', () => {
    expect(planTfjsBackends('auto', ALL)).toEqual([
      { backend: 'webgl', ready: true },
      { backend: 'wasm', ready: true },
      { backend: 'cpu', ready: true },
    ]);
  });
  it('rules webgl out beforehand, with the probe\'s sentence, where the worker has no WebGL', () => {
    expect(planTfjsBackends('auto', FIREFOX)[0]).toEqual({ backend: 'webgl', ready: NO_GL });
    expect(planTfjsBackends('webgl', { ...ALL, offscreenCanvas: 'no OffscreenCanvas in this worker' })[0]?.ready).toBe('no OffscreenCanvas in this worker');
  });
  it('rules webgl out without float render targets (16-bit floats would change the spikes)', () => {
    expect(planTfjsBackends('auto', { ...ALL, webglFloat: 'WebGL here cannot render to float textures' })[0]?.ready).toBe('WebGL here cannot render to float textures');
  });
  it('steps down one backend at a time from the one asked for, cpu always last', () => {
    expect(planTfjsBackends('webgl', ALL).map((s) => s.backend)).toEqual(['webgl', 'wasm', 'cpu']);
    expect(planTfjsBackends('wasm', ALL).map((s) => s.backend)).toEqual(['wasm', 'cpu']);
    expect(planTfjsBackends('cpu', ALL).map((s) => s.backend)).toEqual(['cpu']);
    expect(planTfjsBackends('wasm', { ...ALL, webAssembly: 'this host has no WebAssembly' })).toEqual([
      { backend: 'wasm', ready: 'this host has no WebAssembly' },
      { backend: 'cpu', ready: true },
    ]);
  });
});

describe('planTfjsWasm', () => {
  it('uses the threaded SIMD build only when shared memory, Atomics.wait, threads and SIMD are all there', () => {
    expect(planTfjsWasm(ALL)).toEqual({ threads: true, simd: true });
    expect(planTfjsWasm(FIREFOX)).toEqual({ threads: true, simd: true });
  });
  it('runs WebKitGTK single-threaded with SIMD and says the missing SharedArrayBuffer is why', () => {
    expect(planTfjsWasm(WEBKITGTK)).toEqual({ threads: false, simd: true, note: 'one thread: SharedArrayBuffer is not defined here' });
  });
  it('runs Node single-threaded: it has no Web Workers for pthreads', () => {
    expect(planTfjsWasm({ ...ALL, webWorkers: 'this host cannot start Web Workers from here' }).note).toBe('one thread: this host cannot start Web Workers from here');
  });
  it('names the first missing piece, and says so when SIMD is missing too', () => {
    expect(planTfjsWasm({ ...ALL, atomicsWait: 'Atomics.wait is not available' }).note).toBe('one thread: Atomics.wait is not available');
    const noSimd = planTfjsWasm({ ...ALL, wasmSimd: 'no SIMD' });
    expect(noSimd).toEqual({ threads: false, simd: false, note: 'one thread: no SIMD; no SIMD either' });
  });
  it('runs one thread, saying why, when the host says the threaded build cannot start (the minified production bundle)', () => {
    expect(planTfjsWasm(FIREFOX, 'minified bundle')).toEqual({ threads: false, simd: true, note: 'one thread: minified bundle' });
  });
  it('drops threads after a failed start and keeps SIMD, carrying the failure into the note', () => {
    expect(withoutThreads(planTfjsWasm(FIREFOX), 'a pthread worker failed to load')).toEqual({ threads: false, simd: true, note: 'one thread: the threaded build did not start (a pthread worker failed to load)' });
  });
});
