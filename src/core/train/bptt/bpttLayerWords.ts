// The slots of a BPTT layer's descriptor, the words the kernel reads (engine/kernels/assembly/
// bpttLayer.ts L_*, same order): the host writes a layer once when the trainer is built, then
// only the words that change per pass (the input, the batch) or per step (the gradient from above).

/** Word index of each slot; pointers are byte offsets (u32), the marked ones float32, the rest int32. */
export const LAYER_SLOT = {
  inStarts: 0,
  inIndex: 1,
  inValue: 2,
  held: 3,
  batch: 4,
  dsAbove: 5,
  /** float32 */
  dsBias: 6,
  w: 7,
  units: 8,
  inputs: 9,
  steps: 10,
  geom: 11,
  model: 12,
  reset: 13,
  /** float32 ×4: β, θ, then the model's own words (neurons/kernelNeuron.ts). */
  params: 14,
  mem: 18,
  outStarts: 19,
  outIndex: 20,
  cap: 21,
  state: 22,
  stateGrad: 23,
  trace: 24,
  dmNext: 25,
  grad: 26,
  dsBelow: 27,
  /** float32 */
  slope: 28,
  acc: 29,
  cache: 30,
  dmSum: 31,
  wide: 32,
  /** A recurrent population's loop: its weights, their gradient (float64), scratch for its current, dL/ds sent a step back. */
  recW: 33,
  recGrad: 34,
  recAcc: 35,
  dsRec: 36,
  /** 1: the float32 precision mode's dense sums (spec/precision.ts). */
  narrow: 37,
  /** A dense layer's dm of every (t, b) (float32), kept for bpttDenseGradients; 0: added step by step. */
  dmAll: 38,
} as const;

/** Words of a descriptor; the kernel's bpttLayerWords() must agree (else the build is stale). */
export const LAYER_WORDS = 39;
