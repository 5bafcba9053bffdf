import type { z } from 'zod';
import type { KernelPacking } from './kernelNeuron.ts';

/** State variables of a population, one Float32Array of length n (neurons x batch) per variable. */
export type StateArrays = Readonly<Record<string, Float32Array>>;

/** Result of one step: output spikes (0/1, or a spike count for graded models such as SSF) and new state. */
export interface StepResult<S extends StateArrays> {
  readonly spikes: Float32Array;
  readonly state: S;
}

/** Context every step receives: the time step length and the index of the current step. */
export interface StepContext {
  /** Length of one time step in milliseconds. */
  readonly dtMs: number;
  /** Index of the current step, 0 … steps−1 (SSF uses it to find the end of its window). */
  readonly t: number;
  /** Total number of steps of the run. */
  readonly steps: number;
}

/**
 * A neuron model: one pure, vectorised step over typed arrays (Norse style). The step never
 * mutates `state` or `input`; with `into` it writes the new state and spikes there instead of
 * allocating (double buffering). Every arithmetic operation is rounded to float32 (Math.fround)
 * in the same order as the model's tfjs step, so both engines produce identical spikes.
 */
export interface NeuronModel<P extends { readonly model: string }, S extends StateArrays> {
  /** Stable identifier used in specs, e.g. `'lif'`. */
  readonly kind: P['model'];
  /** Human-readable name for menus. */
  readonly label: string;
  /** One sentence for tooltips: what the model is and when to use it. */
  readonly summary: string;
  /** Zod schema of the spec object (`{model, ...params}`), with defaults filled in. */
  readonly schema: z.ZodType<P>;
  /** Default parameters. */
  readonly defaults: P;
  /** Documentation of each parameter: unit and meaning, shown in the UI. */
  readonly paramDocs: Readonly<Record<string, { readonly unit: string; readonly doc: string }>>;
  /** Names of the state variables (keys of S), in a fixed order. */
  readonly stateKeys: readonly (keyof S & string)[];
  /** The state variable recorded as "membrane potential". */
  readonly membraneKey: keyof S & string;
  /** Whether surrogate-gradient training supports the model (training issue). */
  readonly trainable: boolean;
  /**
   * How the WebAssembly kernels run the model (kernelNeuron.ts): which of their updates and the
   * parameters in their words. Absent when no kernel update implements it (the engines then use
   * the events or tfjs engine and say why).
   */
  readonly kernel?: KernelPacking<P>;
  /** Resting state for n elements. */
  init(n: number, params: P): S;
  /** One time step; see the interface doc for the purity and rounding contract. */
  step(state: S, input: Float32Array, params: P, ctx: StepContext, into?: StepResult<S>): StepResult<S>;
}

/** A model with its type parameters erased, as stored in the registry. */
export interface AnyNeuronModel {
  readonly kind: string;
  readonly label: string;
  readonly summary: string;
  readonly schema: z.ZodType<{ readonly model: string }>;
  readonly defaults: { readonly model: string };
  readonly paramDocs: Readonly<Record<string, { readonly unit: string; readonly doc: string }>>;
  readonly stateKeys: readonly string[];
  readonly membraneKey: string;
  readonly trainable: boolean;
  readonly kernel?: KernelPacking<{ readonly model: string }>;
  init(n: number, params: { readonly model: string }): StateArrays;
  step(
    state: StateArrays,
    input: Float32Array,
    params: { readonly model: string },
    ctx: StepContext,
    into?: StepResult<StateArrays>,
  ): StepResult<StateArrays>;
}

/** Allocates an empty StepResult with the same shape as a state, for double buffering. */
export function allocStepResult<S extends StateArrays>(state: S, n: number): StepResult<S> {
  const copy: Record<string, Float32Array> = {};
  for (const key of Object.keys(state)) copy[key] = new Float32Array(n);
  return { spikes: new Float32Array(n), state: copy as S };
}

/** Decay factor per step of a time constant: beta = exp(−dt/τ), rounded to float32. */
export function decayFromTau(tauMs: number, dtMs: number): number {
  return Math.fround(Math.exp(-dtMs / tauMs));
}
