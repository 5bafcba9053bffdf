/** Labelled samples of equal length: inputs[i] is [steps × neurons] (one sample's encoded input). */
export interface LabelledSet {
  readonly inputs: readonly Float32Array[];
  readonly labels: Int32Array;
  readonly steps: number;
  readonly neurons: number;
  readonly classes: number;
  /** Each input is one step ([neurons]) held for all `steps`: a static vector fed as a constant current. */
  readonly held?: boolean;
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
