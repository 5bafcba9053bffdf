/**
 * Surrogate-gradient BPTT for a chain of dense → LIF layers on typed arrays, without tfjs. The
 * forward pass is event-driven (a spike adds one weight row), and so is most of the backward pass
 * (a weight gradient row is updated only for inputs that spiked); the membrane traces are kept per
 * step for the surrogate. Semantics are WORKLOADS.md W2 / snnTorch `snn.Leaky`:
 *
 *   I[t] = s_in[t] · W,  m[t] = β·m[t−1] + I[t] − θ·s[t−1] (reset detached),  s[t] = H(m[t] − θ)
 *
 * with the fast-sigmoid surrogate ds/dm = 1 / (k·|m − θ| + 1)², spike counts of the last layer as
 * logits, mean softmax cross-entropy, and Adam. State is float32 in the update order above (so the
 * forward spikes equal the event engine's); sums are accumulated in float64 and rounded once.
 */

import { countCrossEntropy, countSpikes } from './countLoss.ts';
import type { EventBatch } from '../../engine/eventBatch.ts';

/** One dense → LIF layer: weights [inputs, units] row-major, trained in place. */
export interface BpttLayer {
  readonly inputs: number;
  readonly units: number;
  readonly beta: number;
  readonly threshold: number;
  readonly weights: Float32Array;
}

/** Adam's settings (WORKLOADS.md: lr 1e-3, β 0.9 / 0.999, ε 1e-8). */
export interface AdamSettings {
  readonly lr: number;
  readonly beta1: number;
  readonly beta2: number;
  readonly eps: number;
}

/** What one training step did. */
export interface BpttStepResult {
  /** Loss of the forward pass, before the update. */
  readonly loss: number;
  /** Spikes per layer in the forward pass. */
  readonly spikes: readonly number[];
  /** Output spike counts [batch, classes] (the logits). */
  readonly counts: Float32Array;
}

/** Per-layer buffers of one forward pass, kept for the backward pass. */
interface Trace {
  /** Membrane m[t][b][j]. */
  readonly mem: Float32Array;
  /** Spikes as event lists per (t, b), like EventBatch (binary). */
  readonly starts: Uint32Array;
  index: Uint32Array;
  spikes: number;
}

/**
 * A trainer over fixed layer sizes, steps and batch size; buffers are allocated once and reused
 * every step. `surrogateSlope` is the fast sigmoid's k (25 in W2).
 */
export function createDenseLifTrainer(layers: readonly BpttLayer[], steps: number, batch: number, surrogateSlope: number, adam: AdamSettings) {
  if (layers.length === 0) throw new Error('BPTT needs at least one dense → LIF layer');
  layers.forEach((l, i) => {
    if (l.weights.length !== l.inputs * l.units) throw new Error(`layer ${i}: ${l.weights.length} weights for ${l.inputs} × ${l.units}`);
    if (i > 0 && l.inputs !== (layers[i - 1] as BpttLayer).units) throw new Error(`layer ${i} takes ${l.inputs} inputs but layer ${i - 1} has ${(layers[i - 1] as BpttLayer).units} units`);
  });
  const rows = steps * batch;
  const traces: Trace[] = layers.map((l) => ({ mem: new Float32Array(rows * l.units), starts: new Uint32Array(rows + 1), index: new Uint32Array(Math.max(1024, rows * 4)), spikes: 0 }));
  const grads = layers.map((l) => new Float32Array(l.weights.length));
  const moment1 = layers.map((l) => new Float32Array(l.weights.length));
  const moment2 = layers.map((l) => new Float32Array(l.weights.length));
  const widest = Math.max(...layers.map((l) => Math.max(l.units, l.inputs)));
  const acc = new Float64Array(widest);
  const last = layers[layers.length - 1] as BpttLayer;
  const counts = new Float32Array(batch * last.units);
  let adamStep = 0;

  /** Appends spike j of row r to a trace's event lists, growing them when full. */
  const pushSpike = (tr: Trace, at: number, j: number): number => {
    if (at >= tr.index.length) {
      const grown = new Uint32Array(tr.index.length * 2);
      grown.set(tr.index);
      tr.index = grown;
    }
    tr.index[at] = j;
    return at + 1;
  };

  const forward = (x: EventBatch): void => {
    let inStarts = x.starts;
    let inIndex = x.index;
    let inValue: Float32Array | null = x.binary ? null : x.value;
    layers.forEach((l, li) => {
      const tr = traces[li] as Trace;
      const { units, beta, threshold: theta, weights: w } = l;
      let n = 0;
      for (let t = 0; t < steps; t++) {
        for (let b = 0; b < batch; b++) {
          const r = t * batch + b;
          tr.starts[r] = n;
          acc.fill(0, 0, units);
          for (let k = inStarts[r] as number, end = inStarts[r + 1] as number; k < end; k++) {
            const off = (inIndex[k] as number) * units;
            if (inValue) {
              const v = inValue[k] as number;
              for (let j = 0; j < units; j++) acc[j] = (acc[j] as number) + v * (w[off + j] as number);
            } else {
              for (let j = 0; j < units; j++) acc[j] = (acc[j] as number) + (w[off + j] as number);
            }
          }
          const cur = r * units;
          const prev = cur - batch * units;
          // Spikes of the previous step of this sample, to subtract θ·s[t−1].
          let ps = t > 0 ? (tr.starts[r - batch] as number) : 0;
          const pe = t > 0 ? (tr.starts[r - batch + 1] as number) : 0;
          for (let j = 0; j < units; j++) {
            const mPrev = t > 0 ? (tr.mem[prev + j] as number) : 0;
            let reset = 0;
            if (ps < pe && tr.index[ps] === j) {
              reset = theta;
              ps++;
            }
            const m = Math.fround(Math.fround(Math.fround(Math.fround(beta * mPrev) + Math.fround(acc[j] as number)) - reset));
            tr.mem[cur + j] = m;
            if (m > theta) n = pushSpike(tr, n, j);
          }
        }
      }
      tr.starts[rows] = n;
      tr.spikes = n;
      inStarts = tr.starts;
      inIndex = tr.index;
      inValue = null;
    });
  };

  /** Spike counts of the last layer and the mean cross-entropy; fills `dc` with dLoss/dcount. */
  const lossAndGrad = (labels: Int32Array, dc: Float64Array): number => {
    const tr = traces[traces.length - 1] as Trace;
    countSpikes(counts, tr.starts, 0, tr.index, 0, rows, batch, last.units);
    return countCrossEntropy(counts, labels, batch, last.units, dc);
  };

  const dc = new Float64Array(batch * last.units);
  // dL/dm of the step after, per layer [batch, units]; dL/ds of the layer below for one row.
  const dmNext = layers.map((l) => new Float64Array(batch * l.units));
  const dmRow = new Float64Array(widest);
  const dsBelow = layers.map((l) => new Float64Array(batch * l.inputs));

  const backward = (x: EventBatch): void => {
    grads.forEach((g) => g.fill(0));
    dmNext.forEach((d) => d.fill(0));
    const k = surrogateSlope;
    for (let t = steps - 1; t >= 0; t--) {
      for (let li = layers.length - 1; li >= 0; li--) {
        const l = layers[li] as BpttLayer;
        const tr = traces[li] as Trace;
        const { units, inputs, beta, threshold: theta, weights: w } = l;
        const g = grads[li] as Float32Array;
        const next = dmNext[li] as Float64Array;
        const below = dsBelow[li] as Float64Array;
        const fromAbove = li === layers.length - 1 ? dc : (dsBelow[li + 1] as Float64Array);
        const inStarts = li === 0 ? x.starts : (traces[li - 1] as Trace).starts;
        const inIndex = li === 0 ? x.index : (traces[li - 1] as Trace).index;
        const inValue = li === 0 && !x.binary ? x.value : null;
        for (let b = 0; b < batch; b++) {
          const r = t * batch + b;
          const memOff = r * units;
          const o = b * units;
          for (let j = 0; j < units; j++) {
            const u = Math.abs((tr.mem[memOff + j] as number) - theta);
            const sg = 1 / ((k * u + 1) * (k * u + 1));
            const dm = (fromAbove[o + j] as number) * sg + beta * (next[o + j] as number);
            dmRow[j] = dm;
            next[o + j] = dm;
          }
          // Weight gradient: only rows of inputs that were active at (t, b).
          for (let e = inStarts[r] as number, end = inStarts[r + 1] as number; e < end; e++) {
            const off = (inIndex[e] as number) * units;
            const v = inValue ? (inValue[e] as number) : 1;
            for (let j = 0; j < units; j++) g[off + j] = (g[off + j] as number) + v * (dmRow[j] as number);
          }
          // dL/ds of the layer below (its every neuron, for its surrogate), unless this is the first layer.
          if (li > 0) {
            const bo = b * inputs;
            for (let i = 0; i < inputs; i++) {
              const off = i * units;
              let s = 0;
              for (let j = 0; j < units; j++) s += (w[off + j] as number) * (dmRow[j] as number);
              below[bo + i] = s;
            }
          }
        }
      }
    }
  };

  /** One Adam update of every layer's weights (tfjs's formulation, bias-corrected moments). */
  const update = (): void => {
    adamStep++;
    const { lr, beta1, beta2, eps } = adam;
    const c1 = 1 - beta1 ** adamStep;
    const c2 = 1 - beta2 ** adamStep;
    layers.forEach((l, li) => {
      const w = l.weights;
      const g = grads[li] as Float32Array;
      const m = moment1[li] as Float32Array;
      const v = moment2[li] as Float32Array;
      for (let i = 0; i < w.length; i++) {
        const gi = g[i] as number;
        const mi = beta1 * (m[i] as number) + (1 - beta1) * gi;
        const vi = beta2 * (v[i] as number) + (1 - beta2) * gi * gi;
        m[i] = mi;
        v[i] = vi;
        w[i] = (w[i] as number) - (lr * (mi / c1)) / (Math.sqrt(vi / c2) + eps);
      }
    });
  };

  return {
    /** Forward, loss, backward through time and one Adam update on this batch. */
    step(x: EventBatch, labels: Int32Array): BpttStepResult {
      if (x.steps !== steps || x.batch !== batch || x.inputs !== (layers[0] as BpttLayer).inputs) throw new Error(`the batch is ${x.steps} × ${x.batch} × ${x.inputs}; this trainer takes ${steps} × ${batch} × ${(layers[0] as BpttLayer).inputs}`);
      forward(x);
      const loss = lossAndGrad(labels, dc);
      backward(x);
      update();
      return { loss, spikes: traces.map((t) => t.spikes), counts: counts.slice() };
    },
    /** The forward pass only (evaluation): spikes per layer and the output counts. */
    evaluate(x: EventBatch): { spikes: number[]; counts: Float32Array } {
      forward(x);
      lossAndGrad(new Int32Array(batch), dc);
      return { spikes: traces.map((t) => t.spikes), counts: counts.slice() };
    },
    /** The gradients of the last step (for checks against tfjs). */
    gradients: (): readonly Float32Array[] => grads,
  };
}
