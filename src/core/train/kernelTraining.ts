import { DEFAULT_PRECISION, type SumPrecision } from '../spec/precision.ts';
import { windowOf } from '../network/shapes.ts';
import { decisionReduce } from '../engine/readout/readoutDecision.ts';
import type { CompiledNetwork } from '../engine/types.ts';
import type { LayerWeights, NetworkWeights } from '../network/weights.ts';
import { kernelLoops } from './kernelLoops.ts';
import { kernelModelKinds, neuronModel } from '../neurons/index.ts';
import type { KernelModel, KernelNeuron } from '../neurons/kernelNeuron.ts';
import type { Rng } from '../rng.ts';
import type { LayerSpec, NetworkSpec } from '../spec/network.ts';
import { convGeometryOf, poolWindowOf } from '../engine/kernels/kernelGeometry.ts';
import { shapeSize, type Shape } from '../network/shapes.ts';
import type { EventBatch } from '../engine/eventBatch.ts';
import type { BpttKernel } from './bptt/bpttKernel.ts';
import { inputWeightCount, isReadout, readoutNeuron, type KernelLayer } from './bptt/kernelLayer.ts';
import { createWasmBpttTrainer } from './bptt/wasmBptt.ts';
import type { KernelForward, LogitReduce, UpdateOptions } from './bptt/bpttTrainerTypes.ts';
import { createParallelBpttTrainer, type BpttReply, type BpttRequest, type ParallelBpttTrainer } from './bptt/parallelBptt.ts';
import type { StartThread } from '../engine/split/threadChannel.ts';
import { slices } from '../engine/split/splitEngine.ts';
import { countCrossEntropy } from './bptt/countLoss.ts';
import type { TrainingConfig } from '../spec/trainingConfig.ts';
import { runEpochs, splitForTraining, type EpochEngine } from './epochLoop.ts';
import type { SetScore } from './inference.ts';
import { classMetrics } from './metrics.ts';
import type { LabelledSet, TrainHooks, TrainResult } from './trainer.ts';

/** Layers of a network as the BPTT kernel runs them, or why it cannot. */
export type KernelPlan =
  | {
      readonly ok: true;
      readonly layers: readonly Omit<KernelLayer, 'weights'>[];
      /** Per layer: its dense or conv node, and the dense node of its loop when it is recurrent. */
      readonly names: readonly string[];
      readonly loopNames: readonly (string | undefined)[];
      readonly reduce: LogitReduce;
    }
  | { readonly ok: false; readonly reason: string };

const trainsHere = (m: KernelModel) => m.bptt;

/** The population after a dense or conv layer, as the kernel runs it (its model's own packing), or why it cannot. */
function kernelNeurons(pop: LayerSpec | undefined, at: number, dtMs: number): KernelNeuron | string {
  if (pop?.kind === 'readout') return readoutNeuron(pop.mode === 'count' ? 1 : pop.beta);
  if (pop?.kind !== 'spiking') return `layer ${at} is '${pop?.kind ?? 'missing'}'; each dense or conv layer needs neurons or a read-out after it`;
  const packed = neuronModel(pop.neuron.model).kernel?.(pop.neuron, dtMs);
  if (packed === undefined || (typeof packed !== 'string' && !trainsHere(packed.model))) return `'${pop.name}' is ${pop.neuron.model}; the kernel trains ${kernelModelKinds(trainsHere)} neurons`;
  if (typeof packed === 'string') return `'${pop.name}' ${packed}`;
  if (packed.reset === 'zero') return `'${pop.name}' resets to zero; the kernel trains reset by subtraction or none`;
  return packed;
}

/**
 * Whether the kernel can train this network with this configuration: an input, then dense or
 * conv2d layers each followed by (a dense layer's may loop back to itself through a dense node, an
 * RSNN: kernelLoops.ts) LIF (reset by subtraction or none, no refractory period) or IF
 * (reset by subtraction) neurons, a spiking layer optionally followed by sum or average pooling,
 * flatten anywhere, optionally ending in a dense layer and a read-out; a cross-entropy loss; the
 * fast-sigmoid surrogate; no learned neuron parameters; no quantisation-aware training (its
 * fake-quantised forward pass is tfjs's); no distillation. Everything else trains on tfjs (the reason is shown).
 */
export function kernelPlan(spec: NetworkSpec, cfg: TrainingConfig, dtMs: number): KernelPlan {
  const no = (reason: string): KernelPlan => ({ ok: false, reason });
  const input = spec.layers[0];
  if (input?.kind !== 'input') return no('the first layer is not an input');
  // The kernel steps layers in list order, each reading the one before, with a population's own
  // loop inside its layer (an RSNN): other graphs train on tfjs.
  const graph = kernelLoops(spec);
  if ('reason' in graph) return no(graph.reason);
  const ls = graph.chain.layers;
  if (cfg.surrogate.name !== 'fastSigmoid') return no(`the kernel's surrogate is the fast sigmoid, not ${cfg.surrogate.name}`);
  if (cfg.loss === 'mseCount') return no("the kernel trains cross-entropy losses, not 'mseCount'");
  if (cfg.trainable.decay || cfg.trainable.threshold || cfg.trainable.adaptation) return no('the kernel does not learn neuron parameters');
  if ((cfg.energyLoss?.weight ?? 0) > 0) return no('the kernel has no chip energy term (energyLoss)');
  if (cfg.distillation) return no('the kernel trains on labels alone; distillation from a teacher (soft targets) runs on tfjs');
  if (cfg.quantization) return no(`the kernel does not fake-quantise weights; quantisation-aware training (${cfg.quantization.weightBits}-bit) runs on tfjs`);
  const layers: Omit<KernelLayer, 'weights'>[] = [];
  const names: string[] = [];
  const loopNames: (string | undefined)[] = [];
  let shape: Shape = input.shape.length === 3 ? [input.shape[0] ?? 1, input.shape[1] ?? 1, input.shape[2] ?? 1] : [shapeSize(input.shape as Shape)];
  for (let i = 1; i < ls.length; i++) {
    const l = ls[i] as LayerSpec;
    if (l.kind === 'flatten') {
      shape = [shapeSize(shape)];
      continue;
    }
    if (l.kind === 'pool2d') {
      const below = layers[layers.length - 1];
      if (!below || isReadout(below) || ls[i - 1]?.kind !== 'spiking') return no(`'${l.name}' pools currents; the kernel pools spikes (a pool right after neurons)`);
      if (l.mode === 'max') return no(`'${l.name}' is a max pool; the kernel trains sum and average pools`);
      const pool = { ...poolWindowOf(shape as readonly [number, number, number], l), divisor: l.mode === 'avg' ? windowOf(l).k ** 2 : 1 };
      layers[layers.length - 1] = { ...below, pool };
      shape = [pool.outH, pool.outW, pool.c];
      continue;
    }
    if (l.kind !== 'dense' && l.kind !== 'conv2d') return no(`layer ${i} is '${l.kind}'; the kernel trains dense and conv2d layers, each followed by neurons`);
    const neuron = kernelNeurons(ls[i + 1], i + 1, dtMs);
    if (typeof neuron === 'string') return no(neuron);
    const readout = isReadout({ neuron });
    if (readout && i + 2 !== ls.length) return no('a read-out must be the last layer');
    const inputs = shapeSize(shape);
    const loop = graph.loops.get(ls[i + 1]?.name ?? '');
    if (l.kind === 'dense') {
      layers.push({ neuron, inputs, units: l.units, ...(loop ? { recurrent: true } : {}) });
      shape = [l.units];
    } else {
      if (loop) return no(`'${ls[i + 1]?.name ?? ''}' has a loop after a conv2d; the kernel trains recurrent populations after a dense layer`);
      if (shape.length !== 3) return no(`'${l.name}' is a conv on a flat input`);
      if (readout) return no('a read-out must follow a dense layer');
      const conv = convGeometryOf(shape as readonly [number, number, number], l);
      layers.push({ neuron, inputs, units: conv.outH * conv.outW * conv.filters, conv });
      shape = [conv.outH, conv.outW, conv.filters];
    }
    names.push(l.name);
    loopNames.push(loop);
    i++;
  }
  if (layers.length === 0) return no('the network has no dense or conv layer');
  const last = ls[ls.length - 1];
  const reduce: LogitReduce = last?.kind === 'readout' ? decisionReduce(last, cfg.loss) : 'count';
  return { ok: true, layers, names, loopNames, reduce };
}

/**
 * A batch of a labelled set as event lists. A held input (one vector for every step) is listed at
 * t = 0 only, flagged `held`: the kernel sums it once and reuses the currents.
 */
export function eventBatchOf(set: LabelledSet, idx: readonly number[]): EventBatch {
  const { neurons } = set;
  const steps = set.steps;
  const batch = idx.length;
  const listed = set.held ? 1 : steps;
  const starts = new Uint32Array(steps * batch + 1);
  const index = new Uint32Array(listed * batch * neurons);
  const value = new Float32Array(listed * batch * neurons);
  let binary = true;
  let n = 0;
  for (let t = 0; t < listed; t++)
    for (let b = 0; b < batch; b++) {
      starts[t * batch + b] = n;
      const x = set.inputs[idx[b] as number] as Float32Array;
      const off = t * neurons;
      for (let i = 0; i < neurons; i++) {
        const v = x[off + i] as number;
        if (v === 0) continue;
        index[n] = i;
        value[n++] = v;
        if (v !== 1) binary = false;
      }
    }
  // Rows after the listed ones are empty (a held input's are never read).
  starts.fill(n, listed * batch);
  return { steps, batch, inputs: neurons, starts, index: index.subarray(0, n), value: value.subarray(0, n), binary, held: set.held === true };
}

type PlannedLayers = Extract<KernelPlan, { ok: true }>;

/** A kernel layer's weights from a network's: its node's, then its loop's matrix when it is recurrent. */
function layerWeights(plan: PlannedLayers, i: number, weights: NetworkWeights): Float32Array {
  const [name, loop] = [plan.names[i] ?? '', plan.loopNames[i]];
  const w = weights[name]?.values;
  if (!w) throw new Error(`no weights for '${name}'`);
  if (!loop) return w;
  const r = weights[loop]?.values;
  if (!r) throw new Error(`no weights for '${loop}'`);
  const joined = new Float32Array(w.length + r.length);
  joined.set(w);
  joined.set(r, w.length);
  return joined;
}

/** A kernel layer's weights back as the network's entries (split at the loop's matrix), shaped as `like`. */
function networkWeightsOf(plan: PlannedLayers, i: number, values: Float32Array, like: NetworkWeights): [string, LayerWeights][] {
  const [name, loop] = [plan.names[i] ?? '', plan.loopNames[i]];
  const shapeOf = (n: string, v: Float32Array) => like[n]?.shape ?? [v.length];
  if (!loop) return [[name, { shape: shapeOf(name, values), values }]];
  const ff = inputWeightCount(plan.layers[i] as Omit<KernelLayer, 'weights'>);
  const own = values.slice(0, ff);
  const rec = values.slice(ff);
  return [
    [name, { shape: shapeOf(name, own), values: own }],
    [loop, { shape: shapeOf(loop, rec), values: rec }],
  ];
}

/** Threads that compute gradients of batch slices beside the caller's (parallelBptt.ts). */
export interface TrainingThreads {
  readonly start: StartThread<BpttRequest, BpttReply>;
  /** Parts per batch, the caller's own included: 2 = the caller and one thread. */
  readonly threads: number;
}

/** Contiguous near-equal slices of `idx`, at most `parts` and none empty. */
const cut = <T>(idx: readonly T[], parts: number): T[][] => slices(idx.length, parts).map((s) => idx.slice(s.start, s.start + s.batch));

/**
 * trainer.ts's training loop on the WebAssembly BPTT kernel: the same split, class weights,
 * epochs, early stopping, learning-rate schedule, best checkpoint and reports, for a network that
 * kernelPlan accepts. Validation and predictions run on the kernel's forward pass, which gives the
 * engines' inference spikes.
 */
export async function trainWithKernel(kernel: BpttKernel, net: CompiledNetwork, set: LabelledSet, cfg: TrainingConfig, dtMs: number, rng: Rng, hooks: TrainHooks = {}, threads?: TrainingThreads, precision: SumPrecision = DEFAULT_PRECISION): Promise<TrainResult> {
  const plan = kernelPlan(net.spec, cfg, dtMs);
  if (!plan.ok) throw new Error(`the BPTT kernel cannot train this network: ${plan.reason}`);
  const split = splitForTraining(set, cfg, rng);
  const { val, trainIdx, classWeight } = split;
  const layers: KernelLayer[] = plan.layers.map((l, i) => ({ ...l, weights: layerWeights(plan, i, net.weights) }));
  const maxBatch = Math.min(cfg.batchSize, Math.max(1, trainIdx.length, val.length));
  // `kernel` must be a fresh instance (loadBpttKernel): the trainer takes its whole memory.
  const trainer = createWasmBpttTrainer(kernel, layers, set.steps, maxBatch, cfg.surrogate.slope, plan.reduce, { precision });
  // Each thread's slice is at most a batch: its trainer is laid out for the whole batch size.
  const parallel: ParallelBpttTrainer | undefined =
    threads && threads.threads > 1 ? await createParallelBpttTrainer(trainer, threads.start, threads.threads, { layers, steps: set.steps, maxBatch, slope: cfg.surrogate.slope, reduce: plan.reduce, precision }) : undefined;
  const spikingNames = net.spec.layers.filter((l) => l.kind === 'spiking').map((l) => l.name);
  const snapshot = (): NetworkWeights => Object.fromEntries(trainer.weights().flatMap((values, i) => networkWeightsOf(plan, i, values, net.weights)));
  const labelsOf = (idx: readonly number[]) => Int32Array.from(idx, (i) => set.labels[i] as number);

  /** Predictions, mean cross-entropy and spikes per sample per spiking layer, at inference; `threads` false after training (they are gone). */
  const scoreOf = async (from: LabelledSet, idx: readonly number[], threads = true): Promise<SetScore> => {
    const pred = new Int32Array(idx.length);
    const spikes = new Float64Array(spikingNames.length);
    let lossSum = 0;
    const parts: number[][] = [];
    for (let b = 0; b < idx.length; b += maxBatch) parts.push(idx.slice(b, b + maxBatch));
    const outs: KernelForward[] = parallel && threads ? await parallel.evaluateMany(parts.map((p) => eventBatchOf(from, p))) : parts.map((p) => trainer.evaluate(eventBatchOf(from, p)));
    for (let pi = 0; pi < parts.length; pi++) {
      const part = parts[pi] as number[];
      const out = outs[pi] as KernelForward;
      const b = pi * maxBatch;
      const k = from.classes;
      for (let s = 0; s < part.length; s++) {
        let best = 0;
        for (let j = 1; j < k; j++) if ((out.logits[s * k + j] as number) > (out.logits[s * k + best] as number)) best = j;
        pred[b + s] = best;
      }
      lossSum += countCrossEntropy(out.logits, Int32Array.from(part, (i) => from.labels[i] as number), part.length, k, new Float64Array(part.length * k)) * part.length;
      // Spiking layers in order; a read-out (last, if any) has no spikes.
      spikingNames.forEach((_, si) => (spikes[si] = (spikes[si] ?? 0) + (out.spikes[si] ?? 0)));
    }
    const n = Math.max(1, idx.length);
    return { pred, loss: lossSum / n, layerSpikes: Object.fromEntries(spikingNames.map((name, i) => [name, (spikes[i] ?? 0) / n])) };
  };

  const score = (idx: readonly number[]) => scoreOf(set, idx);
  const engine: EpochEngine<NetworkWeights> = {
    trainBatch(idx, lr) {
      const weightOf = (i: number) => classWeight[set.labels[i] as number] ?? 1;
      const options: UpdateOptions = {
        lr,
        optimizer: cfg.optimizer,
        momentum: cfg.momentum,
        weightDecay: cfg.weightDecay,
        clipNorm: cfg.clipNorm,
        rateRegularization: cfg.rateRegularization,
        ...(cfg.classWeighting === 'balanced' ? { sampleWeights: Float64Array.from(idx, weightOf) } : {}),
      };
      if (!parallel) return trainer.step(eventBatchOf(set, idx), labelsOf(idx), options);
      const slices = cut(idx, parallel.parts).map((part) => ({
        x: eventBatchOf(set, part),
        labels: labelsOf(part),
        ...(cfg.classWeighting === 'balanced' ? { sampleWeights: Float64Array.from(part, weightOf) } : {}),
      }));
      return parallel.step(slices, options);
    },
    score,
    checkpoint: snapshot,
  };
  try {
    const { history, best, stoppedEarly, cancelled } = await runEpochs(set, cfg, rng, split, engine, hooks);
    // Validation of the best weights: the kernel's inference is deterministic, so the best epoch's
    // own predictions are the ones a second pass would give (a pass that would delay a Stop).
    trainer.setWeights(plan.layers.map((_, i) => layerWeights(plan, i, best.checkpoint)));
    parallel?.publishWeights();
    const valIdx = val.length > 0 ? val : trainIdx;
    const validation = classMetrics(labelsOf(valIdx), best.valPred, set.classes);
    // The trainer keeps the best weights: it predicts other sets too (the test set), on this thread.
    const predictor = async (other: LabelledSet, idx: readonly number[]) => (await scoreOf(other, idx, false)).pred;
    return { weights: best.checkpoint, network: net.spec, neuronParams: {}, history, bestEpoch: best.epoch, validation, stoppedEarly, cancelled, predictor };
  } finally {
    parallel?.dispose();
  }
}
