import { beforeEach, describe, expect, it } from 'vitest';
import { useStore } from '../../store/index.ts';
import type { RunSummary } from '../../store/runSlice.ts';
import { moveCursor } from './playbackController.ts';

const summary = (steps: number): RunSummary => ({
  artifactId: `run-${steps}`,
  engine: { name: 'events', backend: 'typed-arrays', reason: 'test' },
  elapsedMs: 0,
  steps,
  dtMs: 1,
  layers: [],
  totalSpikes: 0,
});

describe('playback controller', () => {
  beforeEach(() => useStore.setState(useStore.getInitialState(), true));

  it('moveCursor sets the one cursor, held inside the run', () => {
    expect(moveCursor(120, 100)).toBe(99);
    expect(useStore.getState().playbackStep).toBe(99);
    expect(moveCursor(-4, 100)).toBe(0);
    expect(useStore.getState().playbackStep).toBe(0);
  });

  it('moveCursor moves a zoomed view that no longer shows the cursor, and leaves an unzoomed one alone', () => {
    moveCursor(500, 1000);
    expect(useStore.getState().timeRange).toBeNull();
    useStore.getState().setTimeRange([100, 200]);
    moveCursor(150, 1000);
    expect(useStore.getState().timeRange).toEqual([100, 200]);
    moveCursor(200, 1000, 'page');
    expect(useStore.getState().timeRange).toEqual([199, 299]);
  });

  it('a new run puts a cursor beyond its last step back to the start and keeps one inside it', () => {
    useStore.getState().setPlaybackStep(700);
    useStore.getState().setRun({ status: 'done', summary: summary(1000) });
    expect(useStore.getState().playbackStep).toBe(700);
    useStore.getState().setRun({ status: 'done', summary: summary(500) });
    expect(useStore.getState().playbackStep).toBe(0);
    // A patch without a summary (progress, status) leaves the cursor alone.
    useStore.getState().setPlaybackStep(400);
    useStore.getState().setRun({ status: 'running', progress: 0.5 });
    expect(useStore.getState().playbackStep).toBe(400);
  });
});
