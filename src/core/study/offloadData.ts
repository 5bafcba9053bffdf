import type { WorkspaceTraining } from '../train/trainWorkspace.ts';
import { trainedOutputs } from '../train/sampleOutputs.ts';
import type { StudyOffloadData, StudyOffloadSpec, StudyRow } from './studyTypes.ts';

/** A trained system of a task with its row: what offloading reads. */
export interface TrainedSystem {
  readonly training: WorkspaceTraining;
  readonly row: StudyRow;
}

/** Input values of one sample as its workspace sends it: a held vector once, else every step. */
function valuesPerSample(t: WorkspaceTraining): number {
  const s = t.testSet;
  return s.held ? s.neurons : s.steps * s.neurons;
}

/**
 * The per-sample data of an offload curve: the edge's confidence (largest softmax probability of
 * its output) and whether edge and cloud are right, on the test samples both scored, in the same
 * order. Right or wrong comes from the predictions the rows' accuracies were computed from, so the
 * curve at threshold 0 and 1 reproduces those accuracies exactly.
 */
export async function offloadData(spec: StudyOffloadSpec, edge: TrainedSystem, cloud: TrainedSystem, alone: TrainedSystem): Promise<StudyOffloadData> {
  const e = edge.training;
  const c = cloud.training;
  const n = e.testSet.labels.length;
  if (c.testSet.labels.length !== n || c.testSet.labels.some((l, i) => l !== e.testSet.labels[i])) {
    throw new Error(`offloading on '${spec.task}': the edge and cloud systems were scored on different test samples (${n} and ${c.testSet.labels.length}); they must share data, seed and test size`);
  }
  const need = (v: number | null, what: string): number => {
    if (v === null) throw new Error(`offloading on '${spec.task}': ${what} is unknown (${[...edge.row.notes, ...cloud.row.notes].join('; ') || 'no figure'})`);
    return v;
  };
  const outputs = await trainedOutputs(e);
  const confidence = outputs.probabilities.map((p) => Math.max(...p));
  const right = (t: WorkspaceTraining) => Array.from(t.testPredictions, (p, i) => (p === t.testSet.labels[i] ? 1 : 0));
  return {
    task: spec.task,
    edge: spec.edge,
    cloud: spec.cloud,
    edge_alone: spec.edgeAlone,
    confidence,
    edge_correct: right(e),
    cloud_correct: right(c),
    edge_energy_j: need(edge.row.energy_per_inference_j, `the edge system's energy`),
    edge_latency_s: need(edge.row.latency_s, `the edge system's latency`),
    cloud_device: cloud.row.device,
    cloud_energy_j: need(cloud.row.energy_per_inference_j, `the cloud system's energy`),
    cloud_latency_s: need(cloud.row.latency_s, `the cloud system's latency`),
    bits_per_sample: valuesPerSample(c) * spec.bitsPerValue,
    link: spec.link,
    operating_threshold: spec.operatingThreshold,
    edge_alone_accuracy: alone.row.accuracy,
  };
}
