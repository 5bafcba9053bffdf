import { describe, expect, it } from 'vitest';
import { decodeWorkspaceLink, encodeWorkspaceLink, PRESET_LINK_BUDGET_CHARS } from './linkCodec.ts';
import { ecgWorkspace, runOf } from '../../../test/support/runRecords.ts';

describe('links and the run log', () => {
  it('a link leaves the runs out: the preset with 50 runs still fits the preset link budget and decodes without runs', () => {
    const bare = ecgWorkspace();
    const ws = { ...bare, runs: Array.from({ length: 50 }, (_, i) => runOf({ seed: i, startedAt: i, accuracy: 0.5 + i / 200 })) };
    const link = encodeWorkspaceLink(ws);
    expect(link.chars).toBe(encodeWorkspaceLink(bare).chars);
    expect(link.chars).toBeLessThanOrEqual(PRESET_LINK_BUDGET_CHARS);
    const back = decodeWorkspaceLink(link.fragment).workspace;
    expect(back.runs).toBeUndefined();
    expect(back).toEqual(bare);
    // The workspace given is not changed by encoding it.
    expect(ws.runs).toHaveLength(50);
  });
});
