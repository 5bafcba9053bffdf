import type { SimClient } from '../../workers/client.ts';
import { SpikeTrainBuilder } from '../core/engine/recording.ts';
import { createRng } from '../core/rng.ts';
import type { StudyResult } from '../core/study/studyTypes.ts';
import { runArtifacts } from './runController.ts';
import { useStore } from './store/index.ts';

/** Hooks for the end-to-end tests, installed only when the page is opened with `?test`. */
export interface SpikelabTestHooks {
  /** Shows a synthetic recording of about `spikes` spikes (3 layers × 1000 neurons) in the raster. */
  loadSyntheticRaster(spikes: number, steps?: number): void;
  /** Kills the simulation worker as a crash would. */
  crashWorker(): void;
  /** Shows a test confusion matrix of `classes` classes (counts up to 3 digits) as if training had ended. */
  showTestMetrics(classes: number): void;
  /** The last StudyResult the training worker returned to the page (what the study table shows), or null. */
  studyResult(): StudyResult | null;
  /** Spikes of each recorded layer (sample 0, what the raster shows) at `step` of the run on screen, counted over the whole train. */
  layerSpikesAt(step: number): Record<string, number>;
  /**
   * The run status the header draws from, read once the store has handled each change of the
   * workspace (a microtask after it, before any timer or render), since the hooks were installed.
   */
  statusAfterWorkspaceChanges(): readonly string[];
}

export function installTestHooks(client: SimClient): void {
  const statusAfterChanges: string[] = [];
  useStore.subscribe((s, prev) => {
    if (s.workspace !== prev.workspace) queueMicrotask(() => statusAfterChanges.push(useStore.getState().status));
  });
  const hooks: SpikelabTestHooks = {
    loadSyntheticRaster(spikes, steps = 10_000) {
      const rng = createRng(1, 'test-raster');
      const neurons = 1000;
      const layers = ['in', 'h1', 'h2'].map((name, li) => {
        const b = new SpikeTrainBuilder(neurons, steps);
        const perStep = spikes / 3 / steps;
        for (let t = 0; t < steps; t++) {
          const n = Math.floor(perStep) + (rng.next() < perStep % 1 ? 1 : 0);
          for (let k = 0; k < n; k++) b.push(t, rng.int(neurons));
        }
        const train = b.finish();
        return { name, kind: li === 0 ? ('input' as const) : ('spiking' as const), neurons, spikeCount: train.ids.length, spikes: [train] };
      });
      const result = { engine: 'events' as const, steps, batch: 1, dtMs: 1, layers, membranes: [], readouts: [], elapsedMs: 0, notes: [] };
      const signal = { samplingHz: 1000, channels: ['synthetic'], unit: 'a.u.', length: steps, values: new Float32Array(steps), annotations: [] };
      const engine = { name: 'events' as const, backend: 'typed-arrays', reason: 'synthetic test recording' };
      const readout = { readout: { kind: 'refused' as const, reason: 'a synthetic test recording has no read-out' }, classes: undefined, truth: undefined };
      const artifactId = runArtifacts.put({ result, readout, source: { kind: 'signal', signal }, engine });
      useStore.getState().setRun({
        status: 'done',
        summary: { artifactId, engine, elapsedMs: 0, steps, dtMs: 1, layers: layers.map((l) => ({ name: l.name, neurons, spikeCount: l.spikeCount })), totalSpikes: layers.reduce((a, l) => a + l.spikeCount, 0) },
      });
    },
    crashWorker: () => client.crashForTest(),
    showTestMetrics(classes) {
      const rng = createRng(1, 'test-metrics');
      const confusion = Array.from({ length: classes }, (_, i) => Array.from({ length: classes }, (_, j) => (i === j ? 100 + rng.int(900) : rng.int(3) === 0 ? rng.int(40) : 0)));
      const column = (j: number) => confusion.reduce((a, row) => a + (row[j] ?? 0), 0);
      const perClass = confusion.map((row, i) => {
        const support = row.reduce((a, v) => a + v, 0);
        const recall = (row[i] ?? 0) / support;
        const precision = (row[i] ?? 0) / column(i);
        return { recall, precision, f1: (2 * recall * precision) / (recall + precision), support };
      });
      const total = perClass.reduce((a, c) => a + c.support, 0);
      const accuracy = confusion.reduce((a, row, i) => a + (row[i] ?? 0), 0) / total;
      useStore.getState().setTrain({
        trainStatus: 'done',
        testMetrics: { accuracy, macroF1: perClass.reduce((a, c) => a + c.f1, 0) / classes, perClass, confusion },
        testClasses: Array.from({ length: classes }, (_, i) => String(i)),
        trainInfo: 'test metrics shown by a test hook',
      });
    },
    studyResult: () => useStore.getState().studyResult,
    statusAfterWorkspaceChanges: () => [...statusAfterChanges],
    layerSpikesAt(step) {
      const summary = useStore.getState().summary;
      const layers = (summary ? runArtifacts.get(summary.artifactId) : undefined)?.result.layers ?? [];
      // A full scan, not the playback bar's binary search, so the e2e compares two ways of counting.
      return Object.fromEntries(layers.map((l) => [l.name, Array.from(l.spikes[0]?.times ?? []).filter((t) => t === step).length]));
    },
  };
  (window as unknown as { __spikelab: SpikelabTestHooks }).__spikelab = hooks;
}
