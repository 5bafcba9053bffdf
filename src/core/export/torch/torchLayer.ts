// The network of a PyTorch export as torchPlan.ts reads it off the BPTT kernel's plan: the
// types alone, shared by the plan and the module table (torchModules.ts).

import type { ConvGeometry } from '../../engine/kernels/kernelGeometry.ts';
import type { KERNEL_MODELS, KernelNeuron } from '../../neurons/kernelNeuron.ts';
import type { PoolGeometry } from '../../train/bptt/kernelLayer.ts';
import type { LogitReduce } from '../../train/bptt/bpttTrainerTypes.ts';

/** A kernel neuron update by its name in KERNEL_MODELS ('lif', 'cubaLif', 'alif', 'readout'). */
export type KernelModelName = keyof typeof KERNEL_MODELS;

/** One trained layer of the export: a dense or conv node, its population, and its loop if any. */
export interface TorchLayer {
  /** The dense or conv2d node: its weights keep this name. */
  readonly name: string;
  /** The spiking or read-out node after it. */
  readonly population: string;
  /** The dense node of the population's loop (an RSNN): its [units, units] weights keep this name. */
  readonly loop?: string;
  readonly inputs: number;
  readonly units: number;
  readonly conv?: ConvGeometry;
  readonly pool?: PoolGeometry;
  readonly model: KernelModelName;
  readonly reset: KernelNeuron['reset'];
  /** β, θ and the model's own words, float32 values as the kernel reads them. */
  readonly params: readonly [number, number, number, number];
}

/** The network as the export writes it. */
export interface TorchPlan {
  /** The input's per-step shape: [n] or [h, w, c] (channels last, as every activation is kept). */
  readonly inputShape: readonly number[];
  readonly layers: readonly TorchLayer[];
  readonly reduce: LogitReduce;
}

