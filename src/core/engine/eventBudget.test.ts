import { describe, expect, it } from 'vitest';
import { BudgetError } from '../errors.ts';
import { prepareInput, prepareRun } from '../pipeline.ts';
import { encodeWorkspaceLink, decodeWorkspaceLink } from '../share/linkCodec.ts';
import { WORKSPACE_BUDGETS } from '../spec/budgetTable.ts';
import { parseWorkspace } from '../spec/parseWorkspace.ts';
import type { Workspace } from '../spec/workspace.ts';
import { kernelBytes } from '../../cli/kernelFile.ts';
import { createEngine } from './index.ts';
import type { SimulationResult } from './types.ts';
import { MILLION_GAIN, TINY_DELTA } from '../../../test/support/hostileWorkspaces.ts';

const recorded = (r: SimulationResult) => r.layers.reduce((a, l) => a + l.spikes.reduce((b, s) => b + s.ids.length, 0), 0);

async function run(ws: Workspace, engineName: 'events' | 'wasm', eventBudget?: number): Promise<SimulationResult> {
  const engine = await createEngine(engineName, engineName === 'wasm' ? { kernel: await kernelBytes() } : {});
  try {
    const prepared = prepareRun(ws);
    return await engine.simulate(prepared.network, prepared.input, { dtMs: prepared.dtMs, ...(eventBudget === undefined ? {} : { eventBudget }) });
  } finally {
    engine.dispose();
  }
}

describe('the events-per-run budget', () => {
  it.each(['events', 'wasm'] as const)('a direct encoder of gain 10^6 on the %s engine records exactly the budget, says where it stopped, and counts the whole run', async (engineName) => {
    const r = await run(parseWorkspace(MILLION_GAIN), engineName, 100_000);
    expect(recorded(r)).toBe(100_000);
    expect(r.notes).toHaveLength(1);
    expect(r.notes[0]?.code).toBe('recording_stopped');
    expect(r.notes[0]?.message).toMatch(/^the recording stopped at step \d+ of 1000 \(layer 'ecg'\): it reached the budget of 1\.0e5 events per run/);
    // The counts go on past the budget: 1,000 values of up to 10^6 spikes each, about 2.7e8 in all.
    const input = r.layers.find((l) => l.name === 'ecg');
    expect(input?.spikeCount).toBeGreaterThan(1e8);
    expect(r.layers.find((l) => l.name === 'lif1')?.spikeCount).toBeGreaterThan(0);
  });

  it('stops at the default budget of the table (1.0e7 events) when the run gives none', async () => {
    const r = await run(parseWorkspace(MILLION_GAIN), 'events');
    expect(recorded(r)).toBe(WORKSPACE_BUDGETS.runEvents.limit);
    // What the result keeps: 8 bytes per recorded event in the trains' buffers, with the slack of
    // their growth (before the budget: 4.3 GB). Counted from the buffers themselves, not from the
    // process's arrayBuffers, which also holds garbage of earlier tests until a collection.
    const held = r.layers.reduce((a, l) => a + l.spikes.reduce((b, s) => b + s.times.buffer.byteLength + s.ids.buffer.byteLength, 0), 0);
    expect(held).toBeLessThan(8 * WORKSPACE_BUDGETS.runEvents.limit * 2.5);
    expect(r.notes[0]?.message).toContain('the budget of 1.0e7 events per run');
  });

  it('a run within the budget records every spike and carries no note', async () => {
    const ws = parseWorkspace({ ...MILLION_GAIN, encoder: { kind: 'direct', gain: 2 } });
    const r = await run(ws, 'events');
    expect(r.notes).toEqual([]);
    expect(recorded(r)).toBe(r.layers.reduce((a, l) => a + l.spikeCount, 0));
  });

  it('a delta encoder of threshold 1e-300 is refused on encoder.threshold with its figure and the budget, at once', () => {
    const t0 = performance.now();
    let error: unknown;
    try {
      prepareInput(parseWorkspace(TINY_DELTA));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(BudgetError);
    expect((error as BudgetError).message).toMatch(/^encoder\.threshold: the run would emit 3\.\de301 input events \(a delta encoder of threshold 1e-300 over 1000 samples × 1 channels\); the budget is 1\.0e7: raise the threshold$/);
    expect((error as BudgetError).budget).toBe('runEvents');
    expect(performance.now() - t0).toBeLessThan(2000);
  });

  it('a delta encoder within the budget still encodes (the presets and a threshold of 0.05)', () => {
    const input = prepareInput(parseWorkspace({ ...TINY_DELTA, encoder: { kind: 'delta', threshold: 0.05 } })).input;
    expect(input.values.some((v) => v > 0)).toBe(true);
  });

  it('the same workspaces arrive in links of a few hundred characters and are bounded the same way', async () => {
    const gain = encodeWorkspaceLink(parseWorkspace(MILLION_GAIN)).fragment;
    const delta = encodeWorkspaceLink(parseWorkspace(TINY_DELTA)).fragment;
    expect(gain.length).toBeLessThan(600);
    const r = await run(decodeWorkspaceLink(gain).workspace, 'events', 50_000);
    expect(recorded(r)).toBe(50_000);
    expect(r.notes).toHaveLength(1);
    expect(() => prepareInput(decodeWorkspaceLink(delta).workspace)).toThrow(BudgetError);
  });
});
