import { kernelFlag } from '../../spec/precision.ts';
import { EngineError, throwIfAborted } from '../../errors.ts';
import { createKernelMemory, type KernelMemory } from '../kernels/kernelMemory.ts';
import { loadKernel, type KernelExports, type KernelSource } from '../kernels/kernelModule.ts';
import { createRunRecorder, type RunRecorder } from '../runRecorder.ts';
import type { CompiledNetwork, Engine, EngineInfo, SimInput, SimOptions, SimulationResult } from '../types.ts';
import { shouldYield, yieldToEventLoop } from '../yieldControl.ts';
import { buildWasmPlan, type WasmPlan } from './wasmPlan.ts';

/**
 * The WebAssembly SIMD engine: the event engine's semantics (same float64 row sums, same float32
 * neuron updates, so the same spikes bit for bit) in a kernel of our own, for dense, conv2d,
 * pooling, flatten and sum layers of LIF/IF neurons with readouts, in chains or graphs (recurrent edges, skips), dense biases included. Networks it does not support fail with an EngineError that names
 * the layer; `wasmUnsupportedReason` lets a caller choose the events engine beforehand instead.
 */
export async function createWasmEngine(source: KernelSource): Promise<Engine> {
  const kernel = await loadKernel(source);
  const mem = createKernelMemory(kernel.exports);
  const info: EngineInfo = {
    name: 'wasm',
    backend: 'wasm-simd',
    reason: 'event-driven WebAssembly SIMD kernel, one thread (dense, conv2d and pool layers, LIF/IF neurons, readouts)',
  };
  // One instance has one linear memory: runs on the same engine take turns.
  let queue: Promise<unknown> = Promise.resolve();
  let disposed = false;
  return {
    info: () => info,
    simulate(net, input, options) {
      if (disposed) return Promise.reject(new EngineError('this wasm engine was disposed'));
      const run = queue.then(() => simulateWasm(kernel.exports, mem, net, input, options));
      queue = run.catch(() => undefined);
      return run;
    },
    dispose: () => {
      disposed = true;
    },
  };
}

async function simulateWasm(k: KernelExports, mem: KernelMemory, net: CompiledNetwork, input: SimInput, options: SimOptions): Promise<SimulationResult> {
  const started = Date.now();
  mem.reset();
  const plan = buildWasmPlan(net, input, options.dtMs, mem, k);
  const recorder = createRunRecorder(net, input, options);
  const f32 = mem.f32();
  const recordSpikes = options.recordSpikes ?? true;
  // The float32 precision mode's sums (precision.ts), as the kernels' 0/1 flag.
  const narrow = kernelFlag(options.precision);
  const progressEvery = Math.max(1, Math.floor(input.steps / 20));
  let lastYield = Date.now();
  for (let t = 0; t < input.steps; t++) {
    throwIfAborted(options.signal, 'simulation');
    stepAll(k, plan, input, t, f32, recorder, recordSpikes, narrow);
    if ((t + 1) % progressEvery === 0 || t + 1 === input.steps) options.onProgress?.(t + 1, input.steps);
    if (shouldYield(lastYield)) {
      await yieldToEventLoop();
      lastYield = Date.now();
    }
  }
  const readouts = plan.ops.flatMap((op) => (op.kind === 'readout' ? [op.readout.finish(f32.subarray(op.values >>> 2, (op.values >>> 2) + op.size * input.batch), input.steps)] : []));
  return recorder.finish('wasm', readouts, Date.now() - started);
}

/** One step of every layer; counts come from the kernel unless spikes are recorded one by one. */
function stepAll(k: KernelExports, plan: WasmPlan, input: SimInput, t: number, f32: Float32Array, rec: RunRecorder, recordSpikes: boolean, narrow: number): void {
  const batch = input.batch;
  for (const op of plan.ops) {
    const n = op.size * batch;
    const view = (ptr: number) => f32.subarray(ptr >>> 2, (ptr >>> 2) + n);
    switch (op.kind) {
      case 'input': {
        const x = input.values.subarray(t * n, t * n + n);
        if (op.copied) f32.set(x, op.values >>> 2);
        if (recordSpikes) rec.record(op.index, t, x, undefined);
        else if (!op.countedByNext) rec.addCount(op.index, sumOf(x));
        break;
      }
      case 'alias':
        break;
      case 'gather': {
        const [first, ...rest] = op.sources;
        f32.copyWithin(op.values >>> 2, (first ?? 0) >>> 2, ((first ?? 0) >>> 2) + n);
        for (const src of rest) k.addInto(op.values, src, n);
        break;
      }
      case 'dense': {
        // The kernel returns the sum of its input: the input layer's count, without a second scan.
        const ev = op.events;
        const inputSum = ev ? k.denseEventsBatch(ev.starts + t * ev.stepBytes, ev.index, batch, op.weights, op.size, op.values, ev.rows, narrow) : k.denseBatch(op.from, op.nIn, batch, plan.events, op.weights, op.size, op.values, narrow);
        // The bias after the float32 currents, one float32 add each, as the event engine adds it.
        if (op.bias) for (let b = 0; b < batch; b++) k.addInto(op.values + b * op.size * 4, op.bias, op.size);
        if (op.countsInput && !recordSpikes) rec.addCount(0, inputSum);
        break;
      }
      case 'conv': {
        const inputSum = k.convBatch(op.from, op.nIn, batch, plan.events, op.weights, op.geom, op.size, op.values, plan.wide);
        if (op.countsInput && !recordSpikes) rec.addCount(0, inputSum);
        break;
      }
      case 'pool':
        k.poolBatch(op.from, batch, op.geom, op.mode, op.values, plan.wide);
        break;
      case 'neurons': {
        const count = op.events ? k.lifBatchEvents(op.v, op.values, op.from, op.size, batch, op.beta, op.theta, op.reset, op.events.starts, op.events.index) : k.lifBatch(op.v, op.values, op.from, n, op.beta, op.theta, op.reset);
        if (recordSpikes) rec.record(op.index, t, view(op.values), view(op.v));
        else {
          rec.addCount(op.index, count);
          if (rec.wants(op.index)) rec.record(op.index, t, undefined, view(op.v));
        }
        break;
      }
      case 'readout':
        op.readout.step(view(op.from), view(op.values));
        if (rec.wants(op.index)) rec.record(op.index, t, undefined, view(op.values));
        break;
    }
  }
  // What recurrent edges will read at the next step.
  for (const c of plan.kept) f32.copyWithin(c.to >>> 2, c.from >>> 2, (c.from >>> 2) + c.n);
}

function sumOf(x: Float32Array): number {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i] as number;
  return s;
}
