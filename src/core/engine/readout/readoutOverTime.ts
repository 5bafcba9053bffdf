import { inferShapes, shapeSize } from '../../network/shapes.ts';
import type { ReadoutLayerSpec } from '../../spec/network.ts';
import type { TrainingConfig } from '../../spec/trainingConfig.ts';
import { buildEventPlan, keepRecurrentOutputs, stepLayer } from '../event/eventPlan.ts';
import { indexEvents } from '../event/propagate.ts';
import type { SpikeTrain } from '../recording.ts';
import type { CompiledNetwork, SimInput, SimulationResult } from '../types.ts';
import { argmaxOf, decisionReduce } from './readoutDecision.ts';
import { finishReadoutValues, newReduced, reduceInto, type ReadoutReduce } from './readoutStep.ts';

/** The read-out's value of every class at every step of one sample, and the class it decides. */
export interface ReadoutTrace {
  readonly kind: 'trace';
  /** The read-out node (the network's last). */
  readonly name: string;
  readonly units: number;
  readonly steps: number;
  /** Its value m[t] of class k at `values[t·units + k]`. */
  readonly values: Float32Array;
  /** What the engines report at the end of the run (the read-out's own reduce), per class. */
  readonly final: Float32Array;
  /** How the class is decided (decisionReduce) and the score of each class under it. */
  readonly decidedBy: ReadoutReduce;
  readonly scores: Float32Array;
  /** The decided class: the index of the largest score, the first on ties. */
  readonly predicted: number;
}

/** Why a run's read-out cannot be shown over time, in words for the page. */
export interface ReadoutRefusal {
  readonly kind: 'refused';
  readonly reason: string;
}

export type ReadoutOverTime = ReadoutTrace | ReadoutRefusal;

/** Which sample of the run, and the training loss that decides the class (none: what the read-out reports). */
export interface ReadoutOverTimeOptions {
  readonly sample?: number;
  readonly loss?: TrainingConfig['loss'] | undefined;
}

const refuse = (reason: string): ReadoutRefusal => ({ kind: 'refused', reason });

/**
 * The network's read-out over time for one sample of a finished run, recomputed from what the run
 * recorded rather than recorded by each engine: the spikes of every spiking node that feeds the
 * read-out (directly or through dense, conv, pool, sum, accumulator… nodes) are played back into
 * an event-engine plan, and only the non-spiking nodes between them and the read-out are stepped,
 * with the event engine's own step code (eventPlan.ts stepLayer, readoutStep.ts). The input node
 * is stepped from `input` itself, so real-valued (direct-current) inputs replay exactly. Work per
 * step is that of those few nodes (a dense layer into a handful of classes for the presets).
 * Refused, with the reason, when the network does not end in a read-out or the spikes it needs
 * were not all recorded (a run without spike recording, or one stopped at its event budget).
 */
export function readoutOverTime(net: CompiledNetwork, input: SimInput, result: SimulationResult, options: ReadoutOverTimeOptions = {}): ReadoutOverTime {
  const layers = net.spec.layers;
  const lastIndex = layers.length - 1;
  const last = layers[lastIndex];
  if (last?.kind !== 'readout') {
    return refuse(`the network ends in '${last?.name ?? '?'}' (${last?.kind ?? 'nothing'}), not a read-out: its class is its most active neuron, in the raster`);
  }
  const sample = options.sample ?? 0;
  if (!(sample >= 0 && sample < result.batch)) return refuse(`the run has ${result.batch} sample(s), not a sample ${sample}`);
  const needed = upstreamOf(net, lastIndex);
  const trains = new Map<number, SpikeTrain>();
  for (const i of needed) {
    const spec = layers[i];
    if (spec?.kind !== 'spiking') continue;
    const rec = result.layers.find((l) => l.name === spec.name);
    const train = rec?.spikes[sample];
    if (!rec || !train) return refuse(`the run did not record the spikes of '${spec.name}', which the read-out is computed from`);
    const stored = rec.spikes.reduce((a, s) => a + s.ids.length, 0);
    if (stored < rec.spikeCount) return refuse(`the recording of '${spec.name}' stopped at its event budget (${stored} of ${rec.spikeCount} spikes kept), so the read-out cannot be replayed`);
    trains.set(i, train);
  }
  const one = oneSample(input, sample);
  const plan = buildEventPlan(net, one);
  const units = shapeSize(net.shapes[lastIndex] ?? [1]);
  const steps = result.steps;
  const values = new Float32Array(steps * units);
  const cursor = new Map<number, number>();
  for (let t = 0; t < steps; t++) {
    const ctx = { dtMs: result.dtMs, t, steps };
    for (const layer of plan.layers) {
      if (!needed.has(layer.index)) continue;
      const train = trains.get(layer.index);
      if (!train) {
        const out = stepLayer(plan, layer, one, ctx);
        if (layer.index === lastIndex) values.set(out.values.subarray(0, units), t * units);
        continue;
      }
      // A recorded population: this step's spikes (a graded spike of k is k entries) as its output.
      const v = layer.out.values;
      v.fill(0);
      let c = cursor.get(layer.index) ?? 0;
      for (; c < train.times.length && train.times[c] === t; c++) v[train.ids[c] as number] = (v[train.ids[c] as number] as number) + 1;
      cursor.set(layer.index, c);
      indexEvents(layer.out);
    }
    keepRecurrentOutputs(plan);
  }
  const final = plan.readoutValues().find((r) => r.name === last.name)?.values ?? new Float32Array(units);
  const decidedBy = decisionReduce(last, options.loss);
  const scores = reduceOverTime(last, values, units, steps, decidedBy);
  return { kind: 'trace', name: last.name, units, steps, values, final, decidedBy, scores, predicted: argmaxOf(scores, 0, units) };
}

/** Nodes whose output the node `target` depends on, stopping at spiking nodes (their spikes are recorded) and the input. */
function upstreamOf(net: CompiledNetwork, target: number): Set<number> {
  const { graph } = inferShapes(net.spec);
  const needed = new Set<number>();
  const stack = [target];
  while (stack.length > 0) {
    const i = stack.pop() as number;
    if (needed.has(i)) continue;
    needed.add(i);
    const kind = net.spec.layers[i]?.kind;
    if (kind === 'spiking' || kind === 'input') continue;
    for (const e of graph.inputsOf[i] ?? []) stack.push(e.from);
  }
  return needed;
}

/** The run's input of one sample, as a batch of one. */
function oneSample(input: SimInput, sample: number): SimInput {
  if (input.batch === 1) return input;
  const n = input.neurons;
  const values = new Float32Array(input.steps * n);
  for (let t = 0; t < input.steps; t++) values.set(input.values.subarray((t * input.batch + sample) * n, (t * input.batch + sample + 1) * n), t * n);
  return { steps: input.steps, batch: 1, neurons: n, values };
}

/** Folds a trace over time with `reduce` (readoutStep.ts's reduction and finish): one score per class. */
function reduceOverTime(spec: ReadoutLayerSpec, values: Float32Array, units: number, steps: number, reduce: ReadoutReduce): Float32Array {
  const reduced = newReduced(units, reduce);
  for (let t = 0; t < steps; t++) for (let k = 0; k < units; k++) reduceInto(reduced, k, values[t * units + k] as number, reduce);
  const lastRow = steps > 0 ? values.slice((steps - 1) * units, steps * units) : new Float32Array(units);
  return finishReadoutValues(spec, lastRow, reduced, steps, reduce);
}
