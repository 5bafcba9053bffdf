import type { StateCreator } from 'zustand';
import type { EngineInfo } from '../../core/engine/types.ts';
import type { Store } from './index.ts';

/** Small summary of a finished run; the arrays stay in the artefact store under `artifactId`. */
export interface RunSummary {
  readonly artifactId: string;
  readonly engine: EngineInfo;
  readonly elapsedMs: number;
  readonly steps: number;
  readonly dtMs: number;
  readonly layers: readonly { readonly name: string; readonly neurons: number; readonly spikeCount: number }[];
  readonly totalSpikes: number;
  /** What this run shows when it is not the workspace's own input (e.g. a test sample picked in the confusion matrix). */
  readonly caption?: string;
}

/** State of the simulation job. */
export interface RunSlice {
  status: 'idle' | 'running' | 'done' | 'error' | 'cancelled';
  /** Fraction done, 0 … 1, while running. */
  progress: number;
  error: string | null;
  /** The raw engine text behind `error`, for the banner's details fold (explainError); null for Spikelab's own errors. */
  errorDetail: string | null;
  summary: RunSummary | null;
  /** A patch that sets `error` without `errorDetail` clears the detail: it belonged to the error before. */
  setRun(patch: Partial<Pick<RunSlice, 'status' | 'progress' | 'error' | 'errorDetail' | 'summary'>>): void;
}

/**
 * True when the results on screen are not the workspace's: its last run failed, so the summary
 * is still the previous network's (kept, dimmed and labelled, rather than passed off as current).
 */
export function resultsStale(s: Pick<RunSlice, 'status' | 'summary'>): boolean {
  return s.status === 'error' && s.summary !== null;
}

/**
 * The spike views' playback cursor once `summary` is on screen: a cursor past the new run's last
 * step goes back to its start (one inside it stays, so a re-run after an edit keeps the moment
 * being looked at).
 */
export function cursorForRun(step: number | null, summary: RunSummary | null): number | null {
  return step !== null && summary && step >= summary.steps ? 0 : step;
}

export const createRunSlice: StateCreator<Store, [], [], RunSlice> = (set, get) => ({
  status: 'idle',
  progress: 0,
  error: null,
  errorDetail: null,
  summary: null,
  setRun: (patch) => {
    const base = 'error' in patch && !('errorDetail' in patch) ? { ...patch, errorDetail: null } : patch;
    const step = get().playbackStep;
    const cursor = patch.summary === undefined ? step : cursorForRun(step, patch.summary);
    set(cursor === step ? base : { ...base, playbackStep: cursor });
  },
});
