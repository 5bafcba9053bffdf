import { describe, expect, it } from 'vitest';
import { transferCost } from '../hardware/linkModel.ts';
import { offloadCurve, offloadPoint, offloadSummary } from './offload.ts';
import type { StudyOffloadData } from './studyTypes.ts';

const link = { bandwidthBitsPerS: 1e6, latencyS: 0.05, energyPerBitJ: 1e-7 };

// Four samples: the edge is sure and right, sure and wrong, unsure and wrong, certain and right.
const data: StudyOffloadData = {
  task: 't',
  edge: 'edge SNN',
  cloud: 'cloud ANN',
  edge_alone: 'SNN alone',
  confidence: [0.9, 0.8, 0.3, 1],
  edge_correct: [1, 0, 0, 1],
  cloud_correct: [1, 1, 1, 0],
  edge_energy_j: 2e-6,
  edge_latency_s: 0.01,
  cloud_device: 'gpu-a100',
  cloud_energy_j: 5e-4,
  cloud_latency_s: 0.002,
  bits_per_sample: 8000,
  link,
  operating_threshold: 0.5,
  edge_alone_accuracy: 0.25,
};

describe('offloading unsure samples to the cloud', () => {
  it('at threshold 0 sends nothing and gives the edge SNN alone, exactly', () => {
    const p = offloadPoint(data, link, 0);
    expect(p).toEqual({ task: 't', threshold: 0, offloaded: 0, accuracy: 0.5, edge_energy_j: 2e-6, latency_s: 0.01 });
  });

  it('at threshold 1 sends everything, even a certain sample, and gives the cloud ANN alone over the link, exactly', () => {
    const p = offloadPoint(data, link, 1);
    const send = transferCost(link, 8000);
    expect(p.offloaded).toBe(1);
    expect(p.accuracy).toBe(0.75);
    expect(p.edge_energy_j).toBe(send.energyJ);
    expect(p.latency_s).toBe(send.latencyS + 0.002);
    expect(send.latencyS).toBeCloseTo(0.008 + 0.05, 12);
  });

  it('between them sends the samples under the threshold and mixes the answers', () => {
    const p = offloadPoint(data, link, 0.85);
    // Samples 2 and 3 (0.8, 0.3) go up: edge right on 1 and 4, cloud right on 2 and 3.
    expect(p.offloaded).toBe(0.5);
    expect(p.accuracy).toBe(1);
    expect(p.edge_energy_j).toBeCloseTo(2e-6 + 0.5 * 8000 * 1e-7, 15);
    expect(p.latency_s).toBeCloseTo(0.01 + 0.5 * (0.058 + 0.002), 12);
  });

  it('draws 21 points from 0 to 1 with the offloaded fraction never falling', () => {
    const c = offloadCurve(data);
    expect(c).toHaveLength(21);
    expect(c[0]?.threshold).toBe(0);
    expect(c[20]?.threshold).toBe(1);
    for (let i = 1; i < c.length; i++) expect(c[i]!.offloaded).toBeGreaterThanOrEqual(c[i - 1]!.offloaded);
  });

  it('sums up the gain over the SNN alone and the savings against cloud only', () => {
    const s = offloadSummary(data);
    const at = offloadPoint(data, link, 0.5);
    const cloud = offloadPoint(data, link, 1);
    expect(s.accuracy_gain_points).toBeCloseTo(100 * (at.accuracy - 0.25), 12);
    expect(s.edge_energy_change).toBeCloseTo(at.edge_energy_j / cloud.edge_energy_j - 1, 12);
    expect(s.latency_change).toBeCloseTo(at.latency_s / cloud.latency_s - 1, 12);
  });

  it('refuses answers that do not line up with the confidences', () => {
    expect(() => offloadPoint({ ...data, cloud_correct: [1] }, link, 0.5)).toThrow(/4 confidences but 4 edge and 1 cloud answers/);
    expect(() => offloadPoint({ ...data, confidence: [], edge_correct: [], cloud_correct: [] }, link, 0.5)).toThrow(/needs test samples/);
  });
});
