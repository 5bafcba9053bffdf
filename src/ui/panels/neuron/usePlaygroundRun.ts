import { useMemo } from 'react';
import { runPlayground, type PlaygroundRun } from '../../../core/teach/playgroundRun.ts';
import { useStore } from '../../store/index.ts';

/** The playground's run for the setup in the store, or why it cannot run (recomputed when the setup changes). */
export type RunOrError = { readonly run: PlaygroundRun; readonly error: null } | { readonly run: null; readonly error: string };

/** Runs the playground's setup (pure and fast: at most PLAYGROUND_MAX_STEPS steps) on every change. */
export function usePlaygroundRun(): RunOrError {
  const setup = useStore((s) => s.playground);
  return useMemo(() => {
    try {
      return { run: runPlayground(setup), error: null };
    } catch (err) {
      return { run: null, error: err instanceof Error ? err.message : String(err) };
    }
  }, [setup]);
}

/** The cursor clamped into a run of `steps` steps (a shorter run after an edit keeps it on the last step). */
export function clampCursor(cursor: number | null, steps: number): number | null {
  return cursor === null ? null : Math.max(0, Math.min(steps - 1, cursor));
}
