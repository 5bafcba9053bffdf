import { DEFAULT_PRECISION, kernelFlag, type SumPrecision } from '../spec/precision.ts';
import { EngineError } from '../errors.ts';
import { createKernelMemory } from '../engine/kernels/kernelMemory.ts';
import type { KernelExports } from '../engine/kernels/kernelModule.ts';
import { createRng, lowbias32 } from '../rng.ts';
import { W3_SIZES, buildW3Csr, runW3, w3Capacity, type Csr, type W3Run } from './w3.ts';

/**
 * One W3 implementation: runs of `steps` steps from zero state, inputs drawn from `seed` at `rate`
 * per step. A runner on threads answers asynchronously and must be disposed.
 */
export interface W3Runner {
  readonly engine: string;
  /** Threads one run uses (1 unless said). */
  readonly threads?: number;
  /** Synapses of the network, when the runner knows them. */
  readonly synapses?: number;
  run(seed: number, steps?: number, rate?: number): W3Run | Promise<W3Run>;
  dispose?(): void;
}

/** A runner on the caller's thread: its runs return at once. */
export interface LocalW3Runner extends W3Runner {
  run(seed: number, steps?: number, rate?: number): W3Run;
}

/** The TypeScript reference loop of w3.ts. */
export function eventsW3Runner(csr: Csr, neurons: number = W3_SIZES.neurons, precision: SumPrecision = DEFAULT_PRECISION): LocalW3Runner {
  return { engine: 'events', run: (seed, steps, rate) => runW3(csr, seed, steps, rate, neurons, precision) };
}

/**
 * W3 on the wasm kernel (sparseStep): the connectivity is built straight into the kernel's memory
 * (untimed; 16-bit targets, so W3's 10 M synapses take 60 MB and exist once), then each step runs
 * entirely inside WebAssembly. It takes over the whole memory of `k`: give it an instance of its
 * own. Same generator, same float64 sums and float32 LIF as runW3, so the counts of a seed are
 * identical.
 */
export function wasmW3Runner(k: KernelExports, inputs: number = W3_SIZES.inputs, neurons: number = W3_SIZES.neurons, precision: SumPrecision = DEFAULT_PRECISION): LocalW3Runner {
  // The float32 precision mode sums into a float32 acc (sparse.ts addRow32), which is then the current.
  const narrow = kernelFlag(precision);
  if (neurons > 65_536) throw new EngineError(`the wasm W3 kernel addresses at most 65,536 neurons (16-bit targets), got ${neurons}`);
  const cap = w3Capacity(inputs, neurons);
  const mem = createKernelMemory(k);
  const rowStart = mem.alloc((inputs + 1) * 4);
  const targets = mem.alloc(cap * 2);
  const weights = mem.alloc(cap * 4);
  const acc = mem.alloc(neurons * 8);
  const cur = mem.alloc(neurons * 4);
  const v = mem.alloc(neurons * 4);
  const s = mem.alloc(neurons * 4);
  const ev = mem.alloc(inputs * 4);
  const stats = mem.alloc(24);
  // Views after the last allocation (growing the memory detaches earlier ones).
  const buf = k.memory.buffer;
  buildW3Csr(inputs, neurons, { rowStart: new Uint32Array(buf, rowStart, inputs + 1), targets: new Uint16Array(buf, targets, cap), weights: new Float32Array(buf, weights, cap) });
  const beta = Math.fround(0.9);
  return {
    engine: 'wasm',
    run(seed, steps = W3_SIZES.steps, rate = W3_SIZES.inputRate) {
      const buf = k.memory.buffer;
      new Float64Array(buf, acc, neurons).fill(0);
      new Float32Array(buf, v, neurons).fill(0);
      new Float32Array(buf, s, neurons).fill(0);
      const st = new Float64Array(buf, stats, 3);
      st.fill(0);
      // The kernel hashes k + lowbias32(stream): the stream of runW3's generator, hashed once here.
      const key = lowbias32(createRng(seed, 'w3-input').stream);
      for (let t = 0; t < steps; t++) k.sparseStep(key, t * inputs, inputs, rate, rowStart, targets, weights, acc, cur, v, s, neurons, beta, 1, 0, ev, stats, narrow);
      return { inputSpikes: st[0] ?? 0, synEvents: st[1] ?? 0, outputSpikes: st[2] ?? 0 };
    },
  };
}
