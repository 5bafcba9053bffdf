import { expose, wrap } from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { MessageChannel } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { BudgetError, LinkError, MappingError } from '../../src/core/errors.ts';
import { createEngine } from '../../src/core/engine/index.ts';
import { mapWorkspace } from '../../src/core/hardware/mapWorkspace.ts';
import { prepareRun } from '../../src/core/pipeline.ts';
import { encodeWorkspaceLink, decodeWorkspaceLink } from '../../src/core/share/linkCodec.ts';
import { workspaceStepMs, workspaceToNir } from '../../src/core/share/nir/nirWorkspace.ts';
import { parseWorkspace } from '../../src/core/spec/parseWorkspace.ts';
import { trainWorkspace } from '../../src/core/train/trainWorkspace.ts';
import { registerErrorTransfer, type SimApi } from '../../workers/api.ts';
import { createSimApi } from '../../workers/simApi.ts';
import { HUGE_BEAT_SET, HUGE_CLASS_SET, LONG_ECG, MICROSECOND_DVS, MILLION_NEURONS, TERA_WEIGHTS, WIDE_NIR } from '../support/hostileWorkspaces.ts';

const TERA = 'network.layers[3].units: the network would hold 1.0e12 weights; the budget is 5.0e7';

/** Awaits `fn` and returns what it threw and how long that took. */
async function thrown(fn: () => unknown): Promise<{ error: unknown; ms: number }> {
  const t0 = performance.now();
  try {
    await fn();
  } catch (error) {
    return { error, ms: performance.now() - t0 };
  }
  return { error: undefined, ms: performance.now() - t0 };
}

async function expectBudgetRefusal(fn: () => unknown, message: string | RegExp): Promise<void> {
  const { error, ms } = await thrown(fn);
  expect(error).toBeInstanceOf(BudgetError);
  expect((error as Error).message).toMatch(message);
  expect(ms).toBeLessThan(250);
}

const ports: MessageChannel[] = [];
afterEach(() => {
  for (const ch of ports.splice(0)) {
    ch.port1.close();
    ch.port2.close();
  }
});

describe('every entry point that runs, trains, maps or exports a workspace checks its budgets first', () => {
  it('prepareRun (every engine simulates from it) refuses 10^12 weights before initWeights', async () => {
    await expectBudgetRefusal(() => prepareRun(parseWorkspace(TERA_WEIGHTS.workspace)), TERA);
  });

  it('prepareRun refuses the 600 s ECG at 2 kHz with 1,024 levels and the 1 µs camera before generating them', async () => {
    await expectBudgetRefusal(() => prepareRun(parseWorkspace(LONG_ECG.workspace)), /^data\.durationS: the input would hold 2\.5e9 values/);
    await expectBudgetRefusal(() => prepareRun(parseWorkspace(MICROSECOND_DVS.workspace)), /^data\.durationMs: the event source would visit 6\.6e8 pixel-milliseconds/);
  });

  it('trainWorkspace refuses before building its data sets', async () => {
    await expectBudgetRefusal(() => trainWorkspace(parseWorkspace(TERA_WEIGHTS.workspace), undefined), TERA);
    await expectBudgetRefusal(() => trainWorkspace(parseWorkspace(HUGE_BEAT_SET.workspace), undefined), /^training\.dataset\.beats: the training sets would hold 2\.4e9 input values/);
    await expectBudgetRefusal(() => trainWorkspace(parseWorkspace(HUGE_CLASS_SET), undefined), /^training\.dataset\.perClass: the training sets would hold 4\.9e9 input values/);
  });

  it('mapWorkspace refuses before simulating', async () => {
    const engine = await createEngine('events');
    await expectBudgetRefusal(() => mapWorkspace(parseWorkspace(TERA_WEIGHTS.workspace), engine), TERA);
    engine.dispose();
  });

  it('mapWorkspace refuses a network with more neurons than the chip holds before simulating it', async () => {
    const engine = await createEngine('events');
    const ws = { ...parseWorkspace(MILLION_NEURONS), chip: { id: 'akida-akd1000', seed: 1, congestion: 0.5, overrides: {} } };
    const { error, ms } = await thrown(() => mapWorkspace(ws, engine));
    engine.dispose();
    expect(error).toBeInstanceOf(MappingError);
    expect((error as MappingError).violations[0]).toMatchObject({ constraint: 'cores', limit: 80, value: 977 });
    expect(ms).toBeLessThan(250);
  });

  it('workspaceToNir and workspaceStepMs refuse the 10^5 × 10^5 network before drawing its weights', async () => {
    const ws = parseWorkspace(WIDE_NIR.workspace);
    await expectBudgetRefusal(() => workspaceToNir(ws, undefined, 1), /^network\.layers\[3\]\.units: the network would hold 1\.0e10 weights/);
    await expectBudgetRefusal(() => workspaceStepMs(ws), /1\.0e10 weights/);
  });

  it('decodeWorkspaceLink refuses a link to an over-budget workspace at the workspace stage, with the path', () => {
    const link = encodeWorkspaceLink(parseWorkspace(TERA_WEIGHTS.workspace));
    const t0 = performance.now();
    let error: unknown;
    try {
      decodeWorkspaceLink(link.fragment);
    } catch (e) {
      error = e;
    }
    expect(performance.now() - t0).toBeLessThan(250);
    expect(error).toBeInstanceOf(LinkError);
    expect((error as LinkError).stage).toBe('workspace');
    expect((error as LinkError).issues[0]).toEqual({ path: 'network.layers[3].units', message: 'the network would hold 1.0e12 weights; the budget is 5.0e7' });
  });

  it("the page's simulation worker refuses with the same message, and its NIR export says so too", async () => {
    registerErrorTransfer();
    const ch = new MessageChannel();
    ports.push(ch);
    expose(createSimApi(), nodeEndpoint(ch.port1));
    const api = wrap<SimApi>(nodeEndpoint(ch.port2));
    const { error, ms } = await thrown(() => api.run('hostile', TERA_WEIGHTS.workspace));
    expect((error as Error).message).toBe(TERA);
    expect((error as { code?: string }).code).toBe('over_budget');
    expect(ms).toBeLessThan(1000);
    const nir = await api.exportNir(WIDE_NIR.workspace);
    expect(nir.ok ? '' : nir.reason).toMatch(/network\.layers\[3\]\.units: the network would hold 1\.0e10 weights; the budget is 5\.0e7/);
  });
});
