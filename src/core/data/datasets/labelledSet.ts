/** Labelled samples of equal length: inputs[i] is [steps × neurons] (one sample's encoded input). */
export interface LabelledSet {
  readonly inputs: readonly Float32Array[];
  readonly labels: Int32Array;
  readonly steps: number;
  readonly neurons: number;
  readonly classes: number;
  /** Each input is one step ([neurons]) held for all `steps`: a static vector fed as a constant current. */
  readonly held?: boolean;
  /**
   * A teacher's output logits, one [classes] row per sample in set order: what knowledge
   * distillation trains the network towards besides the labels (train/distillation.ts).
   */
  readonly teacherLogits?: readonly Float32Array[];
}

/** One sample of a labelled set as the engines' input: [steps × neurons] (a held vector repeated). */
export function sampleInput(set: LabelledSet, index: number): Float32Array {
  const x = set.inputs[index];
  if (!x) throw new RangeError(`sample ${index} does not exist; the set has ${set.inputs.length}`);
  // A copy: the caller may transfer it, which would detach the set's own array.
  if (!set.held) return x.slice();
  const out = new Float32Array(set.steps * set.neurons);
  for (let t = 0; t < set.steps; t++) out.set(x, t * set.neurons);
  return out;
}

/** The samples `idx` of a set, in that order, with their teacher logits when it has them. */
export function subsetOf(set: LabelledSet, idx: readonly number[]): LabelledSet {
  const rows = set.teacherLogits;
  const pick = <T>(a: readonly T[], i: number): T => {
    const v = a[i];
    if (v === undefined) throw new RangeError(`sample ${i} does not exist; the set has ${set.inputs.length}`);
    return v;
  };
  return {
    ...set,
    inputs: idx.map((i) => pick(set.inputs, i)),
    labels: Int32Array.from(idx, (i) => set.labels[i] as number),
    ...(rows ? { teacherLogits: idx.map((i) => pick(rows, i)) } : {}),
  };
}
