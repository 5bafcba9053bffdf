import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SpecError } from '../errors.ts';
import { migrateWorkspace } from './migrations.ts';
import { parseWorkspace } from './parseWorkspace.ts';
import { WORKSPACE_SCHEMA_VERSION } from './workspace.ts';

const v2Text = readFileSync(new URL('../../../test/fixtures/workspaces/v2/eeg-rsnn.workspace.json', import.meta.url), 'utf8');
/** The stored version-2 document (the file's workspace part, as written before version 3). */
const v2Doc = (JSON.parse(v2Text) as { workspace: Record<string, unknown> }).workspace;

describe('workspace migrations', () => {
  it('this code writes version 3', () => {
    expect(WORKSPACE_SCHEMA_VERSION).toBe(3);
  });

  it('2 → 3 changes only the number, and leaves the stored document as it was', () => {
    const before = structuredClone(v2Doc);
    expect(v2Doc['schemaVersion']).toBe(2);
    expect(migrateWorkspace(v2Doc)).toEqual({ ...v2Doc, schemaVersion: 3 });
    expect(v2Doc).toEqual(before);
  });

  it('a version-2 document runs in float64, as it did when written', () => {
    expect(parseWorkspace(v2Doc).simulation.precision).toBeUndefined();
  });

  it('a version-2 document that already names float32 (written before the bump) keeps it', () => {
    const doc = { ...v2Doc, simulation: { ...(v2Doc['simulation'] as object), precision: 'float32' } };
    const ws = parseWorkspace(doc);
    expect(ws.schemaVersion).toBe(3);
    expect(ws.simulation.precision).toBe('float32');
  });

  it('a version newer than 3 is refused, naming both versions', () => {
    const attempt = () => migrateWorkspace({ ...v2Doc, schemaVersion: 4 });
    expect(attempt).toThrow(SpecError);
    expect(attempt).toThrow('this workspace has version 4, made by a newer Spikelab; this one reads up to 3');
  });
});
