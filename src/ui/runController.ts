import { spikeFlips, type SpikeFlips } from '../core/engine/precisionFlips.ts';
import { createArtifactStore } from '../core/artifacts.ts';
import { CancelledError, SpikelabError } from '../core/errors.ts';
import type { NetworkWeights } from '../core/network/weights.ts';
import type { LoadedRecord } from '../core/data/fileStore.ts';
import type { Workspace } from '../core/spec/workspace.ts';
import type { RunReply } from '../../workers/api.ts';
import type { SimClient } from '../../workers/client.ts';
import type { useStore } from './store/index.ts';
import type { RunSummary } from './store/runSlice.ts';
import { explainError } from '../../workers/explainError.ts';

/** Recordings of finished runs, by artefact id (typed arrays never go into React or zustand state). */
export const runArtifacts = createArtifactStore<RunReply>(4);

/** Trained weights, by artefact id. */
export const weightArtifacts = createArtifactStore<NetworkWeights>(4);

/** The trained weights that fit this workspace's network, if any (an edited network drops them). */
export function currentWeights(store: typeof useStore, ws: Workspace): NetworkWeights | undefined {
  const { weightsId, weightsNetwork } = store.getState();
  if (!weightsId || weightsNetwork !== JSON.stringify(ws.network)) return undefined;
  return weightArtifacts.get(weightsId);
}

/**
 * True when an edit changed only the chip target (chip, seed, overrides): the spikes do not depend
 * on it, so the spike views need no new run (the chip view maps it).
 */
export function isChipOnlyEdit(before: Workspace | null, after: Workspace | null): boolean {
  if (!before || !after || JSON.stringify(before.chip) === JSON.stringify(after.chip)) return false;
  // Without the chip key on both sides, so key order cannot differ (an absent chip vs a new one).
  const withoutChip = (ws: Workspace) => JSON.stringify(Object.fromEntries(Object.entries(ws).filter(([k]) => k !== 'chip')));
  return withoutChip(before) === withoutChip(after);
}

/**
 * True when an edit changed only the run log (a training recorded, a run deleted or put back):
 * nothing that runs or maps the network changed. The run log replaces the `runs` key and keeps
 * every other part of the workspace as it was, so the parts compare by identity.
 */
export function isRunsOnlyEdit(before: Workspace | null, after: Workspace | null): boolean {
  if (!before || !after || before.runs === after.runs) return false;
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]) as Set<keyof Workspace>;
  return [...keys].every((k) => k === 'runs' || before[k] === after[k]);
}

/**
 * True when files just loaded include the one the workspace reads: a run that failed for want of
 * it (MissingFileError, "drop that file") continues by itself, with no Run press.
 */
export function fileArrived(ws: Workspace | null, before: readonly LoadedRecord[], after: readonly LoadedRecord[]): boolean {
  const reading = ws && 'checksum' in ws.data ? ws.data.checksum : undefined;
  return reading !== undefined && after.some((f) => f.checksum === reading) && !before.some((f) => f.checksum === reading);
}

/** Counts what was shown, so a run that finishes after something newer was shown does not cover it. */
let shown = 0;

/** The store's small summary of a run whose arrays are kept under `artifactId`. */
export function runSummaryOf(reply: RunReply, artifactId: string, caption?: string): RunSummary {
  const r = reply.result;
  return {
    artifactId,
    engine: reply.engine,
    elapsedMs: r.elapsedMs,
    steps: r.steps,
    dtMs: r.dtMs,
    layers: r.layers.map((l) => ({ name: l.name, neurons: l.neurons, spikeCount: l.spikeCount })),
    totalSpikes: r.layers.reduce((a, l) => a + l.spikeCount, 0),
    ...(caption ? { caption } : {}),
  };
}

/** Keeps a finished run's arrays in the artefact store and shows it: raster, input view, metrics. */
export function showReply(store: typeof useStore, reply: RunReply, caption?: string): void {
  shown += 1;
  store.getState().setRun({
    status: 'done',
    progress: 1,
    error: null,
    summary: runSummaryOf(reply, runArtifacts.put(reply), caption),
  });
  // What the run left out (a recording stopped at its budget) stays in the header until dismissed;
  // a run that left nothing out clears the previous run's note.
  const { showNotice, dismissNotice, notices } = store.getState();
  if (reply.result.notes.length > 0) showNotice('run', reply.result.notes.map((n) => n.message).join('; '), true);
  else if (notices.some((n) => n.source === 'run')) dismissNotice('run');
}

/** Handle of the run controller, for the Cancel and Run buttons. */
export interface RunController {
  cancel(): void;
  rerun(): void;
  stop(): void;
  /**
   * Runs the workspace shown again with float64 sums and counts the spikes of the run on screen
   * (float32 sums) that differ from it; the float64 run is not shown.
   */
  compareWithFloat64(): Promise<SpikeFlips>;
}

/**
 * Re-simulates whenever the workspace changes: debounced (so typing does not start a run per key),
 * cancelling the job in flight, and writing only a small summary into the store.
 */
export function startRunController(store: typeof useStore, client: SimClient, debounceMs = 150): RunController {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let job = 0;
  let running: string | undefined;
  const run = async (ws: Workspace) => {
    if (running) client.cancel(running);
    const jobId = `job${++job}`;
    running = jobId;
    const shownAtStart = shown;
    store.getState().setRun({ status: 'running', progress: 0, error: null });
    try {
      const reply = await client.run(
        jobId,
        ws,
        (done, total) => {
          if (running === jobId) store.getState().setRun({ progress: done / total });
        },
        currentWeights(store, ws),
      );
      // A test sample picked meanwhile stays on screen; the next edit runs the workspace again.
      if (running !== jobId || shown !== shownAtStart) return;
      showReply(store, reply);
    } catch (e) {
      if (running !== jobId) return;
      // At boot the file may be among the kept ones still loading: wait for it (fileArrived, or the
      // end of the restore below, runs again) rather than flash "drop that file" at the user.
      if (e instanceof SpikelabError && e.code === 'file_missing' && store.getState().restoringKept) store.getState().setRun({ status: 'running', progress: 0 });
      else if (e instanceof CancelledError) store.getState().setRun({ status: 'cancelled' });
      else {
        const shown = explainError(e, 'running the simulation');
        store.getState().setRun({ status: 'error', error: shown.message, errorDetail: shown.detail ?? null });
      }
    } finally {
      if (running === jobId) running = undefined;
    }
  };
  const schedule = (ws: Workspace | null) => {
    if (!ws) return;
    clearTimeout(timer);
    // The header must not keep saying 'done' over the counts of the network before this edit while the
    // re-run waits out its debounce: the counts shown are stale from this moment.
    if (store.getState().status !== 'running') store.getState().setRun({ status: 'running', progress: 0 });
    timer = setTimeout(() => void run(ws), debounceMs);
  };
  const unsubscribe = store.subscribe((s, prev) => {
    if (s.weightsId !== prev.weightsId || (s.workspace !== prev.workspace && !isChipOnlyEdit(prev.workspace, s.workspace) && !isRunsOnlyEdit(prev.workspace, s.workspace)) || (s.files !== prev.files && fileArrived(s.workspace, prev.files, s.files))) schedule(s.workspace);
    // The kept files are all loaded: a run still waiting for one now fails with the real reason.
    else if (prev.restoringKept && !s.restoringKept && s.status === 'running' && !running) schedule(s.workspace);
  });
  schedule(store.getState().workspace);
  return {
    cancel: () => {
      clearTimeout(timer);
      if (running) client.cancel(running);
      // Cancelled while waiting out the debounce: nothing is in flight to report the cancel.
      else if (store.getState().status === 'running') store.getState().setRun({ status: 'cancelled' });
    },
    rerun: () => schedule(store.getState().workspace),
    async compareWithFloat64() {
      const { workspace: ws, summary } = store.getState();
      const shownRun = summary ? runArtifacts.get(summary.artifactId) : undefined;
      if (!ws || !shownRun) throw new Error('run the workspace first: there is no run on screen to compare');
      if (summary?.caption !== undefined) throw new Error('a test sample is shown: run the workspace again to compare its own input');
      const float64 = { ...ws.simulation };
      delete float64.precision;
      const reply = await client.run(`compare${++job}`, { ...ws, simulation: float64 }, undefined, currentWeights(store, ws));
      return spikeFlips(reply.result, shownRun.result);
    },
    stop: () => {
      unsubscribe();
      clearTimeout(timer);
    },
  };
}
