import { describe, expect, it } from 'vitest';
import { eventBatchProblem, toEventBatch, wasChecked } from '../eventBatch.ts';
import type { CompiledNetwork, Engine, SimInput, SimulationResult } from '../types.ts';
import type { StartThread, ThreadReply } from './threadChannel.ts';
import { createThreadEngine, servePartRequests, type PartRequest } from './threadEngine.ts';

// A thread in this realm: each request crosses as a structured clone (a fresh object, as a real
// thread receives it) to servePartRequests over an engine that notes what it was given.
function cloneThread(seen: boolean[]): StartThread<PartRequest, SimulationResult> {
  const engine: Engine = {
    info: () => ({ name: 'events', backend: 'typed-arrays', reason: 'test' }),
    simulate: (_net, input) => {
      seen.push(input.events !== undefined && wasChecked(input.events));
      return Promise.resolve({ engine: 'events', steps: input.steps, batch: input.batch, dtMs: 1, layers: [], membranes: [], readouts: [], elapsedMs: 0, notes: [] });
    },
    dispose: () => undefined,
  };
  return () => {
    let reply: (m: ThreadReply<SimulationResult>) => void = () => undefined;
    const serve = servePartRequests(engine, (m) => reply(m), () => undefined);
    return Promise.resolve({
      post: (m) => serve(structuredClone(m)),
      onReply: (h) => (reply = h),
      onDeath: () => undefined,
      terminate: () => undefined,
    });
  };
}

const net = { spec: { layers: [] }, shapes: [], weights: {} } as unknown as CompiledNetwork;

describe('createThreadEngine', () => {
  it('tells its thread when the event lists were checked here, so the thread does not read them again, and only then', async () => {
    const seen: boolean[] = [];
    const e = await createThreadEngine(cloneThread(seen), { name: 'events', backend: 'typed-arrays', reason: 'test' });
    const values = Float32Array.from({ length: 2 * 3 * 4 }, (_v, i) => (i % 5 === 0 ? 1 : 0));
    const input = (): SimInput => ({ steps: 2, batch: 3, neurons: 4, values: values.slice(), events: toEventBatch(values, 2, 3, 4) });
    const unchecked = input();
    await e.simulate(net, unchecked, { dtMs: 1 });
    const checked = input();
    expect(eventBatchProblem(checked.events as NonNullable<SimInput['events']>, 2, 3, 4)).toBeUndefined();
    await e.simulate(net, checked, { dtMs: 1 });
    expect(seen).toEqual([false, true]);
    e.dispose();
  });
});
