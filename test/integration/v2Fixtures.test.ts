import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createEventEngine } from '../../src/core/engine/event/eventEngine.ts';
import { biasKey, type NetworkWeights } from '../../src/core/network/weights.ts';
import { prepareRun, simulatePrepared } from '../../src/core/pipeline.ts';
import { decodeWorkspaceLink, encodeWorkspaceLink } from '../../src/core/share/linkCodec.ts';
import { parseWorkspaceFile, serializeWorkspaceFile } from '../../src/core/share/workspaceFile.ts';
import { WORKSPACE_SCHEMA_VERSION, type Workspace } from '../../src/core/spec/workspace.ts';
import { parseModel, serializeModel } from '../../src/core/train/modelFile.ts';

/**
 * Files of workspace version 2 (networks as graphs), frozen in test/fixtures/workspaces/v2 by
 * generator.mts.txt: an RSNN (lif1 reads itself a step late through 'rec') whose fc1 and fc2 have
 * non-zero biases, as a workspace file, a share link (exact float32 weights) and a model file.
 * Each must round-trip through its codec unchanged, and all three give the recorded spikes.
 */
const dir = new URL('../fixtures/workspaces/v2/', import.meta.url);
const read = (name: string) => readFileSync(new URL(name, dir), 'utf8');
/** Spikes per layer recorded when the fixtures were written (event engine). */
const RECORDED = { eeg: 1510, lif1: 1528 };

async function spikes(ws: Workspace, weights: NetworkWeights): Promise<Record<string, number>> {
  const result = await simulatePrepared(prepareRun(ws, weights), createEventEngine(), ws);
  return Object.fromEntries(result.layers.map((l) => [l.name, l.spikeCount]));
}

describe('version-2 files (an RSNN with biases)', () => {
  const file = parseWorkspaceFile(read('eeg-rsnn.workspace.json'));
  const weights = file.weights as NetworkWeights;

  it('the workspace file keeps the loop and the biases, and gives the recorded spikes', async () => {
    const lif1 = file.workspace.network.layers.find((l) => l.name === 'lif1');
    expect(lif1 && 'inputs' in lif1 ? lif1.inputs : undefined).toEqual(['fc1', 'rec']);
    expect(Math.max(...(weights[biasKey('fc1')]?.values ?? [0]))).toBeGreaterThan(0);
    expect(await spikes(file.workspace, weights)).toEqual(RECORDED);
    // The biases matter: without them lif1 fires differently, so a codec that dropped them would show.
    const zero = (k: string) => ({ shape: weights[k]?.shape ?? [], values: new Float32Array(weights[k]?.values.length ?? 0) });
    const unbiased = { ...weights, [biasKey('fc1')]: zero(biasKey('fc1')), [biasKey('fc2')]: zero(biasKey('fc2')) };
    expect((await spikes(file.workspace, unbiased)).lif1).not.toBe(RECORDED.lif1);
  });

  // The files stay at version 2; since version 3 they open migrated, and written again they
  // differ from what was frozen in the version number alone.
  const asCurrent = (text: string) => text.replace(/("schemaVersion":\s*)2\b/, `$1${WORKSPACE_SCHEMA_VERSION}`);

  it('the workspace file opens as the current version and writes back the same text but for that number', () => {
    expect(read('eeg-rsnn.workspace.json')).toMatch(/"schemaVersion":\s*2\b/);
    expect(file.workspace.schemaVersion).toBe(WORKSPACE_SCHEMA_VERSION);
    expect(serializeWorkspaceFile(parseWorkspaceFile(read('eeg-rsnn.workspace.json')))).toBe(asCurrent(read('eeg-rsnn.workspace.json')));
  });

  it('the link decodes to the file, exactly, and a link made from it again decodes to the same', async () => {
    const text = read('eeg-rsnn.link.txt').trim();
    const link = decodeWorkspaceLink(text);
    expect(link.workspace).toEqual(file.workspace);
    expect(link.weightBits).toBe(32);
    expect(link.weights).toEqual(weights);
    const again = decodeWorkspaceLink(encodeWorkspaceLink(link.workspace, link.weights).fragment);
    expect(again.workspace).toEqual(link.workspace);
    expect(again.weights).toEqual(weights);
    expect(await spikes(link.workspace, link.weights as NetworkWeights)).toEqual(RECORDED);
  });

  it('the model file holds the same workspace and weights, and writes back the same text but for the version', () => {
    const text = read('eeg-rsnn.model.json');
    const model = parseModel(text);
    expect(model.workspace).toEqual(file.workspace);
    expect(model.weights).toEqual(weights);
    expect(model.classes).toEqual(['rest', 'motor', 'focus', 'noise']);
    expect(serializeModel(model)).toBe(asCurrent(text));
  });
});
