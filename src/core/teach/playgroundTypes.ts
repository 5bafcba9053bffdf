import type { NeuronSpec } from '../neurons/index.ts';

/**
 * The input current of the neuron playground, as the user set it: a preset shape with its
 * numbers, or a curve drawn with the mouse. Typed records, one per shape, so an edit names what it
 * changes (STYLE: edits are typed records, not string-keyed patches).
 */
export type InputShape =
  /** `amplitude` from `startMs` to `endMs`, 0 elsewhere. */
  | { readonly kind: 'step'; readonly amplitude: number; readonly startMs: number; readonly endMs: number }
  /** Linear from `from` at 0 ms to `to` at the end. */
  | { readonly kind: 'ramp'; readonly from: number; readonly to: number }
  /** Gaussian noise of mean `mean` and spread `sd` per step, seeded. */
  | { readonly kind: 'noise'; readonly mean: number; readonly sd: number; readonly seed: number }
  /** Poisson input spikes at `rateHz`, each adding `weight` to the current of its step, seeded. */
  | { readonly kind: 'spikeTrain'; readonly rateHz: number; readonly weight: number; readonly seed: number }
  /** Drawn with the mouse: values at evenly spaced points over the run, linearly interpolated. */
  | { readonly kind: 'drawn'; readonly points: readonly number[] };

/** The second neuron of the pair view and the synapse that joins the first to it. */
export interface PlaygroundPair {
  readonly neuron: NeuronSpec;
  /** Current added to the second neuron per spike of the first. */
  readonly weight: number;
  /** Steps between a spike of the first and its effect on the second, in ms. */
  readonly delayMs: number;
}

/** Everything the neuron playground shows: one neuron (or a pair), its input, the run length. */
export interface PlaygroundSetup {
  readonly neuron: NeuronSpec;
  readonly input: InputShape;
  readonly durationMs: number;
  readonly dtMs: number;
  /** The second neuron joined by a synapse, or null for one neuron alone. */
  readonly pair: PlaygroundPair | null;
}
