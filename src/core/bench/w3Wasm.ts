import { EngineError } from '../errors.ts';
import { createKernelMemory } from '../engine/kernels/kernelMemory.ts';
import type { KernelExports } from '../engine/kernels/kernelModule.ts';
import { createRng, lowbias32 } from '../rng.ts';
import { W3_SIZES, runW3, type Csr, type W3Run } from './w3.ts';

/** One W3 implementation: runs of `steps` steps from zero state, inputs drawn from `seed`. */
export interface W3Runner {
  readonly engine: string;
  run(seed: number, steps?: number): W3Run;
}

/** The TypeScript reference loop of w3.ts. */
export function eventsW3Runner(csr: Csr): W3Runner {
  return { engine: 'events', run: (seed, steps) => runW3(csr, seed, steps) };
}

/**
 * W3 on the wasm kernel (sparseStep): the connectivity is copied into the kernel's memory once
 * (untimed, like building it; targets narrowed to 16 bits), then each step runs entirely inside
 * WebAssembly. It takes over the whole memory of `k`: give it an instance of its own. Same generator,
 * same float64 sums and float32 LIF as runW3, so the counts of a seed are identical.
 */
export function wasmW3Runner(k: KernelExports, csr: Csr, neurons: number = W3_SIZES.neurons): W3Runner {
  const inputs = csr.rowStart.length - 1;
  if (neurons > 65_536) throw new EngineError(`the wasm W3 kernel addresses at most 65,536 neurons (16-bit targets), got ${neurons}`);
  const mem = createKernelMemory(k);
  const rowStart = mem.alloc(csr.rowStart.byteLength);
  const targets = mem.alloc(csr.targets.length * 2);
  const weights = mem.alloc(csr.weights.byteLength);
  const acc = mem.alloc(neurons * 8);
  const cur = mem.alloc(neurons * 4);
  const v = mem.alloc(neurons * 4);
  const s = mem.alloc(neurons * 4);
  const ev = mem.alloc(inputs * 4);
  const stats = mem.alloc(24);
  new Uint32Array(k.memory.buffer).set(csr.rowStart, rowStart >>> 2);
  new Uint16Array(k.memory.buffer).set(csr.targets, targets >>> 1);
  new Float32Array(k.memory.buffer).set(csr.weights, weights >>> 2);
  const beta = Math.fround(0.9);
  return {
    engine: 'wasm',
    run(seed, steps = W3_SIZES.steps) {
      const buf = k.memory.buffer;
      new Float64Array(buf, acc, neurons).fill(0);
      new Float32Array(buf, v, neurons).fill(0);
      new Float32Array(buf, s, neurons).fill(0);
      const st = new Float64Array(buf, stats, 3);
      st.fill(0);
      // The kernel hashes k + lowbias32(stream): the stream of runW3's generator, hashed once here.
      const key = lowbias32(createRng(seed, 'w3-input').stream);
      for (let t = 0; t < steps; t++) k.sparseStep(key, t * inputs, inputs, W3_SIZES.inputRate, rowStart, targets, weights, acc, cur, v, s, neurons, beta, 1, 0, ev, stats);
      return { inputSpikes: st[0] ?? 0, synEvents: st[1] ?? 0, outputSpikes: st[2] ?? 0 };
    },
  };
}
