import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createArtifactStore } from '../../core/artifacts.ts';
import type { MappingResult } from '../../core/hardware/mappingTypes.ts';
import { parseWorkspace } from '../../core/spec/parseWorkspace.ts';
import { runPlayground } from '../../core/teach/playgroundRun.ts';
import { checkTask } from '../../core/teach/taskChecks.ts';
import type { RunReply } from '../../../workers/api.ts';
import { createSimApi } from '../../../workers/simApi.ts';
import { createStore } from '../store/index.ts';
import { PLAYGROUND_DEFAULT } from '../store/playgroundSlice.ts';
import { buildLessonContext, type ContextSources } from './lessonContext.ts';
import { runSummaryOf } from '../runController.ts';

const preset = parseWorkspace(JSON.parse(readFileSync(new URL('../../../public/presets/default.workspace.json', import.meta.url), 'utf8')));

/** A store showing the default preset after a real run (the simulation facade, in Node), with the run in its own artefact store. */
async function storeAfterRun() {
  const store = createStore();
  store.getState().loadWorkspace(preset);
  const api = createSimApi();
  const reply = await api.run('r', preset);
  const sources: ContextSources = { runs: createArtifactStore<RunReply>(), mappings: createArtifactStore<MappingResult>() };
  store.getState().setRun({ status: 'done', summary: runSummaryOf(reply, sources.runs.put(reply)) });
  return { store, api, reply, sources };
}

describe('buildLessonContext', () => {
  it("reads the finished run's layers, each with the step of its first spike in the sample shown", async () => {
    const { store, reply, sources } = await storeAfterRun();
    const ctx = buildLessonContext(store.getState(), sources);
    expect(ctx.run?.steps).toBe(reply.result.steps);
    expect(ctx.run?.layers.map((l) => l.name)).toEqual(reply.result.layers.map((l) => l.name));
    for (const [i, layer] of reply.result.layers.entries()) {
      // The earliest spike found by scanning every time, not by trusting the order.
      const times = [...(layer.spikes[0]?.times ?? [])];
      const first = times.length > 0 ? Math.min(...times) : null;
      expect(ctx.run?.layers[i]?.firstSpikeStep).toBe(first);
      expect(ctx.run?.layers[i]?.spikeCount).toBe(layer.spikeCount);
    }
    expect(ctx.run?.layers.some((l) => l.firstSpikeStep !== null)).toBe(true);
    expect(ctx.workspace).toBe(store.getState().workspace);
  }, 60_000);

  it('has no run while the next one is running or after an error', async () => {
    const { store, sources } = await storeAfterRun();
    store.getState().setRun({ status: 'running' });
    expect(buildLessonContext(store.getState(), sources).run).toBeNull();
    store.getState().setRun({ status: 'error', error: 'x' });
    expect(buildLessonContext(store.getState(), sources).run).toBeNull();
  }, 60_000);

  it("reads the mapping's energy per inference and weight reads from the mapping artefact", async () => {
    const { store, api, sources } = await storeAfterRun();
    expect(buildLessonContext(store.getState(), sources).mapping).toBeNull();
    const mapped = await api.map('m', preset);
    store.getState().setMapping({ mapStatus: 'done', mapping: { id: sources.mappings.put(mapped), chip: mapped.chip, seed: 1 } });
    const ctx = buildLessonContext(store.getState(), sources);
    expect(ctx.mapping).toEqual({ chip: mapped.chip, fits: mapped.fits, coresUsed: mapped.coresUsed, energyJ: mapped.energyPerInferenceJ, weightReads: mapped.counts.weightReads });
    expect(ctx.mapping?.energyJ).toBeGreaterThan(0);
    store.getState().setMapping({ mapStatus: 'running' });
    expect(buildLessonContext(store.getState(), sources).mapping).toBeNull();
  }, 120_000);

  it("runs the playground's setup (the pair too) and follows each edit", () => {
    const store = createStore();
    const s0 = buildLessonContext(store.getState());
    expect(s0.playground.spikeSteps).toEqual(runPlayground(PLAYGROUND_DEFAULT).first.spikeSteps);
    expect(s0.playground.spikeSteps.length).toBeGreaterThan(0);
    expect(s0.playground.secondSpikeSteps).toBeNull();
    const pair = { ...PLAYGROUND_DEFAULT, pair: { neuron: PLAYGROUND_DEFAULT.neuron, weight: 2, delayMs: 1 } };
    store.getState().setPlayground(pair);
    const s1 = buildLessonContext(store.getState());
    expect(s1.playground.secondSpikeSteps).toEqual(runPlayground(pair).second?.spikeSteps);
    expect(s1.playground.secondSpikeSteps?.length).toBeGreaterThan(0);
    // Silence under no input: the check sees the edit, not a cached run.
    store.getState().setPlayground({ ...PLAYGROUND_DEFAULT, input: { kind: 'step', amplitude: 0, startMs: 0, endMs: 100 } });
    expect(buildLessonContext(store.getState()).playground.spikeSteps).toEqual([]);
  });

  it("gives the centre view, the playback cursor, the last test accuracy and the step's actions", () => {
    const store = createStore();
    const st = store.getState();
    st.setCenterView('chip');
    st.setPlaybackStep(12);
    st.setTrain({ testMetrics: { accuracy: 0.75, macroF1: 0.7, perClass: [], confusion: [] } });
    st.recordLessonAction('figure:surrogate-slope');
    st.recordLessonAction('figure:surrogate-slope');
    st.recordLessonAction('pattern:bursting');
    const ctx = buildLessonContext(store.getState());
    expect(ctx.view).toBe('chip');
    expect(ctx.playbackStep).toBe(12);
    expect(ctx.testAccuracy).toBe(0.75);
    // Every move counts, so a task may ask for one `times` times (a dropped repeat made times > 1 unreachable).
    expect(ctx.actions).toEqual(['figure:surrogate-slope', 'figure:surrogate-slope', 'pattern:bursting']);
    expect(checkTask({ kind: 'action-done', goal: 'move it twice', params: { action: 'figure:surrogate-slope', times: 2 } }, ctx).done).toBe(true);
    expect(checkTask({ kind: 'action-done', goal: 'move it 3 times', params: { action: 'figure:surrogate-slope', times: 3 } }, ctx)).toEqual({ done: false, feedback: 'Done 2 times of 3 so far.' });
    expect(ctx.run).toBeNull();
  });
});
