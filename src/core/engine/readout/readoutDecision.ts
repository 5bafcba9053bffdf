import type { ReadoutLayerSpec } from '../../spec/network.ts';
import type { TrainingConfig } from '../../spec/trainingConfig.ts';
import type { ReadoutReduce } from './readoutStep.ts';

/** Index of the largest of `values[from … from+n)`, the first on ties (as PyTorch's argmax). */
export function argmaxOf(values: ArrayLike<number>, from: number, n: number): number {
  let best = 0;
  for (let i = 1; i < n; i++) if ((values[from + i] as number) > (values[from + best] as number)) best = i;
  return best;
}

/**
 * How a network's class is read from its read-out over time: the class is the argmax of this
 * reduction of m[t]. A count (m is the running total) and an ANN head's value read what the
 * read-out itself reports; a membrane read-out reads what the training loss trained it on
 * (ceMaxMembrane its max over time, ceMeanMembrane its mean, the count losses its last value), and
 * without a training section what the read-out reports (its `reduce`). Training's logits
 * (forward.ts, kernelTraining.ts) and the page's predicted class take it from here.
 */
export function decisionReduce(readout: ReadoutLayerSpec, loss: TrainingConfig['loss'] | undefined): ReadoutReduce {
  if (readout.mode === 'value') return readout.reduce;
  if (readout.mode === 'count') return 'last';
  if (loss === undefined) return readout.reduce;
  return loss === 'ceMaxMembrane' ? 'max' : loss === 'ceMeanMembrane' ? 'mean' : 'last';
}
