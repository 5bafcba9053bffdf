import { neuronModel, neuronSpecSchema } from '../neurons/index.ts';
import { allocStepResult, type StateArrays, type StepResult } from '../neurons/types.ts';
import { createRng } from '../rng.ts';
import type { InputShape, PlaygroundSetup } from './playgroundTypes.ts';

/** One neuron's run in the playground: its input, its membrane, the steps it spiked on. */
export interface NeuronTrace {
  /** Input current per step (for the second neuron of a pair: what the synapse delivered). */
  readonly input: Float32Array;
  /** Membrane (the model's membraneKey) per step, after the step. */
  readonly membrane: Float32Array;
  /** Every state variable per step, by the model's state keys (thresholds, adaptation, recovery). */
  readonly states: Readonly<Record<string, Float32Array>>;
  /** Steps with a spike, ascending. */
  readonly spikeSteps: readonly number[];
  /** Spikes emitted on each of `spikeSteps` (1, or a count for graded models such as SSF). */
  readonly spikeSizes: readonly number[];
  /** All spikes of the run (the sum of `spikeSizes`). */
  readonly spikeCount: number;
}

/** The playground's run: the first neuron and, in the pair view, the second. */
export interface PlaygroundRun {
  readonly steps: number;
  readonly dtMs: number;
  readonly first: NeuronTrace;
  readonly second: NeuronTrace | null;
}

/** The longest playground run in steps: it runs on every slider move, so it must stay instant. */
export const PLAYGROUND_MAX_STEPS = 20_000;

/** Number of steps of a run of `durationMs` at `dtMs` (at least 1); refuses lengths that cannot run. */
export function playgroundSteps(durationMs: number, dtMs: number): number {
  if (!(dtMs > 0) || !Number.isFinite(dtMs)) throw new Error(`the playground's time step must be a positive number of ms (got ${dtMs})`);
  if (!(durationMs > 0) || !Number.isFinite(durationMs)) throw new Error(`the playground's duration must be a positive number of ms (got ${durationMs})`);
  const steps = Math.max(1, Math.round(durationMs / dtMs));
  if (steps > PLAYGROUND_MAX_STEPS) throw new Error(`${durationMs} ms at ${dtMs} ms per step is ${steps} steps; the playground runs at most ${PLAYGROUND_MAX_STEPS}: shorten the run or lengthen the step`);
  return steps;
}

/** The input current per step for a shape (seeded shapes give the same values on every call). */
export function inputCurrent(shape: InputShape, steps: number, dtMs: number): Float32Array {
  const out = new Float32Array(steps);
  switch (shape.kind) {
    case 'step':
      for (let t = 0; t < steps; t++) out[t] = t * dtMs >= shape.startMs && t * dtMs < shape.endMs ? shape.amplitude : 0;
      break;
    case 'ramp':
      for (let t = 0; t < steps; t++) out[t] = shape.from + ((shape.to - shape.from) * t) / Math.max(1, steps - 1);
      break;
    case 'noise': {
      const rng = createRng(shape.seed, 'playground-noise');
      for (let t = 0; t < steps; t++) out[t] = shape.mean + shape.sd * rng.normal();
      break;
    }
    case 'spikeTrain': {
      const rng = createRng(shape.seed, 'playground-spikes');
      const p = Math.min(1, (shape.rateHz * dtMs) / 1000);
      for (let t = 0; t < steps; t++) out[t] = rng.next() < p ? shape.weight : 0;
      break;
    }
    case 'drawn': {
      const n = shape.points.length;
      if (n === 0) break;
      for (let t = 0; t < steps; t++) {
        const x = n === 1 ? 0 : (t / Math.max(1, steps - 1)) * (n - 1);
        const i = Math.min(n - 2, Math.floor(x));
        out[t] = n === 1 ? (shape.points[0] as number) : (shape.points[i] as number) + ((shape.points[i + 1] as number) - (shape.points[i] as number)) * (x - i);
      }
      break;
    }
  }
  return out;
}

/**
 * Runs one neuron on an input current with the registry's own step (the same arithmetic as the
 * engines), recording every state variable. `delivered(t)` may add to the input of step t (the
 * synapse of a pair).
 */
function runNeuron(spec: PlaygroundSetup['neuron'], input: Float32Array, dtMs: number): NeuronTrace {
  const params = neuronSpecSchema.parse(spec);
  const model = neuronModel(params.model);
  const steps = input.length;
  let state: StateArrays = model.init(1, params);
  let spare: StepResult<StateArrays> = allocStepResult(state, 1);
  const states: Record<string, Float32Array> = Object.fromEntries(model.stateKeys.map((k) => [k, new Float32Array(steps)]));
  const spikeSteps: number[] = [];
  const spikeSizes: number[] = [];
  let spikeCount = 0;
  const one = new Float32Array(1);
  for (let t = 0; t < steps; t++) {
    one[0] = input[t] as number;
    const result = model.step(state, one, params, { dtMs, t, steps }, spare);
    for (const k of model.stateKeys) (states[k] as Float32Array)[t] = (result.state[k] as Float32Array)[0] as number;
    const emitted = result.spikes[0] as number;
    if (emitted > 0) {
      spikeSteps.push(t);
      spikeSizes.push(emitted);
      spikeCount += emitted;
    }
    spare = { spikes: new Float32Array(1), state: state };
    state = result.state;
  }
  return { input, membrane: states[model.membraneKey] as Float32Array, states, spikeSteps, spikeSizes, spikeCount };
}

/** Runs the playground: the first neuron on the input, then the second on the first's spikes through the synapse. */
export function runPlayground(setup: PlaygroundSetup): PlaygroundRun {
  const steps = playgroundSteps(setup.durationMs, setup.dtMs);
  const first = runNeuron(setup.neuron, inputCurrent(setup.input, steps, setup.dtMs), setup.dtMs);
  const pair = setup.pair;
  if (!pair) return { steps, dtMs: setup.dtMs, first, second: null };
  const delay = Math.round(pair.delayMs / setup.dtMs);
  const delivered = new Float32Array(steps);
  // A graded spike (an SSF count) delivers its count times the weight, as the engines' synapses do.
  first.spikeSteps.forEach((s, k) => {
    if (s + delay < steps) delivered[s + delay] = (delivered[s + delay] as number) + pair.weight * (first.spikeSizes[k] as number);
  });
  return { steps, dtMs: setup.dtMs, first, second: runNeuron(pair.neuron, delivered, setup.dtMs) };
}
