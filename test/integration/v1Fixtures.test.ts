import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createEventEngine } from '../../src/core/engine/event/eventEngine.ts';
import type { NetworkWeights } from '../../src/core/network/weights.ts';
import { prepareRun, simulatePrepared } from '../../src/core/pipeline.ts';
import { decodeWorkspaceLink } from '../../src/core/share/linkCodec.ts';
import { parseWorkspaceFile } from '../../src/core/share/workspaceFile.ts';
import type { Workspace } from '../../src/core/spec/workspace.ts';
import { parseModel } from '../../src/core/train/modelFile.ts';

/**
 * Files written by workspace schema version 1 (the first released one), kept frozen in
 * test/fixtures/workspaces/v1: a workspace file with weights, a share link, a model file. Every
 * later schema must still open them (migrating) to the same workspace and the same spikes; the
 * spike count below was recorded when the fixtures were written.
 */
const dir = new URL('../fixtures/workspaces/v1/', import.meta.url);
const read = (name: string) => readFileSync(new URL(name, dir), 'utf8');
/** Total spikes (all layers) of the fixture workspace with its full-precision weights, event engine. */
const RECORDED_SPIKES = 6949;

async function totalSpikes(ws: Workspace, weights: NetworkWeights): Promise<number> {
  const result = await simulatePrepared(prepareRun(ws, weights), createEventEngine(), ws);
  return result.layers.reduce((n, l) => n + l.spikeCount, 0);
}

describe('version-1 files still open', () => {
  const file = parseWorkspaceFile(read('ecg-demo.workspace.json'));
  it('the workspace file: same workspace and spikes as when it was written', async () => {
    expect(file.workspace.name).toBe('v1 fixture: ECG demo, lif1 threshold 0.8, seed 7');
    const lif1 = file.workspace.network.layers.find((l) => l.name === 'lif1');
    expect(lif1?.kind === 'spiking' && lif1.neuron.model === 'lif' ? lif1.neuron.threshold : undefined).toBe(0.8);
    if (!file.weights) throw new Error('the fixture has weights');
    expect(await totalSpikes(file.workspace, file.weights)).toBe(RECORDED_SPIKES);
  });

  it('the share link: the same workspace, weights within half a quantisation step', () => {
    const link = decodeWorkspaceLink(read('ecg-demo.link.txt').trim());
    expect(link.workspace).toEqual(file.workspace);
    expect(link.weightBits).toBe(8);
    for (const [name, w] of Object.entries(file.weights ?? {})) {
      const q = link.weights?.[name];
      if (!q) throw new Error(`the link lost ${name}`);
      const max = w.values.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
      const halfStep = max / 127 / 2;
      expect(Math.max(...w.values.map((v, i) => Math.abs(v - (q.values[i] ?? NaN))))).toBeLessThanOrEqual(halfStep * 1.0001);
    }
  });

  it('the model file: the same workspace and weights', () => {
    const model = parseModel(read('ecg-demo.model.json'));
    expect(model.workspace).toEqual(file.workspace);
    expect(model.weights['fc1']?.values).toEqual(file.weights?.['fc1']?.values);
    expect(model.classes).toEqual(['N', 'S', 'V', 'F', 'Q']);
  });
});
