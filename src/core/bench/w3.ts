import { DEFAULT_PRECISION, type SumPrecision } from '../spec/precision.ts';
import { canonicalSymmetric, canonicalU, createRng } from '../rng.ts';
import { lifStep, type LifParams, type LifState } from '../neurons/lif.ts';
import { allocStepResult, type StepResult } from '../neurons/types.ts';

/** W3 sizes (WORKLOADS.md): 10,000 Poisson inputs → 10,000 LIF, p = 0.1, T = 1000, 2 % input rate. */
export const W3_SIZES = { inputs: 10_000, neurons: 10_000, p: 0.1, steps: 1000, inputRate: 0.02 } as const;

/**
 * Sparse connectivity in CSR form: targets and weights of input i are [rowStart[i], rowStart[i+1]).
 * Targets are 16-bit when there are at most 65,536 neurons (W3's 10 M synapses then take 60 MB).
 */
export interface Csr {
  readonly rowStart: Uint32Array;
  readonly targets: Uint16Array | Uint32Array;
  readonly weights: Float32Array;
}

/** Where buildW3Csr writes: arrays of at least w3Capacity entries (e.g. views of a wasm memory). */
export interface CsrStorage {
  readonly rowStart: Uint32Array;
  readonly targets: Uint16Array | Uint32Array;
  readonly weights: Float32Array;
}

/**
 * Synapses to make room for: the expected count plus six standard deviations (the count is
 * binomial), so the connectivity never outgrows its arrays and is never copied.
 */
export function w3Capacity(inputs: number, neurons: number): number {
  const mean = inputs * neurons * W3_SIZES.p;
  return Math.ceil(mean + 6 * Math.sqrt(mean * (1 - W3_SIZES.p)) + 1024);
}

/** Arrays for buildW3Csr: 16-bit targets when the neurons allow it. */
export function allocCsr(inputs: number, neurons: number): CsrStorage {
  const cap = w3Capacity(inputs, neurons);
  return { rowStart: new Uint32Array(inputs + 1), targets: neurons <= 65_536 ? new Uint16Array(cap) : new Uint32Array(cap), weights: new Float32Array(cap) };
}

/**
 * Builds W3's connectivity, i → j iff u(5, i·N + j) < 0.1, weight U(0.12; 6, i·N + j), into
 * `storage` (allocated here by default); returns views of the used part, no copy.
 */
export function buildW3Csr(inputs: number = W3_SIZES.inputs, neurons: number = W3_SIZES.neurons, storage: CsrStorage = allocCsr(inputs, neurons)): Csr {
  const { rowStart, targets, weights } = storage;
  const cap = Math.min(targets.length, weights.length);
  let n = 0;
  for (let i = 0; i < inputs; i++) {
    rowStart[i] = n;
    for (let j = 0; j < neurons; j++) {
      const k = i * neurons + j;
      if (canonicalU(5, k) >= W3_SIZES.p) continue;
      if (n === cap) throw new Error(`W3 connectivity exceeds its ${cap} synapses (over six standard deviations above the mean)`);
      targets[n] = j;
      weights[n] = canonicalSymmetric(0.12, 6, k);
      n++;
    }
  }
  rowStart[inputs] = n;
  return { rowStart: rowStart.subarray(0, inputs + 1), targets: targets.subarray(0, n), weights: weights.subarray(0, n) };
}

/** Counts of one W3 run. */
export interface W3Run {
  readonly inputSpikes: number;
  readonly synEvents: number;
  readonly outputSpikes: number;
}

/**
 * One W3 run on typed arrays: inputs drawn inside the loop, each input spike adds its CSR row to a
 * float64 current accumulator (float32 in that precision mode), then the LIF step of the neuron registry (β 0.9, θ 1, subtract).
 */
export function runW3(csr: Csr, seed: number, steps: number = W3_SIZES.steps, rate: number = W3_SIZES.inputRate, neurons: number = W3_SIZES.neurons, precision: SumPrecision = DEFAULT_PRECISION): W3Run {
  const inputs = csr.rowStart.length - 1;
  const n = neurons;
  const rng = createRng(seed, 'w3-input');
  // The float32 precision mode: every stored sum rounded to float32 (precision.ts).
  const acc = precision === 'float32' ? new Float32Array(n) : new Float64Array(n);
  const current = new Float32Array(n);
  const params: LifParams = { model: 'lif', beta: 0.9, threshold: 1, reset: 'subtract', refractoryMs: 0 };
  let cur: StepResult<LifState> = { spikes: new Float32Array(n), state: { v: new Float32Array(n), s: new Float32Array(n), r: new Float32Array(n) } };
  let next = allocStepResult(cur.state, n);
  let inputSpikes = 0;
  let synEvents = 0;
  let outputSpikes = 0;
  for (let t = 0; t < steps; t++) {
    acc.fill(0);
    for (let i = 0; i < inputs; i++) {
      if (rng.next() >= rate) continue;
      inputSpikes++;
      const end = csr.rowStart[i + 1] as number;
      for (let k = csr.rowStart[i] as number; k < end; k++) {
        const j = csr.targets[k] as number;
        acc[j] = (acc[j] as number) + (csr.weights[k] as number);
      }
      synEvents += end - (csr.rowStart[i] as number);
    }
    for (let j = 0; j < n; j++) current[j] = acc[j] as number;
    const res = lifStep(cur.state, current, params, { dtMs: 1, t, steps }, next);
    next = cur;
    cur = res;
    for (let j = 0; j < n; j++) outputSpikes += res.spikes[j] as number;
  }
  return { inputSpikes, synEvents, outputSpikes };
}
