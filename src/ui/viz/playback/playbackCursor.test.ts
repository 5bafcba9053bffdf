import { scaleLinear } from 'd3-scale';
import { describe, expect, it } from 'vitest';
import type { LayerRecording } from '../../../core/engine/types.ts';
import { clampStep, cursorTime, cursorX, followCursor, spikesAtStep, stepForKey, stepsDue } from './playbackCursor.ts';

const layer = (name: string, times: number[], ids: number[]): LayerRecording => ({
  name,
  kind: 'spiking',
  neurons: 4,
  spikeCount: times.length,
  spikes: [{ neurons: 4, steps: 100, times: Uint32Array.from(times), ids: Uint32Array.from(ids) }],
});

describe('playback cursor', () => {
  it('clampStep keeps a step inside 0 … steps − 1 and rounds it', () => {
    expect(clampStep(-3, 100)).toBe(0);
    expect(clampStep(100, 100)).toBe(99);
    expect(clampStep(41.6, 100)).toBe(42);
    expect(clampStep(5, 0)).toBe(0);
  });

  it('stepForKey steps with ← →, jumps with Home and End, stops at the ends and ignores other keys', () => {
    expect(stepForKey('ArrowRight', 10, 100)).toBe(11);
    expect(stepForKey('ArrowLeft', 10, 100)).toBe(9);
    expect(stepForKey('ArrowLeft', 0, 100)).toBe(0);
    expect(stepForKey('ArrowRight', 99, 100)).toBe(99);
    expect(stepForKey('Home', 50, 100)).toBe(0);
    expect(stepForKey('End', 50, 100)).toBe(99);
    // No cursor yet: → places it on the first step.
    expect(stepForKey('ArrowRight', null, 100)).toBe(0);
    expect(stepForKey('a', 10, 100)).toBeUndefined();
  });

  it('cursorX is the middle of the step’s cell in the renderer’s scale, so zoom moves it with the data', () => {
    // 100 steps on 1000 px: step 10 spans 100 … 110 px, its middle is 105 px.
    expect(cursorX(scaleLinear().domain([0, 100]).range([0, 1000]), 10)).toBe(105);
    // Zoomed to steps 5 … 15 on the same 1000 px: step 10 spans 500 … 600, middle 550.
    expect(cursorX(scaleLinear().domain([5, 15]).range([0, 1000]), 10)).toBe(550);
  });

  it('followCursor leaves the view alone while it shows the cursor or nothing is zoomed', () => {
    const range = [20, 40] as const;
    expect(followCursor(range, 30, 100)).toBe(range);
    expect(followCursor(null, 90, 100)).toBeNull();
  });

  it('followCursor turns a page when the cursor leaves it, keeping the width, inside the run', () => {
    // Width 20, margin min(20/20, 1) = 1: the page starts one step before the cursor.
    expect(followCursor([20, 40], 40, 100, 'page')).toEqual([39, 59]);
    // Leaving on the left: the page ends one step after the cursor's cell (cell 30 … 31, end 32) ...
    expect(followCursor([50, 70], 30, 100, 'page')).toEqual([12, 32]);
    // ... and does not start before the run (cell 9 … 10 would give −9 … 11).
    expect(followCursor([20, 40], 9, 100, 'page')).toEqual([0, 20]);
    // Near the end the page stops at the run's last step.
    expect(followCursor([70, 90], 95, 100, 'page')).toEqual([80, 100]);
  });

  it('followCursor slides the view along when playing with motion: the cursor stays by the right edge', () => {
    // Cursor 40 leaves [20, 40]: the view moves just enough to show its cell and a 1-step margin.
    expect(followCursor([20, 40], 40, 100, 'slide')).toEqual([22, 42]);
    expect(followCursor([22, 42], 42, 100, 'slide')).toEqual([24, 44]);
  });

  it('spikesAtStep counts each layer’s spikes at exactly that step', () => {
    const layers = [layer('in', [0, 3, 3, 3, 7], [0, 1, 2, 3, 0]), layer('lif1', [2, 3, 9], [1, 0, 2]), layer('lif2', [], [])];
    expect(spikesAtStep(layers, 3)).toEqual([
      { layer: 'in', count: 3 },
      { layer: 'lif1', count: 1 },
      { layer: 'lif2', count: 0 },
    ]);
    expect(spikesAtStep(layers, 4).map((c) => c.count)).toEqual([0, 0, 0]);
  });

  it('stepsDue gives the whole steps of the elapsed time and carries the rest', () => {
    // 7 steps/s: a step every 142.86 ms; 500 ms hold 3 of them and 71.43 ms over.
    const due = stepsDue(500, 7);
    expect(due.steps).toBe(3);
    expect(due.restMs).toBeCloseTo(500 - 3000 / 7, 9);
    expect(stepsDue(16, 50)).toEqual({ steps: 0, restMs: 16 });
  });

  it('cursorTime says the time in ms and the step', () => {
    expect(cursorTime(123, 1)).toBe('t = 123 ms, step 123');
    expect(cursorTime(3, 2.7778)).toBe('t = 8.3 ms, step 3');
  });
});
