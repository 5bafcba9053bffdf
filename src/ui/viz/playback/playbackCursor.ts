import { firstSpikeAtOrAfter } from '../../../core/engine/recording.ts';
import type { LayerRecording } from '../../../core/engine/types.ts';
import type { LinearMap } from '../raster/rasterGeometry.ts';

/** The playback speeds offered, in steps per second (one step a second lets a class read every spike). */
export const PLAYBACK_SPEEDS = [1, 2, 5, 10, 25, 50, 100, 250, 500, 1000] as const;
/** The speed a bar starts at: 50 steps/s crosses a 1,000-step run in 20 s. */
export const DEFAULT_SPEED = 50;

/** `step` held inside the run's steps 0 … steps − 1 (0 for an empty run). */
export function clampStep(step: number, steps: number): number {
  return Math.max(0, Math.min(Math.max(0, steps - 1), Math.round(step)));
}

/** Where a key moves the cursor (← → one step, Home and End the run's ends), or undefined for other keys. No cursor yet counts as step 0. */
export function stepForKey(key: string, step: number | null, steps: number): number | undefined {
  const at = step ?? 0;
  const to = key === 'ArrowLeft' ? at - 1 : key === 'ArrowRight' ? (step === null ? 0 : at + 1) : key === 'Home' ? 0 : key === 'End' ? steps - 1 : undefined;
  return to === undefined ? undefined : clampStep(to, steps);
}

/**
 * The cursor's x in a renderer's scale: the middle of the step's cell (the raster paints step t
 * from x(t) to x(t + 1), the traces put sample t at x(t + 0.5)), so the line crosses the spikes of
 * that step in every view.
 */
export function cursorX(x: LinearMap, step: number): number {
  return x(step + 0.5);
}

/**
 * How a zoomed view follows a cursor that leaves it: 'slide' keeps the cursor at the view's edge
 * as it moves on (the view scrolls along with playback), 'page' turns to the page the cursor moved
 * into (one jump per page, for prefers-reduced-motion).
 */
export type FollowMode = 'slide' | 'page';

/**
 * The visible step range that shows `step`: unchanged (the same value) when the cursor is inside
 * it or nothing is zoomed; else the same width moved to the cursor (see FollowMode), inside the
 * run. The view follows rather than showing the cursor pinned at the edge: a line at the edge
 * would read as a time it is not.
 */
export function followCursor(range: readonly [number, number] | null, step: number, steps: number, mode: FollowMode = 'page'): readonly [number, number] | null {
  if (!range) return range;
  const [a, b] = range;
  const mid = step + 0.5;
  if (mid >= a && mid <= b) return range;
  const w = b - a;
  // The cursor's cell stays whole inside the view, a twentieth of it (at most one step) from the edge.
  const margin = Math.min(w / 20, 1);
  const right = mid > b;
  let from = mode === 'slide' ? (right ? step + 1 + margin - w : step - margin) : right ? step - margin : step + 1 + margin - w;
  from = Math.max(0, Math.min(steps - w, from));
  return [from, from + w];
}

/** Spikes of one layer at the cursor's step (sample 0, what the raster shows). */
export interface LayerSpikesAt {
  readonly layer: string;
  readonly count: number;
}

/** How many spikes each layer fired at `step` (binary search in each time-sorted train). */
export function spikesAtStep(layers: readonly LayerRecording[], step: number): LayerSpikesAt[] {
  return layers.map((l) => {
    const train = l.spikes[0];
    if (!train) return { layer: l.name, count: 0 };
    let k = firstSpikeAtOrAfter(train, step);
    let count = 0;
    while (k < train.times.length && train.times[k] === step) {
      count++;
      k++;
    }
    return { layer: l.name, count };
  });
}

/** Whole steps due after `elapsedMs` at `speed` steps per second, and the milliseconds carried to the next frame. */
export function stepsDue(elapsedMs: number, speed: number): { steps: number; restMs: number } {
  const perStep = 1000 / speed;
  const steps = Math.floor(elapsedMs / perStep);
  return { steps, restMs: elapsedMs - steps * perStep };
}

/** The time at a step as the bar says it: 't = 123 ms, step 123' (ms to 0.1 when dt is not whole). */
export function cursorTime(step: number, dtMs: number): string {
  return `t = ${Number((step * dtMs).toFixed(1))} ms, step ${step}`;
}
