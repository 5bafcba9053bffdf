// What a BPTT trainer on the kernel (wasmBptt.ts) is given and gives back, apart from its layers.

import type { SumPrecision } from '../../spec/precision.ts';

/** How the last layer becomes logits: spike counts, or the read-out membrane's max, mean or last value. */
export type LogitReduce = 'count' | 'max' | 'mean' | 'last';

/** The update of one step (trainer.ts's options, per step because the learning rate decays). */
export interface UpdateOptions {
  readonly lr: number;
  readonly optimizer: 'adam' | 'sgd';
  readonly momentum: number;
  readonly weightDecay: number;
  readonly clipNorm: number;
  readonly rateRegularization: number;
  /** Per-sample loss weights (class weighting); absent = 1. */
  readonly sampleWeights?: Float64Array;
}

/** What one forward pass gave. */
export interface KernelForward {
  /** Spikes of each layer (0 for a read-out). */
  readonly spikes: readonly number[];
  /** [batch, classes]. */
  readonly logits: Float32Array;
}

/** Adam's constants, and how the forward currents are summed (spec/precision.ts; default float64). */
export interface BpttTrainerOptions {
  readonly adam?: { readonly beta1: number; readonly beta2: number; readonly eps: number };
  readonly precision?: SumPrecision;
}
