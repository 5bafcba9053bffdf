// A BPTT layer's descriptor: 4-byte words the host writes into the kernel's memory
// (src/core/train/bptt/bpttLayerWords.ts mirrors the slots), so bpttForward and bpttBackwardStep
// take one pointer instead of two dozen positional numbers. Pointers are byte offsets (u32).

// What the host rewrites before each pass: the input's event lists and the batch.
export const L_IN_STARTS = 0;
export const L_IN_INDEX = 1;
/** The inputs' values, or 0 when every input is a spike (1). */
export const L_IN_VALUE = 2;
/** 1 when the input is the same at every step (listed at t = 0 only). */
export const L_HELD = 3;
export const L_BATCH = 4;
// Rewritten before each backward step: dL/ds from above [batch·units] and the rate penalty's dL/ds (f32).
export const L_DS_ABOVE = 5;
export const L_DS_BIAS = 6;
// The layer: weights, sizes, the conv geometry's words (0 for dense).
export const L_W = 7;
export const L_UNITS = 8;
export const L_INPUTS = 9;
export const L_STEPS = 10;
export const L_GEOM = 11;
// The neurons (neuronModels.ts): the update's id, the reset code, the parameter words P0…P3 (f32).
export const L_MODEL = 12;
export const L_RESET = 13;
export const L_P0 = 14;
export const L_P1 = 15;
export const L_P2 = 16;
export const L_P3 = 17;
// Forward results: membranes [steps·batch·units], spikes as event lists (capacity in events).
export const L_MEM = 18;
export const L_OUT_STARTS = 19;
export const L_OUT_INDEX = 20;
export const L_CAP = 21;
// The model's buffers: state [batch·units], its gradient [batch·units], a trace [steps·batch·units].
export const L_STATE = 22;
export const L_STATE_GRAD = 23;
export const L_TRACE = 24;
// Backward: dm of the next step [batch·units], float64 weight gradients, dL/ds of the inputs (0: not needed), the surrogate's slope (f32).
export const L_DM_NEXT = 25;
export const L_GRAD = 26;
export const L_DS_BELOW = 27;
export const L_SLOPE = 28;
// Scratch shared by the layers: currents [units], a held input's currents [batch·units] and dm sums (float64), float64 conv sums.
export const L_ACC = 29;
export const L_CACHE = 30;
export const L_DM_SUM = 31;
export const L_WIDE = 32;
// A recurrent population (an RSNN): its own spikes of the step before reach it through a units×units
// matrix (0: no loop), that matrix's float64 gradient, float32 scratch [units] for the loop's
// current, and dL/ds the loop sends a step back [batch·units] (zeroed by the host).
export const L_REC_W = 33;
export const L_REC_GRAD = 34;
export const L_REC_ACC = 35;
export const L_DS_REC = 36;
/** 1 in the float32 precision mode (dense currents summed in float32), else 0. */
export const L_NARROW = 37;
/**
 * A dense layer's dm of every (t, b) [steps·batch·units] (f32), or 0: with it, bpttBackwardStep
 * keeps each dm and bpttDenseGradients adds them all into the gradient afterwards, column block by
 * column block (the same additions in the same order per weight, with the gradient's block in cache).
 */
export const L_DM_ALL = 38;
/** Words in a descriptor (the host checks it against its own layout). */
export const LAYER_WORDS: i32 = 39;

// @ts-ignore: decorator
@inline export function ptr(layer: usize, slot: i32): usize {
  return <usize>load<u32>(layer + (<usize>slot << 2));
}

// @ts-ignore: decorator
@inline export function int(layer: usize, slot: i32): i32 {
  return load<i32>(layer + (<usize>slot << 2));
}

// @ts-ignore: decorator
@inline export function real(layer: usize, slot: i32): f32 {
  return load<f32>(layer + (<usize>slot << 2));
}
