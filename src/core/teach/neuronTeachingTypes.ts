import type { NeuronSpec } from '../neurons/index.ts';
import type { InputShape } from './playgroundTypes.ts';

/** A slider's range for one numeric parameter; units and meanings stay in the model's paramDocs. */
export interface ParamRange {
  readonly min: number;
  readonly max: number;
  readonly step: number;
  /**
   * The value in force when the parameter is not set (an optional alternative such as β when τ is
   * given), so the slider shows what the neuron really uses.
   */
  readonly effective?: (spec: NeuronSpec, dtMs: number) => number;
}

/** How the playground draws the model's threshold over the membrane trace. */
export type ThresholdDraw =
  /** A fixed line at `value(spec)`. */
  | { readonly kind: 'constant'; readonly label: string; readonly value: (spec: NeuronSpec) => number }
  /** A line that moves: the state variable `key` recorded per step (an adaptive threshold). */
  | { readonly kind: 'state'; readonly label: string; readonly key: string }
  /** No threshold on the membrane (a model that fires on a schedule, not on a crossing). */
  | { readonly kind: 'none'; readonly why: string };

/** What a firing pattern is recognised by in its spike times (neuronTeachingSignatures.ts). */
export type PatternSignature = 'regular' | 'bursting' | 'adaptation' | 'rebound' | 'fast';

/** A firing pattern the model is known for, one click away: the neuron, its input and why it looks so. */
export interface FiringPattern {
  readonly id: string;
  readonly label: string;
  readonly neuron: NeuronSpec;
  readonly input: InputShape;
  readonly durationMs: number;
  readonly dtMs: number;
  /** One line: what to look at and why the model does it. */
  readonly why: string;
  readonly signature: PatternSignature;
}

/** The model's equation: lines with symbols such as ⟨β⟩, and the numbers that replace them. */
export interface EquationTemplate {
  /** Lines; `⟨name⟩` marks a symbol that `symbols` gives a value for. */
  readonly lines: readonly string[];
  readonly symbols: Readonly<Record<string, (spec: NeuronSpec, dtMs: number) => number>>;
}

/** Everything the playground needs to teach one neuron kind (one entry per NEURON_MODELS kind). */
export interface NeuronTeaching {
  readonly kind: string;
  /** The spec the playground opens the model with (the registry defaults, sometimes with a τ for teaching). */
  readonly start: NeuronSpec;
  /** Slider ranges of the numeric parameters (every paramDocs key is here or in `choices`). */
  readonly ranges: Readonly<Record<string, ParamRange>>;
  /** Parameters that take one of a few names (reset), with the names. */
  readonly choices: Readonly<Record<string, readonly string[]>>;
  /** Pairs of parameters of which one at most is set (β or τ): setting one clears the other. */
  readonly alternatives: readonly (readonly [string, string])[];
  /** A current that makes the model fire steadily, per step; presets scale with it. */
  readonly inputScale: number;
  /** The unit of the input current. */
  readonly inputUnit: string;
  /** The unit of the membrane variable. */
  readonly membraneUnit: string;
  readonly threshold: ThresholdDraw;
  /** The equation for a spec (the reset mode may change a line). */
  readonly equation: (spec: NeuronSpec) => EquationTemplate;
  readonly patterns: readonly FiringPattern[];
}
