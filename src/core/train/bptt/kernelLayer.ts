// The layers the BPTT kernel trains (wasmBptt.ts), as kernelTraining.ts builds them from a network.

import type { ConvGeometry, PoolWindow } from '../../engine/kernels/kernelGeometry.ts';
import { KERNEL_MODELS, type KernelNeuron } from '../../neurons/kernelNeuron.ts';

/** Sum or average pooling ('valid' windows) of a layer's [h, w, c] spikes before the next layer. */
export interface PoolGeometry extends PoolWindow {
  /** 1 for a sum, size² for an average. */
  readonly divisor: number;
}

/**
 * A dense or conv2d layer and the population it feeds: neurons as the kernel runs them (their
 * model's packing, neurons/kernelNeuron.ts: LIF/IF reset by subtraction or none, current-based or
 * adaptive LIF), or a leaky read-out (no spikes; its membrane gives the logits). Weights [inputs,
 * units], or [k, k, inC, filters] with `conv` (units = outH·outW·filters). With `pool`, the next
 * layer takes the pooled spikes (values, not events of 1).
 */
export interface KernelLayer {
  readonly inputs: number;
  readonly units: number;
  readonly neuron: KernelNeuron;
  readonly weights: Float32Array;
  readonly conv?: ConvGeometry;
  readonly pool?: PoolGeometry;
  /**
   * A recurrent population (an RSNN): its spikes of the step before also reach it through a
   * [units, units] matrix, stored in `weights` after the input's (so the optimiser, the gradients
   * and the threads treat the layer's weights as one array).
   */
  readonly recurrent?: boolean;
}

/** A leaky read-out's neurons: m = β·m + I, no spikes (β = 1 sums the currents). */
export const readoutNeuron = (beta: number): KernelNeuron => ({ model: KERNEL_MODELS.readout, reset: 'none', params: [Math.fround(beta), 0, 0, 0] });

/** Whether a layer is a read-out (by its update's id: layers cross to threads as copies). */
export const isReadout = (l: Pick<KernelLayer, 'neuron'>): boolean => l.neuron.model.id === KERNEL_MODELS.readout.id;

/** Weights a layer holds. */
export const weightCount = (l: Omit<KernelLayer, 'weights'>): number => inputWeightCount(l) + (l.recurrent ? l.units * l.units : 0);
/** Weights from the layer's input (the recurrent matrix, if any, follows them). */
export const inputWeightCount = (l: Omit<KernelLayer, 'weights'>): number => (l.conv ? l.conv.k * l.conv.k * l.conv.inC * l.conv.filters : l.inputs * l.units);
/** What the next layer sees of this one: its units, or its pooled units. */
export const outputsOf = (l: Omit<KernelLayer, 'weights'>): number => (l.pool ? l.pool.outH * l.pool.outW * l.pool.c : l.units);
