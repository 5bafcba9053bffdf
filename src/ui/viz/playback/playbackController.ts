import { useStore } from '../../store/index.ts';
import { clampStep, followCursor, type FollowMode } from './playbackCursor.ts';

/**
 * Moves the spike views' cursor (viewSlice.playbackStep) to `step`, held inside the run's `steps`,
 * and moves a zoomed view that no longer shows it (followCursor: sliding along, or a page at a
 * time under prefers-reduced-motion). Returns the step set.
 */
export function moveCursor(step: number, steps: number, follow: FollowMode = 'page'): number {
  const to = clampStep(step, steps);
  const s = useStore.getState();
  s.setPlaybackStep(to);
  const range = followCursor(s.timeRange, to, steps, follow);
  if (range !== s.timeRange) s.setTimeRange(range);
  return to;
}
