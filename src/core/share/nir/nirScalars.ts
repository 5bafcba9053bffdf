import { NirError } from './nirError.ts';
import type { NirTensor } from './nirGraph.ts';

/** Relative tolerance under which two parameter values count as equal (float32 noise is ~6e-8). */
export const PARAM_TOLERANCE = 1e-6;

/** Whether a and b agree within PARAM_TOLERANCE (relative; absolute near zero). */
export function nearlyEqual(a: number, b: number): boolean {
  if (a === b) return true;
  return Math.abs(a - b) <= PARAM_TOLERANCE * Math.max(Math.abs(a), Math.abs(b), 1e-9);
}

/**
 * The one value of a per-neuron parameter. NIR stores one value per neuron; a Spikelab layer has
 * one per layer, so values that differ are refused rather than averaged (that would change spikes).
 */
export function uniformValue(t: NirTensor, subject: string, param: string): number {
  const first = t.values[0];
  if (first === undefined) throw new NirError(subject, `'${param}' is empty`);
  let lo = first;
  let hi = first;
  for (const v of t.values) {
    if (Number.isNaN(v)) throw new NirError(subject, `'${param}' contains NaN`);
    lo = Math.min(lo, v);
    hi = Math.max(hi, v);
  }
  if (!nearlyEqual(lo, hi)) {
    throw new NirError(subject, `'${param}' differs between neurons (${lo} … ${hi}); a Spikelab layer has one value for all its neurons`);
  }
  return first;
}

/** Whether every value of a tensor is zero (biases, leak voltages). */
export function allZero(t: NirTensor): boolean {
  return t.values.every((v) => v === 0);
}

/** Largest absolute value, for messages about biases that are not zero. */
export function maxAbs(t: NirTensor): number {
  let m = 0;
  for (const v of t.values) m = Math.max(m, Math.abs(v));
  return m;
}
