import { describe, expect, it } from 'vitest';
import { presetWorkspaces } from '../../../../test/support/presets.ts';
import { prepareInput } from '../../pipeline.ts';
import { inputWidth } from '../../spec/parseWorkspace.ts';
import { sourceClassSets } from '../../trainingSets/sourceClassSets.ts';
import type { Workspace } from '../../spec/workspace.ts';
import { cueTaskSteps } from '../synth/cueSynth.ts';
import { sourceStepMs } from './index.ts';

const [, PRESET] = presetWorkspaces().find(([f]) => f === 'cue-memory-rsnn.workspace.json') ?? [];

function preset(): Workspace {
  if (!PRESET) throw new Error('public/presets/cue-memory-rsnn.workspace.json is missing');
  return PRESET;
}

/** Which group (0 = A, 1 = B) fired all its `width` neurons at once in the first steps: the pulse. */
function pulsedGroup(values: Float32Array, neurons: number, width: number): number {
  for (let t = 0; t < 4; t++)
    for (let g = 0; g < 2; g++) {
      let all = true;
      for (let j = 0; j < width; j++) all &&= values[t * neurons + g * width + j] === 1;
      if (all) return g;
    }
  return -1;
}

describe('the delayed-cue data source', () => {
  it('feeds one seeded trial of the class it is set to, as spikes, one step per ms', () => {
    const ws = preset();
    if (ws.data.kind !== 'synthetic-cue') throw new Error('the cue preset reads the synthetic-cue source');
    const { width, delay } = ws.data;
    for (const [cue, group] of [['A', 0], ['B', 1]] as const) {
      const run = prepareInput({ ...ws, data: { ...ws.data, cue } });
      expect(run.input.steps).toBe(cueTaskSteps(ws.data));
      expect(run.input.steps).toBe(3 + delay + 2);
      expect(run.input.neurons).toBe(inputWidth(ws));
      expect(run.dtMs).toBe(sourceStepMs(ws));
      expect(pulsedGroup(run.input.values, run.input.neurons, width)).toBe(group);
      expect(run.input.values.every((v) => v === 0 || v === 1)).toBe(true);
      expect(prepareInput({ ...ws, data: { ...ws.data, cue } }).input.values).toEqual(run.input.values);
    }
  });

  it('gives source-classes training both classes, labelled by the channel that pulsed', () => {
    const ws = preset();
    if (ws.data.kind !== 'synthetic-cue') throw new Error('the cue preset reads the synthetic-cue source');
    const { train, classes } = sourceClassSets(ws, { kind: 'source-classes', perClass: 6, testPerClass: 2, split: 'intra' });
    expect(classes).toEqual(['A', 'B']);
    expect(train.inputs.length).toBe(12);
    train.inputs.forEach((x, i) => expect(pulsedGroup(x, train.neurons, ws.data.kind === 'synthetic-cue' ? ws.data.width : 0)).toBe(train.labels[i]));
  });
});
