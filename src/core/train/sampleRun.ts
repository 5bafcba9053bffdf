import type { SumPrecision } from '../spec/precision.ts';
import { readoutOverTime } from '../engine/readout/readoutOverTime.ts';
import type { CompiledNetwork, Engine, SimulationResult } from '../engine/types.ts';
import type { RunReadout } from '../pipeline.ts';
import { SpikelabError } from '../errors.ts';
import { compileNetwork } from '../network/compile.ts';
import type { WorkspaceTraining } from './trainWorkspace.ts';
import { sampleInput, type LabelledSet } from '../data/datasets/labelledSet.ts';

/** Indices of the samples whose true class is `trueClass` and predicted class `predicted`, in set order. */
export function cellSamples(labels: Int32Array, predictions: Int32Array, trueClass: number, predicted: number): number[] {
  const out: number[] = [];
  labels.forEach((l, i) => {
    if (l === trueClass && predictions[i] === predicted) out.push(i);
  });
  return out;
}

/** Simulates one sample of a set with a trained network on an engine (the raster of that sample). */
export function simulateSample(engine: Engine, network: CompiledNetwork, set: LabelledSet, index: number, dtMs: number, precision?: SumPrecision): Promise<SimulationResult> {
  return engine.simulate(network, { steps: set.steps, batch: 1, neurons: set.neurons, values: sampleInput(set, index) }, { dtMs, ...(precision ? { precision } : {}) });
}

/** A test sample's run: its raster and what it was (index in the test set, true and predicted class). */
export interface TestSampleRun {
  readonly result: SimulationResult;
  readonly index: number;
  /** How many test samples share this cell of the confusion matrix. */
  readonly count: number;
  readonly input: Float32Array;
  readonly steps: number;
  readonly neurons: number;
  /** Its read-out over time and predicted class (decided as training decides), its class names and true class. */
  readonly readout: RunReadout;
}

/**
 * The `nth` test sample of true class `trueClass` predicted as `predicted` (cycling through the
 * cell), simulated with the trained network on `engine`: the raster behind a confusion-matrix cell.
 */
export async function testSampleRun(t: WorkspaceTraining, trueClass: number, predicted: number, nth: number, engine: Engine): Promise<TestSampleRun> {
  const cell = cellSamples(t.testSet.labels, t.testPredictions, trueClass, predicted);
  const index = cell[((nth % Math.max(1, cell.length)) + cell.length) % Math.max(1, cell.length)];
  if (index === undefined) throw new SpikelabError('empty_cell', `no test sample of class ${trueClass} was predicted as ${predicted}`);
  const network = compileNetwork(t.workspace.network, t.weights, t.workspace.seed);
  const result = await simulateSample(engine, network, t.testSet, index, t.dtMs, t.workspace.simulation.precision);
  const input = sampleInput(t.testSet, index);
  const { steps, neurons } = t.testSet;
  const readout = {
    readout: readoutOverTime(network, { steps, batch: 1, neurons, values: input }, result, { loss: t.workspace.training?.loss }),
    classes: t.classes,
    truth: t.classes[trueClass] ?? String(trueClass),
  };
  return { result, index, count: cell.length, input, steps, neurons, readout };
}
