import { kernelFlag } from '../../spec/precision.ts';
import type { BpttTrainerOptions, KernelForward, LogitReduce, UpdateOptions } from './bpttTrainerTypes.ts';
import { convWords, poolWords } from '../../engine/kernels/kernelGeometry.ts';
import { countCrossEntropy, countSpikes } from './countLoss.ts';
import type { EventBatch } from '../../engine/eventBatch.ts';
import { KERNEL_RESETS } from '../../neurons/kernelNeuron.ts';
import type { BpttKernel } from './bpttKernel.ts';
import { LAYER_SLOT as S, LAYER_WORDS } from './bpttLayerWords.ts';
import { inputWeightCount, isReadout, outputsOf, weightCount, type KernelLayer } from './kernelLayer.ts';

/** Byte offsets of one layer's buffers in the kernel's memory. */
interface LayerBuffers {
  readonly w: number;
  readonly grad: number;
  /** Every step's dm [steps·batch·units] for bpttDenseGradients, or 0. */
  readonly dmAll: number;
  readonly m: number;
  readonly v: number;
  readonly mem: number;
  readonly starts: number;
  readonly index: number;
  readonly cap: number;
  readonly dmNext: number;
  /** dL/ds of this layer's inputs, [batch·inputs]; 0 for the first layer (not needed). */
  readonly dsBelow: number;
  /** The conv geometry's words, or 0 for a dense layer. */
  readonly geom: number;
  /** With a pool: its geometry's words, the pooled event lists, and dL/ds of the unpooled spikes [batch·units]. */
  readonly pool: { readonly geom: number; readonly starts: number; readonly index: number; readonly value: number; readonly dsUnpooled: number } | null;
  /** The model's own buffers (neurons/kernelNeuron.ts): state and its gradient [batch·units], a trace [steps·batch·units]; 0 when it has none. */
  readonly state: number;
  readonly stateGrad: number;
  readonly trace: number;
  /** The layer's descriptor, the words the kernel reads (bpttLayerWords.ts). */
  readonly desc: number;
  /** A recurrent layer's dL/ds sent a step back [batch·units]; 0 without a loop. */
  readonly dsRec: number;
}

const PAGE = 65_536;
const align = (n: number) => Math.ceil(n / 16) * 16;

/** The largest dm history a dense layer keeps for bpttDenseGradients; past it, gradients are added step by step. */
const DM_HISTORY_BYTES = 64 * 1024 * 1024;

/**
 * BPTT with the fast-sigmoid surrogate on the WebAssembly SIMD kernel (assembly/bptt.ts): forward
 * spikes bit-identical to the engines, weight gradients accumulated in float64, Adam or SGD with
 * momentum. Batches of up to `maxBatch` samples of `steps` steps. Every buffer is laid out once in
 * the kernel's memory for the largest case (every input active, every neuron spiking), so a step
 * never allocates; the trainer owns the kernel instance's memory (one trainer per instance). The
 * layers' weights are copied in; `weights()` copies them out.
 */
export type WasmBpttTrainer = ReturnType<typeof createWasmBpttTrainer>;

export function createWasmBpttTrainer(kernel: BpttKernel, layers: readonly KernelLayer[], steps: number, maxBatch: number, surrogateSlope: number, reduce: LogitReduce, options: BpttTrainerOptions = {}) {
  const adam = options.adam ?? { beta1: 0.9, beta2: 0.999, eps: 1e-8 };
  if (layers.length === 0) throw new Error('BPTT needs at least one layer');
  layers.forEach((l, i) => {
    if (l.weights.length !== weightCount(l)) throw new Error(`layer ${i}: ${l.weights.length} weights, not ${weightCount(l)}`);
    if (l.conv && (l.inputs !== l.conv.inH * l.conv.inW * l.conv.inC || l.units !== l.conv.outH * l.conv.outW * l.conv.filters)) throw new Error(`layer ${i}: its conv geometry does not give ${l.inputs} inputs and ${l.units} units`);
    if (l.neuron.reset === 'zero') throw new Error(`layer ${i}: the kernel trains reset by subtraction or none`);
    if (l.pool && (isReadout(l) || l.units !== l.pool.h * l.pool.w * l.pool.c)) throw new Error(`layer ${i}: only spiking layers pool, over all their units`);
    if (i > 0 && l.inputs !== outputsOf(layers[i - 1] as KernelLayer)) throw new Error(`layer ${i} takes ${l.inputs} inputs but layer ${i - 1} gives ${outputsOf(layers[i - 1] as KernelLayer)}`);
    if (isReadout(l) && i !== layers.length - 1) throw new Error('only the last layer may be a read-out');
    if (l.recurrent && (isReadout(l) || l.conv)) throw new Error(`layer ${i}: only a dense layer's spiking population may be recurrent`);
  });
  const first = layers[0] as KernelLayer;
  const last = layers[layers.length - 1] as KernelLayer;
  if ((reduce === 'count') !== !isReadout(last)) throw new Error(reduce === 'count' ? 'spike counts need a spiking last layer' : `a '${reduce}' membrane needs a read-out last layer`);
  const maxRows = steps * maxBatch;
  let top = align(kernel.heapBase());
  const alloc = (bytes: number) => {
    const at = top;
    top = align(top + bytes);
    return at;
  };
  const inStarts = alloc((maxRows + 1) * 4);
  const inIndex = alloc(maxRows * first.inputs * 4);
  const inValue = alloc(maxRows * first.inputs * 4);
  const acc = alloc(Math.max(...layers.map((l) => l.units)) * 4);
  const recAcc = layers.some((l) => l.recurrent) ? alloc(Math.max(...layers.map((l) => l.units)) * 4) : 0;
  // Float64 scratch of the conv currents and the pooled sums.
  const wide = alloc(Math.max(...layers.map((l) => Math.max(l.conv ? l.units : 0, l.pool ? outputsOf(l) : 0))) * 8);
  // A held input's first-layer currents (forward) and its dm summed over the steps (backward).
  const heldCache = alloc(maxBatch * first.units * 4);
  const heldDmSum = alloc(maxBatch * first.units * 8);
  // The loss gradient of the last layer: per (b, k) for counts, per (t, b, k) for a membrane.
  const dLast = alloc(maxRows * last.units * 4);
  const bufs: LayerBuffers[] = layers.map((l, li) => {
    const n = weightCount(l);
    const cap = isReadout(l) ? 0 : maxRows * l.units;
    const model = l.neuron.model;
    const pooled = outputsOf(l);
    return {
      w: alloc(n * 4),
      grad: alloc(n * 8),
      m: alloc(n * 4),
      v: alloc(n * 4),
      mem: alloc(maxRows * l.units * 4),
      starts: alloc((maxRows + 1) * 4),
      index: alloc(Math.max(4, cap * 4)),
      cap,
      dmNext: alloc(maxBatch * l.units * 4),
      dsBelow: li > 0 ? alloc(maxBatch * l.inputs * 4) : 0,
      geom: l.conv ? alloc(10 * 4) : 0,
      state: model.state ? alloc(maxBatch * l.units * 4) : 0,
      stateGrad: model.stateGrad ? alloc(maxBatch * l.units * 4) : 0,
      trace: model.trace ? alloc(maxRows * l.units * 4) : 0,
      desc: alloc(LAYER_WORDS * 4),
      dsRec: l.recurrent ? alloc(maxBatch * l.units * 4) : 0,
      // A dense layer keeps every step's dm for bpttDenseGradients (the gradient added column block
      // by column block, far fewer cache misses), when that history stays under DM_HISTORY_BYTES.
      dmAll: !l.conv && maxRows * l.units * 4 <= DM_HISTORY_BYTES ? alloc(maxRows * l.units * 4) : 0,
      pool: l.pool ? { geom: alloc(7 * 4), starts: alloc((maxRows + 1) * 4), index: alloc(maxRows * pooled * 4), value: alloc(maxRows * pooled * 4), dsUnpooled: alloc(maxBatch * l.units * 4) } : null,
    };
  });
  const need = top - kernel.memory.buffer.byteLength;
  if (need > 0) kernel.memory.grow(Math.ceil(need / PAGE));
  // Views after the last growth (growing detaches earlier ones).
  const f32 = new Float32Array(kernel.memory.buffer);
  const u32 = new Uint32Array(kernel.memory.buffer);
  const f64 = new Float64Array(kernel.memory.buffer);
  const i32 = new Int32Array(kernel.memory.buffer);
  layers.forEach((l, li) => {
    const b = bufs[li] as LayerBuffers;
    const c = l.conv;
    if (c) i32.set(convWords(c), b.geom / 4);
    const p = l.pool;
    if (p && b.pool) i32.set(poolWords(p), b.pool.geom / 4);
    f32.set(l.weights, b.w / 4);
    f32.fill(0, b.m / 4, b.m / 4 + l.weights.length);
    f32.fill(0, b.v / 4, b.v / 4 + l.weights.length);
    // The words that stay for the trainer's life; the input, batch and gradient from above are written per pass.
    const d = b.desc / 4;
    u32.fill(0, d, d + LAYER_WORDS);
    u32[d + S.w] = b.w;
    u32[d + S.units] = l.units;
    u32[d + S.inputs] = l.inputs;
    u32[d + S.steps] = steps;
    u32[d + S.geom] = b.geom;
    u32[d + S.model] = l.neuron.model.id;
    u32[d + S.reset] = KERNEL_RESETS[l.neuron.reset];
    f32.set(l.neuron.params, d + S.params);
    u32[d + S.mem] = b.mem;
    u32[d + S.outStarts] = b.starts;
    u32[d + S.outIndex] = b.index;
    u32[d + S.cap] = b.cap;
    u32[d + S.state] = b.state;
    u32[d + S.stateGrad] = b.stateGrad;
    u32[d + S.trace] = b.trace;
    u32[d + S.dmNext] = b.dmNext;
    u32[d + S.grad] = b.grad;
    u32[d + S.dsBelow] = b.dsBelow;
    f32[d + S.slope] = surrogateSlope;
    u32[d + S.narrow] = kernelFlag(options.precision);
    u32[d + S.dmAll] = b.dmAll;
    u32[d + S.acc] = acc;
    u32[d + S.cache] = heldCache;
    u32[d + S.dmSum] = heldDmSum;
    u32[d + S.wide] = wide;
    if (l.recurrent) {
      const ff = inputWeightCount(l);
      u32[d + S.recW] = b.w + ff * 4;
      u32[d + S.recGrad] = b.grad + ff * 8;
      u32[d + S.recAcc] = recAcc;
      u32[d + S.dsRec] = b.dsRec;
    }
  });
  let adamStep = 0;
  const lastBuf = bufs[bufs.length - 1] as LayerBuffers;
  const k = last.units;

  let held = 0;
  const load = (x: EventBatch): boolean => {
    if (x.steps !== steps || x.batch > maxBatch || x.inputs !== first.inputs) throw new Error(`the batch is ${x.steps} × ${x.batch} × ${x.inputs}; this trainer takes ${steps} × ≤${maxBatch} × ${first.inputs}`);
    u32.set(x.starts, inStarts / 4);
    u32.set(x.index, inIndex / 4);
    if (!x.binary) f32.set(x.value, inValue / 4);
    held = x.held ? 1 : 0;
    return x.binary;
  };

  /** The event lists layer li reads: the batch's, the spikes of the layer below, or their pooled values. */
  const inputOf = (li: number, binary: boolean): { starts: number; index: number; value: number; held: number } => {
    if (li === 0) return { starts: inStarts, index: inIndex, value: binary ? 0 : inValue, held };
    const below = bufs[li - 1] as LayerBuffers;
    return below.pool ? { starts: below.pool.starts, index: below.pool.index, value: below.pool.value, held: 0 } : { starts: below.starts, index: below.index, value: 0, held: 0 };
  };

  const forward = (binary: boolean, batch: number): KernelForward => {
    const spikes = layers.map((l, li) => {
      const b = bufs[li] as LayerBuffers;
      const x = inputOf(li, binary);
      if (b.state) f32.fill(0, b.state / 4, b.state / 4 + batch * l.units);
      const d = b.desc / 4;
      u32[d + S.inStarts] = x.starts;
      u32[d + S.inIndex] = x.index;
      u32[d + S.inValue] = x.value;
      u32[d + S.held] = x.held;
      u32[d + S.batch] = batch;
      const n = kernel.bpttForward(b.desc);
      if (n < 0) throw new Error('spike list overflow (a kernel bug: the lists hold a spike per neuron and step)');
      if (b.pool && l.pool) kernel.poolEvents(b.starts, b.index, steps * batch, b.pool.geom, l.pool.divisor, wide, b.pool.starts, b.pool.index, b.pool.value);
      return n;
    });
    const rows = steps * batch;
    const logits = new Float32Array(batch * k);
    if (reduce === 'count') countSpikes(logits, u32, lastBuf.starts / 4, u32, lastBuf.index / 4, rows, batch, k);
    else {
      const mem = lastBuf.mem / 4;
      for (let b = 0; b < batch; b++)
        for (let j = 0; j < k; j++) {
          let v = reduce === 'max' ? -Infinity : 0;
          if (reduce === 'last') v = f32[mem + ((steps - 1) * batch + b) * k + j] as number;
          else
            for (let t = 0; t < steps; t++) {
              const m = f32[mem + (t * batch + b) * k + j] as number;
              v = reduce === 'max' ? Math.max(v, m) : v + m;
            }
          logits[b * k + j] = reduce === 'mean' ? v / steps : v;
        }
    }
    return { spikes, logits };
  };

  /** Mean (weighted) cross-entropy of the logits; writes dLoss/dlogit, spread over steps for a membrane. */
  const lossAndGrad = (logits: Float32Array, labels: Int32Array, batch: number, weights: Float64Array | undefined, divisor: number): number => {
    const dl = new Float64Array(batch * k);
    const loss = countCrossEntropy(logits, labels, batch, k, dl, 0, weights, divisor);
    const d0 = dLast / 4;
    if (reduce === 'count') {
      for (let i = 0; i < batch * k; i++) f32[d0 + i] = dl[i] as number;
    } else {
      f32.fill(0, d0, d0 + steps * batch * k);
      const mem = lastBuf.mem / 4;
      for (let b = 0; b < batch; b++)
        for (let j = 0; j < k; j++) {
          const g = dl[b * k + j] as number;
          if (reduce === 'last') f32[d0 + ((steps - 1) * batch + b) * k + j] = g;
          else if (reduce === 'mean') for (let t = 0; t < steps; t++) f32[d0 + (t * batch + b) * k + j] = g / steps;
          else {
            // The running maximum passes its gradient to the first step that reached it (tf.maximum).
            let at = 0;
            for (let t = 1; t < steps; t++) if ((f32[mem + (t * batch + b) * k + j] as number) > (f32[mem + (at * batch + b) * k + j] as number)) at = t;
            f32[d0 + (at * batch + b) * k + j] = g;
          }
        }
    }
    return loss;
  };

  const backward = (batch: number, dsBias: number): void => {
    layers.forEach((l, li) => {
      const b = bufs[li] as LayerBuffers;
      f64.fill(0, b.grad / 8, b.grad / 8 + l.weights.length);
      f32.fill(0, b.dmNext / 4, b.dmNext / 4 + batch * l.units);
      if (b.stateGrad) f32.fill(0, b.stateGrad / 4, b.stateGrad / 4 + batch * l.units);
      // Nothing comes back through the loop from beyond the last step.
      if (b.dsRec) f32.fill(0, b.dsRec / 4, b.dsRec / 4 + batch * l.units);
      // The input and batch words are the forward pass's, still in place.
      f32[b.desc / 4 + S.dsBias] = dsBias;
    });
    f64.fill(0, heldDmSum / 8, heldDmSum / 8 + batch * first.units);
    for (let t = steps - 1; t >= 0; t--) {
      for (let li = layers.length - 1; li >= 0; li--) {
        const l = layers[li] as KernelLayer;
        const b = bufs[li] as LayerBuffers;
        const isLast = li === layers.length - 1;
        let above = !isLast ? (bufs[li + 1] as LayerBuffers).dsBelow : reduce === 'count' ? dLast : dLast + t * batch * k * 4;
        if (b.pool && l.pool) {
          const pooled = outputsOf(l);
          for (let s = 0; s < batch; s++) kernel.unpoolGradient(b.pool.geom, l.pool.divisor, above + s * pooled * 4, l.units, b.pool.dsUnpooled + s * l.units * 4);
          above = b.pool.dsUnpooled;
        }
        u32[b.desc / 4 + S.dsAbove] = above;
        kernel.bpttBackwardStep(b.desc, t);
      }
    }
    // The dense layers' gradient rows, from the dm each step kept (a no-op where none was kept).
    bufs.forEach((b) => kernel.bpttDenseGradients(b.desc));
  };

  /** Weight decay and global-norm clipping on the float64 gradients, then the optimiser. */
  const update = (o: UpdateOptions): number => {
    let decayLoss = 0;
    let sq = 0;
    // Without decay or clipping the gradients go to the optimiser as they are: no pass over them here.
    if (o.weightDecay > 0 || o.clipNorm > 0) layers.forEach((l, li) => {
      const b = bufs[li] as LayerBuffers;
      const g0 = b.grad / 8;
      const w0 = b.w / 4;
      for (let i = 0; i < l.weights.length; i++) {
        const w = f32[w0 + i] as number;
        if (o.weightDecay > 0) {
          decayLoss += (o.weightDecay / 2) * w * w;
          f64[g0 + i] = (f64[g0 + i] as number) + o.weightDecay * w;
        }
        sq += (f64[g0 + i] as number) ** 2;
      }
    });
    const scale = o.clipNorm > 0 ? Math.min(1, o.clipNorm / (Math.sqrt(sq) + 1e-12)) : 1;
    if (o.optimizer === 'adam') adamStep++;
    const c1 = 1 - adam.beta1 ** adamStep;
    const c2 = 1 - adam.beta2 ** adamStep;
    layers.forEach((l, li) => {
      const b = bufs[li] as LayerBuffers;
      const n = l.weights.length;
      if (scale !== 1) for (let i = b.grad / 8; i < b.grad / 8 + n; i++) f64[i] = (f64[i] as number) * scale;
      if (o.optimizer === 'adam') kernel.adamUpdate(b.w, b.grad, b.m, b.v, n, o.lr, adam.beta1, adam.beta2, adam.eps, c1, c2);
      else {
        // tf.train.momentum: a = μ·a + g, w −= lr·a (a kept in the first-moment buffer).
        for (let i = 0; i < n; i++) {
          const a = Math.fround(o.momentum * (f32[b.m / 4 + i] as number) + (f64[b.grad / 8 + i] as number));
          f32[b.m / 4 + i] = a;
          f32[b.w / 4 + i] = (f32[b.w / 4 + i] as number) - o.lr * a;
        }
      }
    });
    return decayLoss;
  };

  const spikingNeurons = layers.reduce((n, l) => n + (isReadout(l) ? 0 : l.units), 0);
  /**
   * Forward, loss and backward through time on `x`, leaving the weight gradients in the kernel's
   * float64 buffers. `whole` is the batch `x` is a slice of (data-parallel training): the loss,
   * its gradients and the rate penalty are normalised by the whole batch, so the slices' losses
   * and gradients add up to what one trainer computes on the whole batch.
   */
  const gradients = (x: EventBatch, labels: Int32Array, o: UpdateOptions, whole = x.batch): { loss: number; spikeTotal: number } & KernelForward => {
    const binary = load(x);
    const out = forward(binary, x.batch);
    let loss = lossAndGrad(out.logits, labels, x.batch, o.sampleWeights, whole);
    const neuronSteps = Math.max(1, spikingNeurons * steps * whole);
    const spikeTotal = out.spikes.reduce((a, s) => a + s, 0);
    if (o.rateRegularization > 0) loss += (o.rateRegularization * spikeTotal) / neuronSteps;
    backward(x.batch, o.rateRegularization / neuronSteps);
    return { ...out, loss, spikeTotal };
  };
  const gradView = (li: number): Float64Array => f64.subarray((bufs[li] as LayerBuffers).grad / 8, (bufs[li] as LayerBuffers).grad / 8 + (layers[li] as KernelLayer).weights.length);
  return {
    /** Forward, loss, backward through time and one update; the loss is that of the forward pass. */
    step(x: EventBatch, labels: Int32Array, o: UpdateOptions): { loss: number; rate: number } & KernelForward {
      const g = gradients(x, labels, o);
      const loss = g.loss + update(o);
      return { spikes: g.spikes, logits: g.logits, loss, rate: g.spikeTotal / Math.max(1, spikingNeurons * steps * x.batch) };
    },
    /** The gradients of a slice of a larger batch (see `gradients` above); no update. */
    sliceGradients: gradients,
    /**
     * The gradients of the last `sliceGradients`, per layer, as views of the kernel's memory
     * (valid until the next call into the trainer).
     */
    gradientViews: (): Float64Array[] => layers.map((_, li) => gradView(li)),
    /** Adds other slices' gradients to this trainer's, then updates; returns the decay's loss. */
    addAndUpdate(others: readonly (readonly Float64Array[])[], o: UpdateOptions): number {
      for (const g of others)
        layers.forEach((_, li) => {
          const mine = gradView(li);
          const theirs = g[li] as Float64Array;
          for (let i = 0; i < mine.length; i++) mine[i] = (mine[i] as number) + (theirs[i] as number);
        });
      return update(o);
    },
    /** Spiking neurons × steps, the rate's denominator per sample. */
    neuronStepsPerSample: spikingNeurons * steps,
    /** The forward pass only, as at inference (the spikes and logits every engine gives). */
    evaluate: (x: EventBatch): KernelForward => forward(load(x), x.batch),
    /** Replaces the weights (e.g. with a checkpoint); the optimiser's moments stay. */
    setWeights(ws: readonly Float32Array[]): void {
      layers.forEach((l, li) => {
        const w = ws[li];
        if (!w || w.length !== l.weights.length) throw new Error(`layer ${li} takes ${l.weights.length} weights`);
        f32.set(w, (bufs[li] as LayerBuffers).w / 4);
      });
    },
    /** The current weights, per layer, as views of the kernel's memory (valid until the next call). */
    weightViews: (): Float32Array[] => layers.map((l, li) => f32.subarray((bufs[li] as LayerBuffers).w / 4, (bufs[li] as LayerBuffers).w / 4 + l.weights.length)),
    /** Copies of the current weights, per layer. */
    weights: (): Float32Array[] => layers.map((l, li) => f32.slice((bufs[li] as LayerBuffers).w / 4, (bufs[li] as LayerBuffers).w / 4 + l.weights.length)),
    /** The last step's gradients, per layer (rounded to float32, after decay and clipping). */
    gradients: (): Float32Array[] => layers.map((l, li) => Float32Array.from(f64.subarray((bufs[li] as LayerBuffers).grad / 8, (bufs[li] as LayerBuffers).grad / 8 + l.weights.length))),
  };
}
