// The neuron updates the kernels implement, by id, and their reset codes. The TypeScript side
// mirrors these (src/core/neurons/kernelNeuron.ts KERNEL_MODELS and KERNEL_RESETS); each neuron
// model's file picks the update that runs it and packs its parameters into a layer's words P0…P3
// (β, θ, then the model's own), so no glue asks which model a layer has.

/** m = β·m + I − reset, s = m > θ (IF is β = 1). */
export const MODEL_LIF: i32 = 0;
/** Current-based LIF: i = α·i + I (α in P2) feeds the membrane; the state buffer holds i, the state-gradient buffer di. */
export const MODEL_CUBA: i32 = 1;
/** Adaptive LIF: a = ρ·a + s (ρ in P2, a in the state buffer), θ = θ₀ + β_a·a (β_a in P3), kept per step in the trace buffer. */
export const MODEL_ALIF: i32 = 2;
/** A leaky read-out: m = β·m + I, no spikes; its gradient passes linearly. */
export const MODEL_READOUT: i32 = 3;

/** Reset codes: subtract θ, set to zero, or none. */
export const RESET_SUBTRACT: i32 = 0;
export const RESET_ZERO: i32 = 1;
export const RESET_NONE: i32 = 2;
