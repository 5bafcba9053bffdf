import type { Signal } from './signal.ts';

/**
 * The rules that give a data source its step length (ms per network step). The source registry
 * (data/sources) picks one per kind; training sets built from the same source use the same rule.
 */

/**
 * Step length of an input that has no clock of its own: an image or a beat window held for a
 * number of steps. One millisecond, so that neuron time constants read as steps.
 */
export const HELD_STEP_MS = 1;

/** A sampled signal feeds one sample (one frame, after a front end) per step. */
export function signalStepMs(signal: Pick<Signal, 'samplingHz'>): number {
  return 1000 / signal.samplingHz;
}

/** Events are binned into one frame of `stepUs` per step. */
export function eventStepMs(source: { readonly stepUs: number }): number {
  return source.stepUs / 1000;
}
