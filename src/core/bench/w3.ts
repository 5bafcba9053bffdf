import { canonicalSymmetric, canonicalU, createRng } from '../rng.ts';
import { lifStep, type LifParams, type LifState } from '../neurons/lif.ts';
import { allocStepResult, type StepResult } from '../neurons/types.ts';

/** W3 sizes (WORKLOADS.md): 10,000 Poisson inputs → 10,000 LIF, p = 0.1, T = 1000, 2 % input rate. */
export const W3_SIZES = { inputs: 10_000, neurons: 10_000, p: 0.1, steps: 1000, inputRate: 0.02 } as const;

/** Sparse connectivity in CSR form: targets and weights of input i are [rowStart[i], rowStart[i+1]). */
export interface Csr {
  readonly rowStart: Uint32Array;
  readonly targets: Uint32Array;
  readonly weights: Float32Array;
}

/** Builds W3's connectivity: i → j iff u(5, i·N + j) < 0.1, weight U(0.12; 6, i·N + j). */
export function buildW3Csr(inputs: number = W3_SIZES.inputs, neurons: number = W3_SIZES.neurons): Csr {
  const rowStart = new Uint32Array(inputs + 1);
  let cap = Math.ceil(inputs * neurons * W3_SIZES.p * 1.01) + 1024;
  let targets = new Uint32Array(cap);
  let weights = new Float32Array(cap);
  let n = 0;
  for (let i = 0; i < inputs; i++) {
    rowStart[i] = n;
    for (let j = 0; j < neurons; j++) {
      const k = i * neurons + j;
      if (canonicalU(5, k) >= W3_SIZES.p) continue;
      if (n === cap) {
        cap *= 2;
        const t2 = new Uint32Array(cap);
        t2.set(targets);
        targets = t2;
        const w2 = new Float32Array(cap);
        w2.set(weights);
        weights = w2;
      }
      targets[n] = j;
      weights[n] = canonicalSymmetric(0.12, 6, k);
      n++;
    }
  }
  rowStart[inputs] = n;
  return { rowStart, targets: targets.slice(0, n), weights: weights.slice(0, n) };
}

/** Counts of one W3 run. */
export interface W3Run {
  readonly inputSpikes: number;
  readonly synEvents: number;
  readonly outputSpikes: number;
}

/**
 * One W3 run on typed arrays: inputs drawn inside the loop, each input spike adds its CSR row to a
 * float64 current accumulator, then the LIF step of the neuron registry (β 0.9, θ 1, subtract).
 */
export function runW3(csr: Csr, seed: number, steps: number = W3_SIZES.steps): W3Run {
  const inputs = csr.rowStart.length - 1;
  const n = W3_SIZES.neurons;
  const rng = createRng(seed, 'w3-input');
  const acc = new Float64Array(n);
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
      if (rng.next() >= W3_SIZES.inputRate) continue;
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
