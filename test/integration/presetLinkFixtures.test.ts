import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createEventEngine } from '../../src/core/engine/event/eventEngine.ts';
import { prepareRun, simulatePrepared } from '../../src/core/pipeline.ts';
import { decodeWorkspaceLink } from '../../src/core/share/linkCodec.ts';
import { WORKSPACE_SCHEMA_VERSION } from '../../src/core/spec/workspace.ts';

/**
 * Share links of the eeg, dvs-shapes and audio-digits presets, made with and without 8-bit weights
 * by the code just before networks became graphs (commit 6f94907, workspace version 1), frozen in
 * test/fixtures/workspaces/v1/preset-links with the spikes that code gave (expected.json, written
 * by generator.ts.txt). The graph code must open each and give the same spikes, layer by layer.
 */
const dir = new URL('../fixtures/workspaces/v1/preset-links/', import.meta.url);
const read = (name: string) => readFileSync(new URL(name, dir), 'utf8');

interface Expected {
  readonly file: string;
  readonly weightBits: number | null;
  readonly perLayer: Readonly<Record<string, number>>;
}
const expected = JSON.parse(read('expected.json')) as Expected[];

describe('links made before networks were graphs', () => {
  it('are six: three presets, each with and without weights', () => {
    expect(expected.map((e) => e.file)).toEqual(['eeg.link.txt', 'eeg-weights8.link.txt', 'dvs-shapes.link.txt', 'dvs-shapes-weights8.link.txt', 'audio-digits.link.txt', 'audio-digits-weights8.link.txt']);
  });

  for (const e of expected) {
    it(`${e.file} opens (migrated to the current version) and gives the spikes the old code gave`, async () => {
      const link = decodeWorkspaceLink(read(e.file).trim());
      expect(link.workspace.schemaVersion).toBe(WORKSPACE_SCHEMA_VERSION);
      expect(link.weightBits ?? null).toBe(e.weightBits);
      expect(link.weights === undefined).toBe(e.weightBits === null);
      const result = await simulatePrepared(prepareRun(link.workspace, link.weights), createEventEngine(), link.workspace);
      expect(Object.fromEntries(result.layers.map((l) => [l.name, l.spikeCount]))).toEqual(e.perLayer);
    });
  }
});
