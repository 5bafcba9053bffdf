/**
 * The workspace budgets: how much a run, a training, a mapping or an export may allocate or compute
 * for one workspace. The schema caps each field on its own, but not their products (a 10^6-unit
 * layer after a 10^6-wide input is 10^12 weights), so every entry point costs the workspace from
 * its spec with `checkWorkspaceBudgets` (workspaceBudgets.ts) before it allocates a byte. What the
 * spec cannot foretell (how many events a delta encoder or a graded input emits) is counted while
 * the run works, against a budget of the same table. The figures sit far above every preset and
 * README command (see workspaceBudgets.test.ts) and far below what a browser tab holds. This module
 * imports nothing, so the engines and encoders read the figures from it without pulling in the spec.
 */
export type BudgetName = 'weights' | 'neuronSteps' | 'inputValues' | 'events' | 'recordedSpikes' | 'membraneSamples' | 'trainingValues' | 'runEvents';

/** One budget: its limit, and how its message names the estimate. */
export interface Budget {
  readonly limit: number;
  /** Completes "the … would …": `network would hold {n} weights`. */
  readonly phrase: string;
  /** Why the figure is what it is (README "Limits"). */
  readonly why: string;
  /**
   * 'spec': costed from the workspace before anything is allocated, and refused over the limit;
   * 'run': counted while the run encodes and records (what the spec cannot foretell).
   */
  readonly checked: 'spec' | 'run';
}

/** The budgets by name; the only place their figures live. */
export const WORKSPACE_BUDGETS: Readonly<Record<BudgetName, Budget>> = {
  weights: { limit: 5e7, phrase: 'network would hold {n} weights', why: '200 MB of float32 weights, held again by each engine and by training', checked: 'spec' },
  neuronSteps: { limit: 2e9, phrase: 'run would take {n} neuron updates', why: 'every layer\'s neurons × steps: the work of one run (minutes at this size) and the dense tensors of tfjs', checked: 'spec' },
  inputValues: { limit: 1e8, phrase: 'input would hold {n} values', why: 'steps × input neurons of float32 input: 400 MB', checked: 'spec' },
  events: { limit: 2e8, phrase: 'event source would visit {n} pixel-milliseconds', why: 'the synthetic camera visits every pixel every millisecond and may emit one event each', checked: 'spec' },
  recordedSpikes: { limit: 5e8, phrase: 'recording could hold up to {n} spikes', why: 'spiking neurons × steps, at most one spike per neuron and step, 8 bytes each', checked: 'spec' },
  membraneSamples: { limit: 1e8, phrase: 'membrane traces would hold {n} samples', why: 'recorded probes × steps of float32', checked: 'spec' },
  trainingValues: { limit: 5e8, phrase: 'training sets would hold {n} input values', why: 'samples × steps × input neurons of float32 in the train and test sets (2 GB; the ecg-mitbih preset caps its beats at 200,000, 5.1e7 values, MIT-BIH has about 110,000)', checked: 'spec' },
  // 1e7 also keeps a delta encoder's count of one sample exact in float32 (below 2^24).
  runEvents: {
    limit: 1e7,
    phrase: 'run would emit {n} input events',
    why: 'events one run encodes and records: input spikes (a graded value of k counts k, as a delta or direct encoder gives) and the spikes of every layer, 8 bytes each (80 MB); the presets record at most 3.3e4',
    checked: 'run',
  },
};

/** `1.0e12`: one decimal, no plus sign, for every figure of a budget message. */
export function formatBudgetFigure(n: number): string {
  return n.toExponential(1).replace('e+', 'e');
}
