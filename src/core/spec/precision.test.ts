import { describe, expect, it } from 'vitest';
import { presetWorkspaces } from '../../../test/support/presets.ts';
import { createEngine } from '../engine/index.ts';
import type { Engine, SimOptions } from '../engine/types.ts';
import { prepareRun, simulatePrepared } from '../pipeline.ts';
import { decodeWorkspaceLink, encodeWorkspaceLink } from '../share/linkCodec.ts';
import { parseWorkspace } from './parseWorkspace.ts';
import type { Workspace } from './workspace.ts';

/** An engine that records the options of each run, around the real event engine. */
async function recordingEngine(seen: SimOptions[]): Promise<Engine> {
  const real = await createEngine('events');
  return { ...real, simulate: (net, input, options) => (seen.push(options), real.simulate(net, input, options)) };
}

describe("a workspace's precision", () => {
  const ws = (presetWorkspaces()[0] as [string, Workspace])[1];

  it('is absent by default (float64) and reaches the engine when set', async () => {
    expect(ws.simulation.precision).toBeUndefined();
    const seen: SimOptions[] = [];
    const engine = await recordingEngine(seen);
    const f32 = { ...ws, simulation: { ...ws.simulation, precision: 'float32' as const } };
    await simulatePrepared(prepareRun(ws), engine, ws);
    await simulatePrepared(prepareRun(f32), engine, f32);
    expect(seen.map((o) => o.precision)).toEqual([undefined, 'float32']);
  });

  it('travels in a link and a workspace file; an unknown mode is refused by name', () => {
    const f32 = { ...ws, simulation: { ...ws.simulation, precision: 'float32' as const } };
    expect(decodeWorkspaceLink(encodeWorkspaceLink(f32).fragment).workspace.simulation.precision).toBe('float32');
    expect(parseWorkspace(JSON.parse(JSON.stringify(f32))).simulation.precision).toBe('float32');
    expect(() => parseWorkspace({ ...JSON.parse(JSON.stringify(ws)), simulation: { ...ws.simulation, precision: 'float16' } })).toThrow(/simulation\.precision/);
  });
});
