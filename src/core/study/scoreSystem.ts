import type { ActivityTally } from '../engine/activityTally.ts';
import { chainOnlyReason } from '../network/graph.ts';
import { compileNetwork } from '../network/compile.ts';
import { trainingSchema } from '../spec/trainingConfig.ts';
import { evaluateSetWithActivity } from '../train/evaluate.ts';
import { evaluateOnEventsWithActivity } from '../train/eventEngineScoring.ts';
import { footprintBytes, synapticOperations } from '../train/neurobenchMetrics.ts';
import type { LabelledSet } from '../train/trainer.ts';
import type { WorkspaceTraining } from '../train/trainWorkspace.ts';

/** Test samples the activity is counted over: per-sample means settle long before a full MIT-BIH test set. */
export const ACTIVITY_SAMPLES = 500;

/** Activity figures of a trained system, per inference. */
export interface ScoredSystem {
  readonly spikesPerInference: number;
  readonly synapticOps: number;
  /** Forward passes one inference of the ANN twin needs: one for a held input, one per step otherwise. */
  readonly passes: number;
  modelBits(weightBits: number): number;
  readonly notes: readonly string[];
}

/** The first `n` samples of a set (test sets are drawn in a seeded random order already). */
function firstSamples(set: LabelledSet, n: number): LabelledSet {
  if (set.inputs.length <= n) return set;
  return { ...set, inputs: set.inputs.slice(0, n), labels: set.labels.slice(0, n) };
}

/** Spikes of the spiking nodes per sample; an SSF count counts as that many spikes. */
function spikesPerSample(training: WorkspaceTraining, activity: ActivityTally): number {
  if (activity.samples === 0) return 0;
  const layers = training.workspace.network.layers;
  let spikes = 0;
  for (const a of activity.activations) if (layers[a.index]?.kind === 'spiking') spikes += a.total;
  return spikes / activity.samples;
}

/**
 * Counts, on up to ACTIVITY_SAMPLES test samples, the spikes and NeuroBench's effective synaptic
 * operations of a trained system: on tfjs for a chain of plain layers, on the event engine (which
 * runs every network) otherwise, as `spikelab eval` does.
 */
export async function scoreSystem(training: WorkspaceTraining): Promise<ScoredSystem> {
  const ws = training.workspace;
  const cfg = ws.training ?? trainingSchema.parse({});
  const net = compileNetwork(ws.network, training.weights, ws.seed);
  const set = firstSamples(training.testSet, ACTIVITY_SAMPLES);
  const reason = chainOnlyReason(ws.network);
  const run = reason ? await evaluateOnEventsWithActivity(net, set, training.dtMs, ws.simulation.precision) : evaluateSetWithActivity(net, set, training.dtMs, cfg);
  const ops = synapticOperations(net, run.activity);
  const notes = set.inputs.length < training.testSet.inputs.length ? [`spikes and synaptic operations counted on ${set.inputs.length} of ${training.testSet.inputs.length} test samples`] : [];
  return {
    spikesPerInference: spikesPerSample(training, run.activity),
    synapticOps: ops.effAcs + ops.effMacs,
    passes: training.testSet.held ? 1 : training.testSet.steps,
    modelBits: (bits) => 8 * footprintBytes(ws.network, training.weights, bits),
    notes,
  };
}
