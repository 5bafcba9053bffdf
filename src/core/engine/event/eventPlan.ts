import { EngineError } from '../../errors.ts';
import { shapeSize, type Shape } from '../../network/shapes.ts';
import { neuronModel } from '../../neurons/index.ts';
import { allocStepResult, type AnyNeuronModel, type StateArrays, type StepContext, type StepResult } from '../../neurons/types.ts';
import type { LayerSpec, ReadoutLayerSpec } from '../../spec/network.ts';
import type { CompiledNetwork, ReadoutValues, SimInput } from '../types.ts';
import { allocActivity, conv2dForward, denseForward, indexEvents, pool2dForward, type Activity } from './propagate.ts';

/** Per-layer buffers and state of one event-engine run. */
export interface PlanLayer {
  readonly index: number;
  readonly spec: LayerSpec;
  readonly inShape: Shape | undefined;
  readonly out: Activity;
  readonly acc: Float64Array | undefined;
  readonly weights: Float32Array | undefined;
  neuron: NeuronBuffers | undefined;
  readonly readout: ReadoutBuffers | undefined;
}

interface NeuronBuffers {
  readonly model: AnyNeuronModel;
  readonly params: { readonly model: string };
  cur: StepResult<StateArrays>;
  next: StepResult<StateArrays>;
}

interface ReadoutBuffers {
  readonly spec: ReadoutLayerSpec;
  /** Integrated value (count, or leaky membrane). */
  readonly m: Float32Array;
  /** Reduction over time (max or running sum for mean). */
  readonly reduced: Float32Array;
}

/** All buffers of a run, allocated once before the time loop. */
export interface EventPlan {
  readonly layers: readonly PlanLayer[];
  readonly batch: number;
  readonly steps: number;
  readoutValues(): ReadoutValues[];
}

/** Allocates buffers and initial state for every layer. */
export function buildEventPlan(net: CompiledNetwork, input: SimInput): EventPlan {
  const batch = input.batch;
  const layers: PlanLayer[] = [];
  net.spec.layers.forEach((spec, index) => {
    const shape = net.shapes[index] ?? [1];
    const size = shapeSize(shape);
    const inShape = net.shapes[index - 1];
    const prev = layers[index - 1];
    if (index === 0 && size !== input.neurons) {
      throw new EngineError(`the input has ${input.neurons} neurons per step but the input layer '${spec.name}' has ${size}`);
    }
    // flatten only reinterprets the index: it shares the activity of the layer before.
    const out = spec.kind === 'flatten' && prev ? prev.out : allocActivity(size, batch);
    const weighted = spec.kind === 'dense' || spec.kind === 'conv2d';
    const weights = weighted ? net.weights[spec.name]?.values : undefined;
    if (weighted && !weights) throw new EngineError(`no weights for layer '${spec.name}'`);
    const acc = weighted || spec.kind === 'pool2d' ? new Float64Array(size) : undefined;
    let neuron: NeuronBuffers | undefined;
    if (spec.kind === 'spiking') {
      const model = neuronModel(spec.neuron.model);
      const state = model.init(size * batch, spec.neuron);
      neuron = { model, params: spec.neuron, cur: { spikes: new Float32Array(size * batch), state }, next: allocStepResult(state, size * batch) };
    }
    const readout =
      spec.kind === 'readout'
        ? { spec, m: new Float32Array(size * batch), reduced: new Float32Array(size * batch).fill(spec.reduce === 'max' ? -Infinity : 0) }
        : undefined;
    layers.push({ index, spec, inShape, out, acc, weights, neuron, readout });
  });
  const steps = input.steps;
  return {
    layers,
    batch,
    steps,
    readoutValues: () =>
      layers.flatMap((l) => (l.readout ? [{ name: l.spec.name, units: l.out.size, values: finishReadout(l.readout, steps) }] : [])),
  };
}

function finishReadout(r: ReadoutBuffers, steps: number): Float32Array {
  if (r.spec.mode === 'count' || r.spec.reduce === 'last') return r.m.slice();
  if (r.spec.reduce === 'max') return r.reduced.slice();
  return r.reduced.map((s) => Math.fround(s / steps));
}

/** Output of one layer at one step: its activity values and, for neurons, the membrane. */
export interface LayerStepOutput {
  readonly values: Float32Array;
  readonly membrane: Float32Array | undefined;
}

/** Advances one layer by one step, reading the previous layer's activity of the same step. */
export function stepLayer(plan: EventPlan, layer: PlanLayer, input: SimInput, ctx: StepContext): LayerStepOutput {
  const prev = plan.layers[layer.index - 1];
  const spec = layer.spec;
  const out = layer.out;
  if (spec.kind === 'input') {
    const n = input.neurons * input.batch;
    out.values.set(input.values.subarray(ctx.t * n, ctx.t * n + n));
    indexEvents(out);
    return { values: out.values, membrane: undefined };
  }
  if (!prev) throw new EngineError(`layer '${spec.name}' has no input`);
  const acc = layer.acc ?? new Float64Array(0);
  switch (spec.kind) {
    case 'dense':
      denseForward(prev.out, layer.weights ?? new Float32Array(0), spec.units, acc, out.values);
      indexEvents(out);
      return { values: out.values, membrane: undefined };
    case 'conv2d':
      conv2dForward(prev.out, layer.inShape ?? [1], spec, layer.weights ?? new Float32Array(0), acc, out.values);
      indexEvents(out);
      return { values: out.values, membrane: undefined };
    case 'pool2d':
      pool2dForward(prev.out, layer.inShape ?? [1], spec, out.values, acc);
      indexEvents(out);
      return { values: out.values, membrane: undefined };
    case 'flatten':
      return { values: out.values, membrane: undefined };
    case 'spiking':
      return stepNeurons(layer, prev.out.values, ctx);
    case 'readout':
      return stepReadout(layer, prev.out.values);
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
  const beta = Math.fround(r.spec.beta);
  const { m, reduced } = r;
  for (let i = 0; i < m.length; i++) {
    const xi = x[i] as number;
    const mi = r.spec.mode === 'count' ? Math.fround((m[i] as number) + xi) : Math.fround(Math.fround(beta * (m[i] as number)) + xi);
    m[i] = mi;
    if (r.spec.reduce === 'max') reduced[i] = Math.max(reduced[i] as number, mi);
    else if (r.spec.reduce === 'mean') reduced[i] = Math.fround((reduced[i] as number) + mi);
  }
  layer.out.values.set(m);
  return { values: layer.out.values, membrane: m };
}
