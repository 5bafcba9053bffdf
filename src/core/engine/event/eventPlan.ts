import { DEFAULT_PRECISION, type SumPrecision } from '../../spec/precision.ts';
import { EngineError } from '../../errors.ts';
import { inferShapes, shapeSize, type Shape } from '../../network/shapes.ts';
import { biasKey } from '../../network/weights.ts';
import { neuronModel } from '../../neurons/index.ts';
import { allocStepResult, type AnyNeuronModel, type StateArrays, type StepContext, type StepResult } from '../../neurons/types.ts';
import type { AccumulatorLayerSpec, DelayLayerSpec, LayerSpec, ReadoutLayerSpec } from '../../spec/network.ts';
import type { CompiledNetwork, ReadoutValues, SimInput } from '../types.ts';
import { finishReadoutValues, newReduced, stepReadoutValues } from '../readout/readoutStep.ts';
import { allocActivity, conv2dForward, denseForward, indexEvents, pool2dForward, type Activity } from './propagate.ts';

/** Per-node buffers and state of one event-engine run. */
export interface PlanLayer {
  readonly index: number;
  readonly spec: LayerSpec;
  readonly inShape: Shape | undefined;
  /** What the node reads this step: a forward input's own activity, or `gather` summing several. */
  readonly input: Activity | undefined;
  readonly gather: Gather | undefined;
  readonly out: Activity;
  readonly acc: Float64Array | undefined;
  /** A dense layer's float32 accumulator in the float32 precision mode (propagate.ts denseForward). */
  readonly acc32: Float32Array | undefined;
  readonly weights: Float32Array | undefined;
  readonly bias: Float32Array | undefined;
  neuron: NeuronBuffers | undefined;
  readonly readout: ReadoutBuffers | undefined;
  readonly accumulator: AccumulatorBuffers | undefined;
  readonly delay: DelayBuffers | undefined;
  /** Kept copy of the last step's output, when a recurrent edge reads this node. */
  readonly previous: Float32Array | undefined;
}

/** Sums a node's inputs into its own activity: forward sources of this step, recurrent ones of the step before. */
interface Gather {
  readonly into: Activity;
  readonly sources: readonly { readonly node: number; readonly recurrent: boolean }[];
}

interface NeuronBuffers {
  readonly model: AnyNeuronModel;
  readonly params: { readonly model: string };
  cur: StepResult<StateArrays>;
  next: StepResult<StateArrays>;
}

interface ReadoutBuffers {
  readonly spec: ReadoutLayerSpec;
  /** Integrated value (count, leaky membrane, or the input itself). */
  readonly m: Float32Array;
  /** Reduction over time (max or running sum for mean). */
  readonly reduced: Float32Array;
}

interface AccumulatorBuffers {
  readonly spec: AccumulatorLayerSpec;
  readonly counts: Float32Array;
}

/** The last `depth` inputs of a delay node, a ring indexed by step modulo depth (depth = longest delay + 1). */
interface DelayBuffers {
  readonly ring: Float32Array;
  readonly depth: number;
  /** Delay of each element of one sample, in steps. */
  readonly steps: Int32Array;
}

function delayBuffers(spec: DelayLayerSpec, size: number, batch: number): DelayBuffers {
  const steps = Array.isArray(spec.steps) ? Int32Array.from(spec.steps) : new Int32Array(size).fill(spec.steps);
  const depth = steps.reduce((a, b) => Math.max(a, b), 0) + 1;
  return { ring: new Float32Array(depth * size * batch), depth, steps };
}

/** All buffers of a run, allocated once before the time loop. */
export interface EventPlan {
  readonly layers: readonly PlanLayer[];
  readonly batch: number;
  readonly steps: number;
  readoutValues(): ReadoutValues[];
}

/** Allocates buffers and initial state for every node. */
export function buildEventPlan(net: CompiledNetwork, input: SimInput, precision: SumPrecision = DEFAULT_PRECISION): EventPlan {
  const batch = input.batch;
  const { graph, inShapes } = inferShapes(net.spec);
  const layers: PlanLayer[] = [];
  net.spec.layers.forEach((spec, index) => {
    const shape = net.shapes[index] ?? [1];
    const size = shapeSize(shape);
    const inShape = inShapes[index];
    if (index === 0 && size !== input.neurons) {
      throw new EngineError(`the input has ${input.neurons} neurons per step but the input layer '${spec.name}' has ${size}`);
    }
    const edges = graph.inputsOf[index] ?? [];
    const only = edges.length === 1 && !edges[0]?.recurrent ? layers[edges[0]?.from ?? -1] : undefined;
    const gather =
      index > 0 && !only ? { into: allocActivity(shapeSize(inShape ?? [1]), batch), sources: edges.map((e) => ({ node: e.from, recurrent: e.recurrent })) } : undefined;
    const inputActivity = only?.out ?? gather?.into;
    // flatten and identity only reinterpret: they share the activity they read.
    const shares = spec.kind === 'flatten' || spec.kind === 'identity' || spec.kind === 'sum';
    const out = shares && inputActivity ? inputActivity : allocActivity(size, batch);
    const weighted = spec.kind === 'dense' || spec.kind === 'conv2d';
    const weights = weighted || spec.kind === 'scale' ? net.weights[spec.name]?.values : undefined;
    if ((weighted || spec.kind === 'scale') && !weights) throw new EngineError(`no weights for layer '${spec.name}'`);
    const bias = weighted && spec.bias ? net.weights[biasKey(spec.name)]?.values : undefined;
    if (weighted && spec.bias && !bias) throw new EngineError(`no bias for layer '${spec.name}'`);
    const acc32 = spec.kind === 'dense' && precision === 'float32' ? new Float32Array(size) : undefined;
    const acc = !acc32 && (weighted || spec.kind === 'pool2d') ? new Float64Array(size) : undefined;
    let neuron: NeuronBuffers | undefined;
    if (spec.kind === 'spiking') {
      const model = neuronModel(spec.neuron.model);
      const state = model.init(size * batch, spec.neuron);
      neuron = { model, params: spec.neuron, cur: { spikes: new Float32Array(size * batch), state }, next: allocStepResult(state, size * batch) };
    }
    const readout =
      spec.kind === 'readout'
        ? { spec, m: new Float32Array(size * batch), reduced: newReduced(size * batch, spec.reduce) }
        : undefined;
    const accumulator = spec.kind === 'accumulator' ? { spec, counts: new Float32Array(size * batch) } : undefined;
    const delay = spec.kind === 'delay' ? delayBuffers(spec, size, batch) : undefined;
    const previous = graph.recurrentSources.has(index) ? new Float32Array(size * batch) : undefined;
    layers.push({ index, spec, inShape, input: inputActivity, gather, out, acc, acc32, weights, bias, neuron, readout, accumulator, delay, previous });
  });
  const steps = input.steps;
  return {
    layers,
    batch,
    steps,
    readoutValues: () =>
      layers.flatMap((l) => (l.readout ? [{ name: l.spec.name, units: l.out.size, values: finishReadoutValues(l.readout.spec, l.readout.m, l.readout.reduced, steps) }] : [])),
  };
}

/** Keeps this step's output of every node a recurrent edge reads, for the next step. */
export function keepRecurrentOutputs(plan: EventPlan): void {
  for (const l of plan.layers) if (l.previous) l.previous.set(l.out.values);
}

/** Output of one node at one step: its activity values and, for neurons, the membrane. */
export interface LayerStepOutput {
  readonly values: Float32Array;
  readonly membrane: Float32Array | undefined;
}

function gatherInputs(plan: EventPlan, g: Gather): void {
  const v = g.into.values;
  g.sources.forEach((src, k) => {
    const from = plan.layers[src.node];
    if (!from) throw new EngineError(`node ${src.node} does not exist`);
    const x = src.recurrent ? from.previous ?? new Float32Array(v.length) : from.out.values;
    if (k === 0) v.set(x);
    // Float32 sums, in edge order: the same rounding as tfjs's add of the same tensors.
    else for (let i = 0; i < v.length; i++) v[i] = Math.fround((v[i] as number) + (x[i] as number));
  });
  indexEvents(g.into);
}

/** Advances one node by one step, reading its inputs' activity of the same step (recurrent: the step before). */
export function stepLayer(plan: EventPlan, layer: PlanLayer, input: SimInput, ctx: StepContext): LayerStepOutput {
  const spec = layer.spec;
  const out = layer.out;
  if (spec.kind === 'input') {
    const n = input.neurons * input.batch;
    out.values.set(input.values.subarray(ctx.t * n, ctx.t * n + n));
    indexEvents(out);
    return { values: out.values, membrane: undefined };
  }
  if (layer.gather) gatherInputs(plan, layer.gather);
  const x = layer.input;
  if (!x) throw new EngineError(`layer '${spec.name}' has no input`);
  const acc = layer.acc ?? new Float64Array(0);
  const done = (): LayerStepOutput => {
    indexEvents(out);
    return { values: out.values, membrane: undefined };
  };
  switch (spec.kind) {
    case 'dense':
      denseForward(x, layer.weights ?? new Float32Array(0), spec.units, layer.acc32 ?? acc, out.values, layer.bias);
      return done();
    case 'conv2d':
      conv2dForward(x, layer.inShape ?? [1], spec, layer.weights ?? new Float32Array(0), acc, out.values, layer.bias);
      return done();
    case 'pool2d':
      pool2dForward(x, layer.inShape ?? [1], spec, out.values, acc);
      return done();
    case 'flatten':
    case 'identity':
    case 'sum':
      return { values: out.values, membrane: undefined };
    case 'relu':
      for (let i = 0; i < out.values.length; i++) out.values[i] = Math.max(0, x.values[i] as number);
      return done();
    case 'scale': {
      const s = layer.weights ?? new Float32Array(0);
      const n = s.length;
      for (let i = 0; i < out.values.length; i++) out.values[i] = Math.fround((x.values[i] as number) * (s[i % n] as number));
      return done();
    }
    case 'delay':
      stepDelay(layer, x.values, ctx.t);
      return done();
    case 'accumulator':
      return stepAccumulator(layer, x.values, ctx.t);
    case 'spiking':
      return stepNeurons(layer, x.values, ctx);
    case 'readout':
      return stepReadout(layer, x.values);
  }
}

function stepAccumulator(layer: PlanLayer, x: Float32Array, t: number): LayerStepOutput {
  const a = layer.accumulator;
  if (!a) throw new EngineError(`layer '${layer.spec.name}' has no accumulator state`);
  // A new window starts from zero; without a window the whole run is one.
  if (a.spec.window !== undefined && t % a.spec.window === 0) a.counts.fill(0);
  for (let i = 0; i < a.counts.length; i++) a.counts[i] = Math.fround((a.counts[i] as number) + (x[i] as number));
  layer.out.values.set(a.counts);
  indexEvents(layer.out);
  return { values: layer.out.values, membrane: undefined };
}

/** Writes this step's input into the ring, then reads each element's input of d steps ago (zeros before the run). */
function stepDelay(layer: PlanLayer, x: Float32Array, t: number): void {
  const d = layer.delay;
  if (!d) throw new EngineError(`layer '${layer.spec.name}' has no delay buffer`);
  const total = x.length;
  const size = d.steps.length;
  d.ring.set(x, (t % d.depth) * total);
  const out = layer.out.values;
  for (let i = 0; i < total; i++) {
    const back = d.steps[i % size] as number;
    out[i] = back > t ? 0 : (d.ring[((t - back) % d.depth) * total + i] as number);
  }
}

function stepNeurons(layer: PlanLayer, currents: Float32Array, ctx: StepContext): LayerStepOutput {
  const nb = layer.neuron;
  if (!nb) throw new EngineError(`layer '${layer.spec.name}' has no neuron state`);
  const res = nb.model.step(nb.cur.state, currents, nb.params, ctx, nb.next);
  // Swap the double buffers: the result becomes current, the old current is written next step.
  nb.next = nb.cur;
  nb.cur = res;
  layer.out.values.set(res.spikes);
  indexEvents(layer.out);
  return { values: layer.out.values, membrane: res.state[nb.model.membraneKey] };
}

function stepReadout(layer: PlanLayer, x: Float32Array): LayerStepOutput {
  const r = layer.readout;
  if (!r) throw new EngineError(`layer '${layer.spec.name}' has no readout state`);
  stepReadoutValues(r.spec, r.m, r.reduced, x);
  layer.out.values.set(r.m);
  indexEvents(layer.out);
  return { values: layer.out.values, membrane: r.m };
}
