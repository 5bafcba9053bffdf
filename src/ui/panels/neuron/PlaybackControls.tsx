import { useEffect, useId, useState, type KeyboardEvent } from 'react';
import { displayNumber } from '../../controls/displayNumber.ts';
import type { PlaygroundRun } from '../../../core/teach/playgroundRun.ts';
import { useStore } from '../../store/index.ts';
import { clampCursor } from './usePlaygroundRun.ts';

/** Playback speeds offered, steps per second. */
export const PLAYBACK_SPEEDS = [10, 25, 50, 100] as const;

/**
 * Step back / play-pause / step forward / speed, and the values at the cursor. ← and → step while
 * the group has focus. Playing moves the cursor one step per tick (no smooth animation, so reduced
 * motion changes nothing here); it stops at the end of the run.
 */
export function PlaybackControls({ run }: { run: PlaygroundRun }) {
  const cursor = clampCursor(useStore((s) => s.playgroundCursor), run.steps);
  const setCursor = useStore((s) => s.setPlaygroundCursor);
  const [playing, setPlaying] = useState(false);
  const [speed, setSpeed] = useState<number>(25);
  const speedId = useId();
  const last = run.steps - 1;
  const step = (d: number) => setCursor(Math.max(0, Math.min(last, (cursor ?? (d > 0 ? -1 : 0)) + d)));
  useEffect(() => {
    if (!playing) return;
    const timer = window.setInterval(() => {
      const c = useStore.getState().playgroundCursor;
      const next = c === null ? 0 : c + 1;
      if (next > last) setPlaying(false);
      else useStore.getState().setPlaygroundCursor(next);
    }, 1000 / speed);
    return () => window.clearInterval(timer);
  }, [playing, speed, last]);
  const toggle = () => {
    if (!playing && (cursor === null || cursor >= last)) setCursor(0);
    setPlaying(!playing);
  };
  const onKey = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.target instanceof HTMLSelectElement || (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight')) return;
    e.preventDefault();
    step(e.key === 'ArrowRight' ? 1 : -1);
  };
  const v = (a: Float32Array | undefined) => (cursor === null || !a ? '—' : displayNumber(Number((a[cursor] as number).toPrecision(4))));
  return (
    <div className="pg-playback" role="group" aria-label="Playback: ← and → step" data-lesson-control="pg-playback" onKeyDown={onKey}>
      <button type="button" data-testid="pg-step-back" aria-label="Step back" onClick={() => step(-1)} disabled={cursor === 0}>
        ◀︎
      </button>
      <button type="button" data-testid="pg-play" aria-pressed={playing} onClick={toggle}>
        {playing ? 'Pause' : 'Play'}
      </button>
      <button type="button" data-testid="pg-step-forward" aria-label="Step forward" onClick={() => step(1)} disabled={cursor === last}>
        ▶︎
      </button>
      <label htmlFor={speedId} className="hint">
        speed
      </label>
      <select id={speedId} data-testid="pg-speed" value={speed} onChange={(e) => setSpeed(Number(e.target.value))}>
        {PLAYBACK_SPEEDS.map((s) => (
          <option key={s} value={s}>
            {s} steps/s
          </option>
        ))}
      </select>
      <output className="pg-readout" data-testid="pg-cursor-readout" aria-live="off">
        t = {cursor === null ? '—' : `${displayNumber(Number((cursor * run.dtMs).toFixed(3)))} ms`} · I = {v(run.first.input)} · v = {v(run.first.membrane)}
        {run.second ? ` · v₂ = ${v(run.second.membrane)}` : ''}
      </output>
    </div>
  );
}
