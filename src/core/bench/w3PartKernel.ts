import { DEFAULT_PRECISION, kernelFlag, type SumPrecision } from '../spec/precision.ts';
import { createKernelMemory } from '../engine/kernels/kernelMemory.ts';
import type { KernelExports } from '../engine/kernels/kernelModule.ts';
import { createRng, lowbias32 } from '../rng.ts';
import { W3_SIZES, type W3Run } from './w3.ts';
import { buildPart, checkNet, partCapacity, partitionsOf, type NeuronRange, type W3Net } from './w3Net.ts';
import type { LocalW3Runner } from './w3Wasm.ts';

/** The neurons `range` of a W3 network on one kernel instance: their partitions, state and step. */
export interface PartKernel {
  readonly range: NeuronRange;
  readonly partitions: readonly NeuronRange[];
  /** Synapses onto these neurons. */
  readonly synapses: number;
  /** Zero state and counts, for a new run. */
  reset(): void;
  /** Step t of a run whose inputs are drawn with `key` (inputKey); returns the spikes these neurons fired. */
  step(key: number, t: number, rate: number): number;
  /** step's first half: step t's inputs drawn and their synapses added (needs no other part's spikes). */
  add(key: number, t: number, rate: number): void;
  /** step's second half: the neuron update of the step added last; returns its spikes. */
  update(): number;
  /** Counts since reset: input spikes, synaptic events onto these neurons, their output spikes. */
  counts(): W3Run;
}

/** The kernel's key for the inputs of a seed: lowbias32 of runW3's generator's stream. */
export function inputKey(seed: number): number {
  return lowbias32(createRng(seed, 'w3-input').stream);
}

/** Bytes this layout takes in a kernel's memory (the 4 GB sums of README "Benchmarks" use it). */
export function partKernelBytes(net: W3Net, range: NeuronRange, partitions: readonly NeuronRange[] = partitionsOf(range)): number {
  const width = range.end - range.first;
  const synapses = partitions.reduce((a, r) => a + partCapacity(net, r.end - r.first), 0);
  return synapses * 6 + partitions.length * ((net.inputs + 1) * 4 + 16) + width * (8 + 4 + 4 + 4) + net.inputs * 4 + 24;
}

/**
 * Builds the synapses onto `range` straight into the memory of `k` (an instance of its own: this
 * takes over its whole memory), split into `partitions` (by default the fewest that 16-bit
 * targets can address), and steps them with sparsePartStep. Same draws, same float64 sums in
 * input order and same float32 LIF as runW3, so the neurons fire exactly as there.
 */
export function createPartKernel(k: KernelExports, net: W3Net, range: NeuronRange, partitions: readonly NeuronRange[] = partitionsOf(range), precision: SumPrecision = DEFAULT_PRECISION): PartKernel {
  // The float32 precision mode: a float32 acc (sparse.ts addRow32), which is then the current.
  const narrow = kernelFlag(precision);
  checkNet(net);
  const width = range.end - range.first;
  const mem = createKernelMemory(k);
  const layout = partitions.map((r) => {
    const cap = partCapacity(net, r.end - r.first);
    return { r, cap, rowStart: mem.alloc((net.inputs + 1) * 4), targets: mem.alloc(cap * 2), weights: mem.alloc(cap * 4) };
  });
  const table = mem.alloc(partitions.length * 16);
  const acc = mem.alloc(width * 8);
  const cur = mem.alloc(width * 4);
  const v = mem.alloc(width * 4);
  const s = mem.alloc(width * 4);
  const ev = mem.alloc(net.inputs * 4);
  const stats = mem.alloc(24);
  // Views after the last allocation (growing the memory detaches earlier ones).
  const buf = k.memory.buffer;
  let synapses = 0;
  const rows = new Uint32Array(buf, table, partitions.length * 4);
  layout.forEach((p, q) => {
    synapses += buildPart(net, p.r, { rowStart: new Uint32Array(buf, p.rowStart, net.inputs + 1), targets: new Uint16Array(buf, p.targets, p.cap), weights: new Float32Array(buf, p.weights, p.cap) });
    rows.set([p.rowStart, p.targets, p.weights, p.r.first - range.first], q * 4);
  });
  const beta = Math.fround(0.9);
  return {
    range,
    partitions,
    synapses,
    reset() {
      const b = k.memory.buffer;
      new Float64Array(b, acc, width).fill(0);
      new Float32Array(b, v, width).fill(0);
      new Float32Array(b, s, width).fill(0);
      new Float64Array(b, stats, 3).fill(0);
    },
    step: (key, t, rate) => k.sparsePartStep(key, (t * net.inputs) >>> 0, net.inputs, rate, table, partitions.length, acc, cur, v, s, width, beta, 1, 0, ev, stats, narrow),
    add: (key, t, rate) => k.sparsePartAdd(key, (t * net.inputs) >>> 0, net.inputs, rate, table, partitions.length, acc, ev, stats, narrow),
    update: () => k.sparsePartUpdate(acc, cur, v, s, width, beta, 1, 0, stats, narrow),
    counts() {
      const st = new Float64Array(k.memory.buffer, stats, 3);
      return { inputSpikes: st[0] ?? 0, synEvents: st[1] ?? 0, outputSpikes: st[2] ?? 0 };
    },
  };
}

/**
 * A whole W3 network on one kernel instance, partitioned (`partitions` near-equal ranges, at
 * least as many as 16-bit targets need): what W3 at 100k neurons runs on one thread.
 */
export function partitionedW3Runner(k: KernelExports, net: W3Net, partitions = 1, precision: SumPrecision = DEFAULT_PRECISION): LocalW3Runner {
  const whole = { first: 0, end: net.neurons };
  const part = createPartKernel(k, net, whole, partitionsOf(whole, partitions), precision);
  return {
    engine: 'wasm',
    threads: 1,
    synapses: part.synapses,
    run(seed, steps = W3_SIZES.steps, rate = W3_SIZES.inputRate) {
      part.reset();
      const key = inputKey(seed);
      for (let t = 0; t < steps; t++) part.step(key, t, rate);
      return part.counts();
    },
  };
}
