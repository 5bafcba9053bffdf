import { describe, expect, it } from 'vitest';
import { TINY_ECC_STUDY } from '../../../test/support/tinyStudy.ts';
import { createEngine } from '../engine/index.ts';
import { offloadPoint } from './offload.ts';
import { runStudy } from './runStudy.ts';
import { transferCost } from '../hardware/linkModel.ts';

describe('a study with a teacher, offloading and on-device learning (tiny ECC-SNN)', () => {
  it('trains the teacher first, and its offload curve ends at the edge alone (threshold 0) and the cloud alone (threshold 1), exactly', async () => {
    const r = await runStudy(TINY_ECC_STUDY, { engine: await createEngine('tfjs-cpu') }, { quick: true });
    const row = (name: string) => r.rows.find((x) => x.system === name);
    const edge = row('edge');
    const cloud = row('cloud');
    expect(edge && cloud && row('alone')).toBeTruthy();
    const [data] = r.offload ?? [];
    expect(data?.confidence.length).toBeGreaterThan(10);
    for (const c of data?.confidence ?? []) {
      expect(c).toBeGreaterThan(0);
      expect(c).toBeLessThanOrEqual(1);
    }
    const curve = (r.offload_curve ?? []).filter((p) => p.task === 'beats');
    expect(curve).toHaveLength(21);
    const [first, last] = [curve[0], curve[20]];
    expect(first).toEqual({ task: 'beats', threshold: 0, offloaded: 0, accuracy: edge?.accuracy, edge_energy_j: edge?.energy_per_inference_j, latency_s: edge?.latency_s });
    const send = transferCost(TINY_ECC_STUDY.offload?.({ quick: true, has: () => false })[0]?.link ?? { bandwidthBitsPerS: 1, latencyS: 0, energyPerBitJ: 0 }, data?.bits_per_sample ?? 0);
    expect(last?.offloaded).toBe(1);
    expect(last?.accuracy).toBe(cloud?.accuracy);
    expect(last?.edge_energy_j).toBe(send.energyJ);
    expect(last?.latency_s).toBe(send.latencyS + (cloud?.latency_s ?? NaN));
    // 16 level-crossing channels over every step of the beat, 16 bits each.
    expect(data?.bits_per_sample).toBe(16 * 16 * 63);
    if (data) expect(offloadPoint(data, data.link, 0.7)).toEqual(curve.find((p) => Math.abs(p.threshold - 0.7) < 1e-12));
    const inc = r.incremental ?? [];
    expect(inc.map((x) => x.method).sort()).toEqual(['fine-tune', 'replay']);
    for (const x of inc) {
      expect(x.forgetting).toBeCloseTo(x.old_accuracy_before - x.old_accuracy_after, 12);
      expect(x.new_class_accuracy).toBeGreaterThanOrEqual(0);
      expect(x.replay_per_class).toBe(x.method === 'replay' ? 3 : 0);
    }
  }, 240_000);
});
