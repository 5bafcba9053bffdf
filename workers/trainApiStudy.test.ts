import { expose, proxy, wrap, type Remote } from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { MessageChannel } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tinyEcgWorkspace, TINY_STUDY } from '../test/support/tinyStudy.ts';
import { kernelBytes } from '../src/cli/kernelFile.ts';
import { CancelledError } from '../src/core/errors.ts';
import type { StudyProgress } from '../src/core/study/runStudy.ts';
import { registerErrorTransfer } from './api.ts';
import { createTrainApi, type TrainApi } from './trainApi.ts';

/** The tiny study without its sweep: two systems, a few seconds. */
const TWO_SYSTEMS = { ...TINY_STUDY, sweeps: () => [] };
let ch: MessageChannel;
let api: Remote<TrainApi>;

// One facade for the file, as the page has one worker: the energy model's check runs once.
beforeAll(async () => {
  registerErrorTransfer();
  ch = new MessageChannel();
  expose(createTrainApi({ kernel: await kernelBytes(), studies: { tiny: TWO_SYSTEMS } }), nodeEndpoint(ch.port1));
  api = wrap<TrainApi>(nodeEndpoint(ch.port2));
});
afterAll(() => {
  ch.port1.close();
  ch.port2.close();
});

describe('trainApi.runStudy over a MessageChannel', () => {
  it('runs a study of its registry with progress, a changed workspace replacing its system\'s', async () => {
    const seen: StudyProgress[] = [];
    // The ReLU twin (0 spikes in runStudy's own test), changed to a LIF layer in the page.
    const lif = tinyEcgWorkspace({ kind: 'spiking', neuron: { model: 'lif', beta: 0.9 } });
    const result = await api.runStudy('s1', 'tiny', { quick: true, seed: 5, workspaces: { 'beats/ANN twin': lif } }, proxy((p: StudyProgress) => void seen.push(p)));
    expect(result.study).toBe('tiny');
    expect(result.seed).toBe(5);
    expect(result.rows.map((r) => r.system)).toEqual(['LIF', 'ANN twin']);
    expect(result.rows[1]?.spikes_per_inference).toBeGreaterThan(0);
    // Same workspace, seed and data: the changed twin is now the LIF system, figure for figure.
    expect(result.rows[1]?.accuracy).toBe(result.rows[0]?.accuracy);
    expect(seen.filter((p) => p.stage === 'train').map((p) => `${p.system} ${p.done + 1}/${p.total}`)).toEqual(['LIF 1/2', 'ANN twin 2/2']);
  }, 120_000);

  it('stops with CancelledError', async () => {
    const running = api.runStudy('s2', 'tiny', { quick: true }, proxy((p: StudyProgress) => {
      if (p.stage === 'train') void api.stop('s2');
    }));
    await expect(running).rejects.toBeInstanceOf(CancelledError);
  }, 60_000);

  it('refuses an unknown study and an invalid changed workspace', async () => {
    await expect(api.runStudy('s3', '__proto__', { quick: true })).rejects.toThrow(/no study '__proto__'; the studies are tiny/);
    await expect(api.runStudy('s4', 'tiny', { quick: true, workspaces: { 'beats/LIF': { schemaVersion: 2, name: 1 } } })).rejects.toThrow(/name/);
  });
});
