import { createArtifactStore } from '../core/artifacts.ts';
import { CancelledError, MappingError } from '../core/errors.ts';
import { CHIP_TARGET_DEFAULT } from '../core/hardware/chipTarget.ts';
import type { MappingResult } from '../core/hardware/mappingTypes.ts';
import type { Workspace } from '../core/spec/workspace.ts';
import type { SimClient } from '../../workers/client.ts';
import { currentWeights, isRunsOnlyEdit } from './runController.ts';
import type { useStore } from './store/index.ts';
import { explainError } from '../../workers/explainError.ts';

/** Finished mappings, by artefact id: a TrueNorth mapping holds thousands of cores, too much for zustand. */
export const mappingArtifacts = createArtifactStore<MappingResult>(4);

/** Handle of the mapping controller. */
export interface MappingController {
  /** Maps the current workspace again now (even if it was mapped already). */
  remap(): void;
  stop(): void;
}

/**
 * Maps the workspace on its chip while the chip view is shown: at once when the view opens, then
 * debounced after each edit (typing a number does not start a job per key), cancelling the job in
 * flight. Leaving the view cancels the job so the spike views get the worker back.
 */
export function startMappingController(store: typeof useStore, client: SimClient, debounceMs = 300): MappingController {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let job = 0;
  let running: string | undefined;
  // What the shown mapping was made from, so reopening the view does not map the same thing again.
  let mapped: { ws: Workspace; weightsId: string | null } | undefined;
  let chipsAsked = false;

  const loadChips = () => {
    if (chipsAsked) return;
    chipsAsked = true;
    client.chips().then(
      (chips) => store.getState().setChips(chips),
      (e: unknown) => {
        chipsAsked = false;
        store.getState().setMapping({ mapStatus: 'error', mapError: `could not list the chips: ${explainError(e, 'listing the chips').message}` });
      },
    );
  };

  const run = async (ws: Workspace) => {
    if (running) client.cancel(running);
    const jobId = `map${++job}`;
    running = jobId;
    const { weightsId } = store.getState();
    const seed = (ws.chip ?? CHIP_TARGET_DEFAULT).seed;
    store.getState().setMapping({ mapStatus: 'running', mapStage: 'simulate', mapFraction: 0, mapError: null, mapErrorViolations: [] });
    try {
      const result = await client.map(
        jobId,
        ws,
        (stage, fraction) => {
          if (running === jobId) store.getState().setMapping({ mapStage: stage, mapFraction: fraction });
        },
        currentWeights(store, ws),
      );
      if (running !== jobId) return;
      mapped = { ws, weightsId };
      const previous = store.getState().mapping;
      store.getState().setMapping({
        mapStatus: 'done',
        mapFraction: 1,
        mapping: { id: mappingArtifacts.put(result), chip: result.chip, seed },
        previousMapping: previous,
      });
    } catch (e) {
      if (running !== jobId) return;
      if (e instanceof CancelledError) store.getState().setMapping({ mapStatus: 'cancelled' });
      else
        store.getState().setMapping({
          mapStatus: 'error',
          mapError: explainError(e, 'mapping the network on the chip').message,
          mapErrorViolations: e instanceof MappingError ? e.violations : [],
        });
    } finally {
      if (running === jobId) running = undefined;
    }
  };

  const schedule = (delayMs: number) => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      const ws = store.getState().workspace;
      if (ws && store.getState().centerView === 'chip') void run(ws);
    }, delayMs);
  };

  const unsubscribe = store.subscribe((s, prev) => {
    if (s.centerView !== 'chip') {
      if (prev.centerView === 'chip') {
        clearTimeout(timer);
        if (running) client.cancel(running);
      }
      return;
    }
    if (prev.centerView !== 'chip') {
      loadChips();
      const same = mapped && mapped.ws === s.workspace && mapped.weightsId === s.weightsId && s.mapStatus === 'done';
      if (!same) schedule(0);
    } else if ((s.workspace !== prev.workspace && !isRunsOnlyEdit(prev.workspace, s.workspace)) || s.weightsId !== prev.weightsId) schedule(debounceMs);
  });
  if (store.getState().centerView === 'chip') {
    loadChips();
    schedule(0);
  }
  return {
    remap: () => schedule(0),
    stop: () => {
      unsubscribe();
      clearTimeout(timer);
    },
  };
}
