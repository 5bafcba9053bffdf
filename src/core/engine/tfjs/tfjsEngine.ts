import * as tf from '@tensorflow/tfjs';
import { EngineError, throwIfAborted } from '../../errors.ts';
import { inferShapes, shapeSize, type Shape } from '../../network/shapes.ts';
import type { NetworkGraph } from '../../network/graph.ts';
import { NEURON_MODELS } from '../../neurons/index.ts';
import type { TfState } from '../../neurons/tfTypes.ts';
import { createRunRecorder } from '../runRecorder.ts';
import type { CompiledNetwork, Engine, EngineInfo, EngineName, ReadoutValues, SimInput, SimOptions, SimulationResult } from '../types.ts';
import { shouldYield, yieldToEventLoop } from '../yieldControl.ts';
import type { BackendChoice } from './backend.ts';
import { delayDepth, delayedOutput, statelessNode, sumInputs } from './tfGraphOps.ts';
import { tfNeuronInit, tfNeuronStep } from './tfNeuronSteps.ts';
import type { LayerSpec } from '../../spec/network.ts';

/** Mutable tensors carried from step to step. */
interface Carry {
  states: Record<string, TfState>;
  readouts: Record<string, { m: tf.Tensor; reduced: tf.Tensor }>;
  counts: Record<string, tf.Tensor>;
  /** Running window counts of accumulator nodes. */
  accs: Record<string, tf.Tensor>;
  /** The previous step's output of every node a recurrent edge reads. */
  outs: Record<string, tf.Tensor>;
  /** The last inputs of each delay node, newest first (as many as its longest delay + 1). */
  delays: Record<string, tf.Tensor[]>;
}

const emptyCarry = (): Carry => ({ states: {}, readouts: {}, counts: {}, accs: {}, outs: {}, delays: {} });

/** The graph of a network as a step reads it: edges into each node and the summed input shapes. */
interface StepGraph {
  readonly layers: readonly LayerSpec[];
  readonly graph: NetworkGraph;
  readonly inShapes: readonly (Shape | undefined)[];
}

/**
 * The batched tfjs engine. Each step runs in one tf.tidy; state tensors survive the step and the
 * replaced ones are disposed, so tf.memory().numTensors stays flat across runs.
 */
export function createTfjsEngine(choice: BackendChoice): Engine {
  const name = `tfjs-${choice.backend}` as EngineName;
  const info: EngineInfo = { name, backend: choice.backend, reason: choice.reason };
  return {
    info: () => info,
    simulate: (net, input, options) => simulateTf(name, choice, net, input, options),
    dispose: () => undefined,
  };
}

async function simulateTf(name: EngineName, choice: BackendChoice, net: CompiledNetwork, input: SimInput, options: SimOptions): Promise<SimulationResult> {
  if (tf.getBackend() !== choice.backend) await tf.setBackend(choice.backend);
  const started = Date.now();
  const { graph, inShapes } = inferShapes(net.spec);
  const stepGraph: StepGraph = { layers: net.spec.layers, graph, inShapes };
  const inShape = net.shapes[0] ?? [1];
  if (shapeSize(inShape) !== input.neurons) throw new EngineError(`the input has ${input.neurons} neurons per step but the input layer has ${shapeSize(inShape)}`);
  const recorder = createRunRecorder(net, input, options);
  const recordSpikes = options.recordSpikes ?? true;
  const weights = uploadWeights(net);
  const carry = initCarry(net, input.batch);
  const progressEvery = Math.max(1, Math.floor(input.steps / 20));
  let lastYield = Date.now();
  const pending: PendingStep[] = [];
  const held = new Set<tf.Tensor>();
  try {
    for (let t = 0; t < input.steps; t++) {
      throwIfAborted(options.signal, 'simulation');
      const ctx = { dtMs: options.dtMs, t, steps: input.steps };
      const n = input.neurons * input.batch;
      const slice = input.values.subarray(t * n, t * n + n);
      const result = tidyStep(() => stepAll(stepGraph, weights, carry, tf.tensor(slice, [input.batch, ...inShape], 'float32'), ctx, recordSpikes, recorder.wants));
      replaceCarry(carry, result.carry, held);
      pending.push({ t, recorded: result.recorded });
      for (const r of result.recorded) {
        held.add(r.values);
        if (r.membrane) held.add(r.membrane);
      }
      if (pending.length >= FLUSH_EVERY_STEPS || t + 1 === input.steps) await flush(pending, held, carry, recorder, recordSpikes);
      if ((t + 1) % progressEvery === 0 || t + 1 === input.steps) options.onProgress?.(t + 1, input.steps);
      if (shouldYield(lastYield)) {
        await yieldToEventLoop();
        lastYield = Date.now();
      }
    }
    const readouts = await readReadouts(net, carry, input.steps);
    if (!recordSpikes) {
      for (const [key, count] of Object.entries(carry.counts)) {
        const total = (await count.data())[0] ?? 0;
        recorder.addCount(Number(key), total);
      }
    }
    return recorder.finish(name, readouts, Date.now() - started);
  } finally {
    tf.dispose([...held].filter((x) => !new Set(tensorsOf(carry)).has(x)));
    disposeCarry(carry);
    tf.dispose(Object.values(weights));
  }
}

function uploadWeights(net: CompiledNetwork): Record<string, tf.Tensor> {
  const out: Record<string, tf.Tensor> = {};
  for (const [key, w] of Object.entries(net.weights)) out[key] = tf.tensor(w.values, [...w.shape], 'float32');
  return out;
}

function initCarry(net: CompiledNetwork, batch: number): Carry {
  const carry = emptyCarry();
  const { recurrentSources } = inferShapes(net.spec).graph;
  net.spec.layers.forEach((l, i) => {
    const shape = [batch, ...(net.shapes[i] ?? [1])];
    // A recurrent edge reads zeros at the first step.
    if (recurrentSources.has(i)) carry.outs[i] = tf.zeros(shape);
    if (l.kind === 'accumulator') carry.accs[i] = tf.zeros(shape);
    if (l.kind === 'spiking') carry.states[i] = tfNeuronInit(l.neuron.model, shape, l.neuron);
    if (l.kind === 'readout') carry.readouts[i] = { m: tf.zeros(shape), reduced: l.reduce === 'max' ? tf.fill(shape, -Infinity) : tf.zeros(shape) };
    if (l.kind === 'spiking' || l.kind === 'input') carry.counts[i] = tf.scalar(0);
  });
  return carry;
}

interface Recorded {
  readonly index: number;
  readonly values: tf.Tensor;
  readonly membrane: tf.Tensor | undefined;
}

/** One step through every node in list order; runs inside tf.tidy, so everything not returned is freed. */
function stepAll(
  g: StepGraph,
  weights: Record<string, tf.Tensor>,
  carry: Carry,
  x0: tf.Tensor,
  ctx: { dtMs: number; t: number; steps: number },
  recordSpikes: boolean,
  wants: (index: number) => boolean,
): { carry: Carry; recorded: Recorded[] } {
  const next = emptyCarry();
  const recorded: Recorded[] = [];
  const now: tf.Tensor[] = [];
  g.layers.forEach((l, i) => {
    let membrane: tf.Tensor | undefined;
    let x: tf.Tensor;
    if (l.kind === 'input') x = x0;
    else {
      const inputs = (g.graph.inputsOf[i] ?? []).map((e) => {
        const src = e.recurrent ? carry.outs[e.from] : now[e.from];
        if (!src) throw new EngineError(`'${l.name}' reads node ${e.from}, which has no output yet`);
        return src;
      });
      const h = sumInputs(inputs);
      const inShape = g.inShapes[i] ?? [1];
      switch (l.kind) {
        case 'spiking': {
          const res = tfNeuronStep(l.neuron.model)(carry.states[i] ?? {}, h, l.neuron, ctx);
          next.states[i] = res.state;
          x = res.spikes;
          membrane = res.state[NEURON_MODELS[l.neuron.model]?.membraneKey ?? ''];
          break;
        }
        case 'readout': {
          const prev = carry.readouts[i];
          if (!prev) throw new EngineError(`readout '${l.name}' has no state`);
          const m = l.mode === 'value' ? h : l.mode === 'count' ? tf.add(prev.m, h) : tf.add(tf.mul(tf.scalar(l.beta), prev.m), h);
          const reduced = l.reduce === 'max' ? tf.maximum(prev.reduced, m) : l.reduce === 'mean' ? tf.add(prev.reduced, m) : prev.reduced;
          next.readouts[i] = { m, reduced };
          x = m;
          membrane = m;
          break;
        }
        case 'accumulator': {
          // The count restarts at the first step of each window.
          const restart = l.window !== undefined && ctx.t % l.window === 0;
          const prev = carry.accs[i];
          x = restart || !prev ? h : tf.add(prev, h);
          next.accs[i] = x;
          break;
        }
        case 'delay': {
          const history = [h, ...(carry.delays[i] ?? [])].slice(0, delayDepth(l));
          next.delays[i] = history;
          x = delayedOutput(l, history, inShape);
          break;
        }
        default: {
          const y = statelessNode(l, h, inShape, weights, 'exact');
          if (!y) throw new EngineError(`the tfjs engine cannot step a '${l.kind}' node`);
          x = y;
        }
      }
    }
    now.push(x);
    if (g.graph.recurrentSources.has(i)) next.outs[i] = x;
    if (l.kind === 'input' || l.kind === 'spiking') {
      next.counts[i] = recordSpikes ? (carry.counts[i] ?? tf.scalar(0)) : tf.add(carry.counts[i] ?? tf.scalar(0), tf.sum(x));
    }
    if (wants(i) && (recordSpikes || membrane)) recorded.push({ index: i, values: x, membrane });
  });
  return { carry: next, recorded };
}

/**
 * Runs a step in a tidy scope and keeps what it returns (tf.tidy's own return path accepts only
 * plain tensor containers, not our typed records).
 */
function tidyStep(fn: () => { carry: Carry; recorded: Recorded[] }): { carry: Carry; recorded: Recorded[] } {
  let out: { carry: Carry; recorded: Recorded[] } = { carry: emptyCarry(), recorded: [] };
  tf.tidy(() => {
    out = fn();
    for (const t of tensorsOf(out.carry)) tf.keep(t);
    for (const r of out.recorded) {
      tf.keep(r.values);
      if (r.membrane) tf.keep(r.membrane);
    }
  });
  return out;
}

function tensorsOf(c: Carry): tf.Tensor[] {
  return [
    ...Object.values(c.states).flatMap((s) => Object.values(s)),
    ...Object.values(c.readouts).flatMap((r) => [r.m, r.reduced]),
    ...Object.values(c.counts),
    ...Object.values(c.accs),
    ...Object.values(c.outs),
    ...Object.values(c.delays).flat(),
  ];
}

/**
 * Recorded outputs are read back in blocks of this many steps: one download per block instead of
 * one per step (a GPU readback costs tens of milliseconds in SwiftShader, a few on real GPUs).
 */
const FLUSH_EVERY_STEPS = 50;

interface PendingStep {
  readonly t: number;
  readonly recorded: readonly Recorded[];
}

/** Downloads the pending steps' recorded tensors (one concat + read per layer and kind) and records them. */
async function flush(pending: PendingStep[], held: Set<tf.Tensor>, carry: Carry, recorder: ReturnType<typeof createRunRecorder>, recordSpikes: boolean): Promise<void> {
  const indices = [...new Set(pending.flatMap((p) => p.recorded.map((r) => r.index)))];
  for (const index of indices) {
    const steps = pending.flatMap((p) => p.recorded.filter((r) => r.index === index).map((r) => ({ t: p.t, r })));
    const first = steps[0]?.r;
    if (!first) continue;
    const size = first.values.size;
    const read = async (ts: tf.Tensor[]) => {
      const joined = tf.tidy(() => tf.concat(ts.map((x) => x.reshape([-1]))));
      const data = (await joined.data()) as Float32Array;
      joined.dispose();
      return data;
    };
    const values = recordSpikes ? await read(steps.map((s) => s.r.values)) : undefined;
    const hasMembrane = first.membrane !== undefined;
    const membranes = hasMembrane ? await read(steps.map((s) => s.r.membrane ?? s.r.values)) : undefined;
    steps.forEach((s, k) => recorder.record(index, s.t, values?.subarray(k * size, (k + 1) * size), membranes?.subarray(k * size, (k + 1) * size)));
  }
  // Recorded tensors are often also state (a layer's spikes are its 's'): free only the others.
  const live = new Set(tensorsOf(carry));
  tf.dispose([...held].filter((x) => !live.has(x)));
  held.clear();
  pending.length = 0;
}

/** Moves the new carry in and frees the old tensors that the new one does not reuse or that wait to be read. */
function replaceCarry(carry: Carry, next: Carry, held: ReadonlySet<tf.Tensor>): void {
  const keep = new Set([...tensorsOf(next), ...held]);
  tf.dispose(tensorsOf(carry).filter((t) => !keep.has(t)));
  carry.states = next.states;
  carry.readouts = next.readouts;
  carry.counts = next.counts;
  carry.accs = next.accs;
  carry.outs = next.outs;
  carry.delays = next.delays;
}

function disposeCarry(carry: Carry): void {
  tf.dispose([...new Set(tensorsOf(carry))]);
}

async function readReadouts(net: CompiledNetwork, carry: Carry, steps: number): Promise<ReadoutValues[]> {
  const out: ReadoutValues[] = [];
  for (const [key, r] of Object.entries(carry.readouts)) {
    const l = net.spec.layers[Number(key)];
    if (l?.kind !== 'readout') continue;
    const src = l.mode === 'count' || l.reduce === 'last' ? r.m : r.reduced;
    const data = (await src.data()) as Float32Array;
    const values = l.mode !== 'count' && l.reduce === 'mean' ? data.map((s) => Math.fround(s / steps)) : Float32Array.from(data);
    out.push({ name: l.name, units: shapeSize(net.shapes[Number(key)] ?? [1]), values });
  }
  return out;
}
