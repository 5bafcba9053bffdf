import { transferCost, type LinkModel } from '../hardware/linkModel.ts';
import type { StudyOffloadData, StudyOffloadPoint } from './studyTypes.ts';

/** Thresholds an offload curve is drawn at: 0 (nothing sent) to 1 (everything), in steps of 0.05. */
export const OFFLOAD_THRESHOLDS: readonly number[] = Array.from({ length: 21 }, (_, i) => i / 20);

/** Whether a sample of this edge confidence is sent to the cloud at this threshold. */
export function offloads(confidence: number, threshold: number): boolean {
  // Threshold 1 sends everything, even a sample the edge is certain of (confidence exactly 1).
  return threshold >= 1 || confidence < threshold;
}

/**
 * One point of the edge–cloud trade-off. Below threshold 1 the edge runs its SNN on every sample
 * and sends the unsure ones; at threshold 1 everything is sent, so the edge has no reason to run
 * its SNN at all (cloud only): the point is the cloud ANN's accuracy and the radio's energy, and
 * threshold 0 is the edge SNN alone — both exactly, which is what the tests hold it to.
 * Latency is the mean over samples: the edge's own, plus for a sent sample its upload (bits ÷
 * bandwidth), the round trip and the cloud's compute.
 */
export function offloadPoint(data: StudyOffloadData, link: LinkModel, threshold: number): StudyOffloadPoint {
  const n = data.confidence.length;
  if (n === 0) throw new RangeError(`offloading on '${data.task}' needs test samples; there are none`);
  if (data.edge_correct.length !== n || data.cloud_correct.length !== n) {
    throw new RangeError(`offloading on '${data.task}': ${n} confidences but ${data.edge_correct.length} edge and ${data.cloud_correct.length} cloud answers`);
  }
  const cloudOnly = threshold >= 1;
  let sent = 0;
  let right = 0;
  for (let i = 0; i < n; i++) {
    const off = offloads(data.confidence[i] ?? 0, threshold);
    if (off) sent++;
    right += (off ? data.cloud_correct[i] : data.edge_correct[i]) ?? 0;
  }
  const fraction = sent / n;
  const send = transferCost(link, data.bits_per_sample);
  const edgeRuns = cloudOnly ? 0 : 1;
  return {
    task: data.task,
    threshold,
    offloaded: fraction,
    accuracy: right / n,
    edge_energy_j: edgeRuns * data.edge_energy_j + fraction * send.energyJ,
    latency_s: edgeRuns * data.edge_latency_s + fraction * (send.latencyS + data.cloud_latency_s),
  };
}

/** The offload curve of one task at a link: a point per threshold. */
export function offloadCurve(data: StudyOffloadData, link: LinkModel = data.link, thresholds: readonly number[] = OFFLOAD_THRESHOLDS): StudyOffloadPoint[] {
  return thresholds.map((t) => offloadPoint(data, link, t));
}

/**
 * ECC-SNN's three headline figures at the operating threshold, as the paper states them: the
 * accuracy gained over the edge SNN trained alone (percentage points), and the edge energy and
 * latency changed against sending everything to the cloud (fractions: −0.794 = 79.4 % less).
 */
export interface OffloadSummary {
  readonly task: string;
  readonly threshold: number;
  readonly accuracy_gain_points: number;
  readonly edge_energy_change: number;
  readonly latency_change: number;
}

export function offloadSummary(data: StudyOffloadData, link: LinkModel = data.link, threshold: number = data.operating_threshold): OffloadSummary {
  const at = offloadPoint(data, link, threshold);
  const cloud = offloadPoint(data, link, 1);
  const change = (x: number, base: number) => (base === 0 ? 0 : x / base - 1);
  return {
    task: data.task,
    threshold,
    accuracy_gain_points: 100 * (at.accuracy - data.edge_alone_accuracy),
    edge_energy_change: change(at.edge_energy_j, cloud.edge_energy_j),
    latency_change: change(at.latency_s, cloud.latency_s),
  };
}
