// The layers the BPTT kernel trains (wasmBptt.ts), as kernelTraining.ts builds them from a network.

import type { ConvGeometry, PoolWindow } from '../../engine/kernels/kernelGeometry.ts';

/** Sum or average pooling ('valid' windows) of a layer's [h, w, c] spikes before the next layer. */
export interface PoolGeometry extends PoolWindow {
  /** 1 for a sum, size² for an average. */
  readonly divisor: number;
}

/**
 * A dense or conv2d layer and the population it feeds: LIF/IF neurons reset by subtraction, LIF
 * without reset, or a leaky read-out (no spikes; its membrane gives the logits). Weights [inputs,
 * units], or [k, k, inC, filters] with `conv` (units = outH·outW·filters). With `pool`, the next
 * layer takes the pooled spikes (values, not events of 1). With `alpha`, a current-based LIF; with
 * `adaptation`, an adaptive one.
 */
export interface KernelLayer {
  readonly kind: 'lif' | 'lif-noreset' | 'readout';
  readonly inputs: number;
  readonly units: number;
  readonly beta: number;
  readonly threshold: number;
  readonly weights: Float32Array;
  readonly conv?: ConvGeometry;
  readonly pool?: PoolGeometry;
  /** Current-based LIF: the synaptic current's decay α (i = α·i[t−1] + I feeds the membrane). */
  readonly alpha?: number;
  /** Adaptive LIF: each spike adds 1 to a (decay ρ per step), and the threshold is θ + amount·a. */
  readonly adaptation?: { readonly rho: number; readonly amount: number };
}

/** Weights a layer holds. */
export const weightCount = (l: Omit<KernelLayer, 'weights'>): number => (l.conv ? l.conv.k * l.conv.k * l.conv.inC * l.conv.filters : l.inputs * l.units);
/** What the next layer sees of this one: its units, or its pooled units. */
export const outputsOf = (l: Omit<KernelLayer, 'weights'>): number => (l.pool ? l.pool.outH * l.pool.outW * l.pool.c : l.units);

