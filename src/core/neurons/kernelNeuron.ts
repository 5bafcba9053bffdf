// How Spikelab's WebAssembly kernels run a neuron model. The kernels implement a few neuron
// updates (engine/kernels/assembly/neuronModels.ts); a model's file says which one runs it and packs
// its parameters into the kernel's words (NeuronModel.kernel), so the engines' glue never asks
// which model a layer has. Adding a model the kernels can run: its file, plus its update in
// neuronModels.ts and a line in KERNEL_MODELS below when no update there fits.

/** Buffers the kernel keeps for a layer of a model, counted in float32 arrays of the layer's size. */
export interface KernelModel {
  /** The update's id in the kernel (assembly/neuronModels.ts MODEL_*). */
  readonly id: number;
  /** Whether the inference kernel runs it (assembly/neurons.ts lifBatch). */
  readonly inference: boolean;
  /** Whether the BPTT kernel trains it (assembly/bptt.ts). */
  readonly bptt: boolean;
  /** Per sample, zeroed before the forward pass: the model's own state (a synaptic current, an adaptation). */
  readonly state: 0 | 1;
  /** Per sample, zeroed before the backward pass: the gradient of that state when it carries one. */
  readonly stateGrad: 0 | 1;
  /** Per step and sample: what the forward pass leaves for the backward one (the thresholds crossed). */
  readonly trace: 0 | 1;
}

/** The kernel's neuron updates, mirroring assembly/neuronModels.ts. */
export const KERNEL_MODELS = {
  /** m = β·m + I − reset; IF is β = 1. */
  lif: { id: 0, inference: true, bptt: true, state: 0, stateGrad: 0, trace: 0 },
  /** A synaptic current i = α·i + I feeds the LIF membrane; its gradient di flows to the weights. */
  cubaLif: { id: 1, inference: false, bptt: true, state: 1, stateGrad: 1, trace: 0 },
  /** Each spike raises the threshold (a = ρ·a + s, θ = θ₀ + β_a·a); the thresholds are kept for the surrogate. */
  alif: { id: 2, inference: false, bptt: true, state: 1, stateGrad: 0, trace: 1 },
  /** A leaky read-out: m = β·m + I, no spikes, a linear gradient. */
  readout: { id: 3, inference: false, bptt: true, state: 0, stateGrad: 0, trace: 0 },
} as const satisfies Record<string, KernelModel>;

/** Reset codes of the kernels (assembly/neuronModels.ts RESET_*). */
export const KERNEL_RESETS = { subtract: 0, zero: 1, none: 2 } as const;

/** A layer's neurons as the kernels run them. */
export interface KernelNeuron {
  readonly model: KernelModel;
  /** What a spike does to the membrane on the next step. */
  readonly reset: keyof typeof KERNEL_RESETS;
  /**
   * The parameter words P0…P3 (float32): the membrane's decay β per step and the threshold θ,
   * then the model's own (cubaLif: α; alif: ρ and β_a); unused words are 0.
   */
  readonly params: readonly [beta: number, threshold: number, p2: number, p3: number];
}

/** A model's packing for a step length, or why the kernels cannot run these parameters (e.g. 'has a refractory period'). */
export type KernelPacking<P> = (params: P, dtMs: number) => KernelNeuron | string;
