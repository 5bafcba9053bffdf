import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SpecError } from '../errors.ts';
import { parseWorkspaceFile, serializeWorkspaceFile } from '../share/workspaceFile.ts';
import { parseWorkspace } from './parseWorkspace.ts';
import { MAX_RUNS } from './runRecord.ts';
import { WORKSPACE_SCHEMA_VERSION } from './workspace.ts';
import { ecgWorkspace, runOf } from '../../../test/support/runRecords.ts';

const v1File = readFileSync(new URL('../../../test/fixtures/workspaces/v1/ecg-demo.workspace.json', import.meta.url), 'utf8');

describe('run records in the workspace', () => {
  it('a version-1 workspace file without runs migrates and opens with no run log', () => {
    expect(v1File).not.toContain('"runs"');
    const { workspace: ws } = parseWorkspaceFile(v1File);
    expect(ws.schemaVersion).toBe(WORKSPACE_SCHEMA_VERSION);
    expect(ws.runs).toBeUndefined();
  });

  it('a workspace with runs reads back the same runs through JSON', () => {
    const ws = { ...ecgWorkspace(), runs: [runOf({ seed: 1, startedAt: 1000, accuracy: 0.8 }), runOf({ seed: 2, startedAt: 2000, accuracy: 0.7, joules: null })] };
    const back = parseWorkspace(JSON.parse(JSON.stringify(ws)));
    expect(back.runs).toEqual(ws.runs);
    expect(back.runs?.[1]?.energy).toEqual({ chip: 'loihi', joules: null, reason: 'the network needs 3 cores, the chip has 2' });
  });

  it('a workspace file keeps the runs', () => {
    const ws = { ...ecgWorkspace(), runs: [runOf({ seed: 3, startedAt: 3000, accuracy: 0.9 })] };
    expect(parseWorkspaceFile(serializeWorkspaceFile({ workspace: ws })).workspace.runs).toEqual(ws.runs);
  });

  it('a run with an accuracy above 1 is refused with the JSON path of the field', () => {
    const bad = { ...runOf({ seed: 1, startedAt: 1000, accuracy: 0.8 }), testAccuracy: 1.5 };
    const doc = JSON.parse(JSON.stringify({ ...ecgWorkspace(), runs: [bad] })) as unknown;
    expect(() => parseWorkspace(doc)).toThrow(SpecError);
    try {
      parseWorkspace(doc);
    } catch (e) {
      expect((e as SpecError).issues[0]?.path).toBe('runs[0].testAccuracy');
    }
  });

  it(`more than ${MAX_RUNS} runs are refused, naming the bound`, () => {
    const runs = Array.from({ length: MAX_RUNS + 1 }, (_, i) => runOf({ seed: i, startedAt: i, accuracy: 0.5 }));
    expect(() => parseWorkspace(JSON.parse(JSON.stringify({ ...ecgWorkspace(), runs })))).toThrow(/runs/);
  });
});
