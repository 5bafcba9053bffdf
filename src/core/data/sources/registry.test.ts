import { describe, expect, it } from 'vitest';
import { presetWorkspaces } from '../../../../test/support/presets.ts';
import { prepareInput } from '../../pipeline.ts';
import { inputWidth } from '../../spec/parseWorkspace.ts';
import { dataSourceSchema } from '../../spec/workspace.ts';
import { DATA_SOURCES, sourceStepMs } from './index.ts';

/**
 * Step lengths (ms) that the pipeline used on each preset before the registry owned them, read
 * from the if-ladder of pipeline.ts at commit 5e93cfd: the registry must keep every one.
 */
const STEP_BEFORE: Readonly<Record<string, number>> = {
  'audio-digits.workspace.json': 10,
  // Added with the pool-over-time variant: the same front end, 10 ms frames.
  'audio-digits-pool.workspace.json': 10,
  // Added with the delayed-cue source: its time is counted in steps, one per ms.
  'cue-memory-feedforward.workspace.json': 1,
  'cue-memory-rsnn.workspace.json': 1,
  'default.workspace.json': 4,
  'dvs-nmnist.workspace.json': 10,
  'dvs-shapes.workspace.json': 10,
  'ecg-mitbih.workspace.json': 1,
  'ecg-synthetic.workspace.json': 1000 / 360,
  'eeg.workspace.json': 12.5,
};

describe('the data-source registry', () => {
  it('has exactly one entry per kind of the workspace schema, holding that kind’s schema', () => {
    const kinds = dataSourceSchema.options.map((o) => o.shape.kind.value);
    expect(Object.keys(DATA_SOURCES).sort()).toEqual([...kinds].sort());
    expect(new Set(kinds).size).toBe(kinds.length);
    for (const option of dataSourceSchema.options) {
      const entry = DATA_SOURCES[option.shape.kind.value];
      expect(entry.kind).toBe(option.shape.kind.value);
      expect(entry.schema).toBe(option);
    }
  });

  it('gives every preset the step length the pipeline used before, and the one its prepared run uses', () => {
    const presets = presetWorkspaces();
    expect(presets.map(([f]) => f).sort()).toEqual(Object.keys(STEP_BEFORE).sort());
    for (const [file, ws] of presets) {
      expect(sourceStepMs(ws), file).toBe(STEP_BEFORE[file]);
      // A preset that reads a user file cannot be prepared here; its step is the workspace's own.
      if ('file' in ws.data) continue;
      const run = prepareInput(ws);
      expect(run.dtMs, file).toBe(STEP_BEFORE[file]);
      expect(run.input.neurons, file).toBe(inputWidth(ws));
    }
  });

  it('lists classes that the kind’s own schema accepts, one sample of each', () => {
    for (const entry of Object.values(DATA_SOURCES)) {
      if (!entry.classes) continue;
      const { param, values } = entry.classes;
      expect(values.length).toBeGreaterThan(1);
      for (const v of values) expect(entry.schema.safeParse({ kind: entry.kind, [param]: v }).success, `${entry.kind} ${param}=${String(v)}`).toBe(true);
    }
  });
});
