import { useEffect, useId, useMemo, useState } from 'react';
import type { LayerRecording } from '../../../core/engine/types.ts';
import { useStore } from '../../store/index.ts';
import type { RasterBand } from '../raster/rasterGeometry.ts';
import { moveCursor } from './playbackController.ts';
import { cursorTime, DEFAULT_SPEED, PLAYBACK_SPEEDS, spikesAtStep, stepForKey } from './playbackCursor.ts';
import { usePlayClock, usePrefersReducedMotion } from './usePlayClock.ts';
import './playback.css';

/** What the bar plays: the run on screen (no run: 0 steps) and the raster's bands, whose colours key the per-layer counts. */
interface Props {
  readonly layers: readonly LayerRecording[];
  readonly bands: readonly Pick<RasterBand, 'layer' | 'color'>[];
  readonly steps: number;
  readonly dtMs: number;
}

/**
 * The spike views' playback bar, in the raster's title line: step back and forward, play or pause
 * at a chosen speed (steps per second), a scrubber over the run's steps, the time at the cursor,
 * and each layer's spikes there — the list doubles as the raster's legend (colour swatch, name, and
 * the count once there is a cursor), so the raster keeps its height. The cursor is
 * viewSlice.playbackStep, which the signal, raster and trace renderers draw as one line. With focus
 * anywhere in the bar, ← → step, Home and End jump to the ends, Space plays or pauses. Playing
 * stops at the last step; a zoomed view slides along with the cursor (turns pages under
 * prefers-reduced-motion).
 */
export function PlaybackBar({ layers, bands, steps, dtMs }: Props) {
  const step = useStore((s) => s.playbackStep);
  const [playing, setPlaying] = useState(false);
  const [speed, setSpeed] = useState<number>(DEFAULT_SPEED);
  const reduced = usePrefersReducedMotion();
  const follow = reduced ? 'page' : 'slide';
  const scrubberId = useId();
  const at = step === null ? null : Math.min(step, Math.max(0, steps - 1));
  const counts = useMemo(() => (at !== null ? spikesAtStep(layers, at) : []), [layers, at]);
  const go = (to: number) => moveCursor(to, steps, follow);

  // No run, or a run that ended here: nothing left to play.
  useEffect(() => {
    if (steps === 0) setPlaying(false);
  }, [steps]);
  usePlayClock(playing && steps > 0, speed, (n) => {
    const now = useStore.getState().playbackStep ?? 0;
    const to = go(now + n);
    if (to >= steps - 1) setPlaying(false);
  });

  const togglePlay = () => {
    if (playing) return setPlaying(false);
    // Play from the start when there is no cursor yet or it stands at the end.
    if (step === null || step >= steps - 1) go(0);
    setPlaying(true);
  };
  const onKey = (ev: React.KeyboardEvent) => {
    // The speed menu keeps its own keys (arrows choose a speed, Space opens it).
    if (ev.target instanceof HTMLSelectElement || steps === 0) return;
    if (ev.key === ' ') {
      togglePlay();
      ev.preventDefault();
      return;
    }
    const to = stepForKey(ev.key, step, steps);
    if (to === undefined) return;
    go(to);
    ev.preventDefault();
  };

  const disabled = steps === 0;
  return (
    <div
      className="playback-bar"
      role="group"
      aria-label="Playback: ← → step, Space plays or pauses, Home and End jump to the ends"
      aria-keyshortcuts="ArrowLeft ArrowRight Space Home End"
      data-lesson-control="playback"
      data-testid="playback"
      data-playing={playing}
      data-reduced-motion={reduced}
      tabIndex={-1}
      onKeyDown={onKey}
    >
      <button type="button" data-testid="playback-back" aria-label="step back" title="step back (←)" disabled={disabled} onClick={() => go((step ?? 0) - 1)}>
        ◂
      </button>
      <button type="button" data-testid="playback-play" aria-label={playing ? 'pause' : 'play'} aria-pressed={playing} title="play or pause (Space)" disabled={disabled} onClick={togglePlay}>
        {playing ? '❚❚' : '▶'}
      </button>
      <button type="button" data-testid="playback-forward" aria-label="step forward" title="step forward (→)" disabled={disabled} onClick={() => go(step === null ? 0 : step + 1)}>
        ▸
      </button>
      <select data-testid="playback-speed" aria-label="playback speed in steps per second" value={speed} disabled={disabled} onChange={(e) => setSpeed(Number(e.target.value))}>
        {PLAYBACK_SPEEDS.map((v) => (
          <option key={v} value={v}>
            {v}/s
          </option>
        ))}
      </select>
      <label className="playback-scrub" htmlFor={scrubberId}>
        <span className="visually-hidden">time step</span>
        <input
          id={scrubberId}
          type="range"
          data-testid="playback-scrubber"
          min={0}
          max={Math.max(0, steps - 1)}
          step={1}
          value={at ?? 0}
          disabled={disabled}
          aria-valuetext={at === null ? 'no cursor' : cursorTime(at, dtMs)}
          onChange={(e) => go(Number(e.target.value))}
        />
      </label>
      <span className="playback-time" data-testid="playback-time" data-step={at ?? ''} aria-live={playing ? 'off' : 'polite'}>
        {disabled ? 'no run yet' : at === null ? 'step ▸ or play ▶' : cursorTime(at, dtMs)}
      </span>
      <ul className="legend playback-spikes" data-testid="playback-spikes" aria-label={at === null ? 'layers' : 'spikes at the cursor, per layer'} aria-live={playing ? 'off' : 'polite'}>
        {bands.map((b, i) => {
          const count = at === null ? undefined : counts[i]?.count;
          const said = count === undefined ? b.layer : `${b.layer}: ${count} spike${count === 1 ? '' : 's'}`;
          return (
            <li key={b.layer} data-layer={b.layer} data-count={count} data-colour={b.color} title={said} aria-label={said}>
              {/* The swatch carries the colour; the text stays in the text colour (AA contrast for any layer colour). */}
              <span className="legend-swatch" style={{ color: b.color }} aria-hidden="true">
                ■
              </span>{' '}
              {b.layer}
              {count === undefined ? null : <span className="playback-count">: {count}</span>}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
