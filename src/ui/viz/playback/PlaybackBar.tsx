import { useEffect, useId, useMemo, useState } from 'react';
import { runArtifacts } from '../../runController.ts';
import { useStore } from '../../store/index.ts';
import { layerColour } from '../layerPalette.ts';
import { moveCursor } from './playbackController.ts';
import { cursorTime, DEFAULT_SPEED, PLAYBACK_SPEEDS, spikesAtStep, stepForKey } from './playbackCursor.ts';
import { usePlayClock, usePrefersReducedMotion } from './usePlayClock.ts';
import './playback.css';

/**
 * The spike views' playback bar: step back and forward, play or pause at a chosen speed (steps per
 * second), a scrubber over the run's steps, the time at the cursor and each layer's spikes there.
 * The cursor is viewSlice.playbackStep, which the signal, raster and trace renderers draw as one
 * line. With focus anywhere in the bar, ← → step, Home and End jump to the ends, Space plays or
 * pauses. Playing stops at the last step; a zoomed view slides along with the cursor (turns pages
 * under prefers-reduced-motion).
 */
export function PlaybackBar() {
  const summary = useStore((s) => s.summary);
  const step = useStore((s) => s.playbackStep);
  const reply = summary ? runArtifacts.get(summary.artifactId) : undefined;
  const steps = reply?.result.steps ?? 0;
  const dtMs = reply?.result.dtMs ?? 1;
  const layers = reply?.result.layers;
  const [playing, setPlaying] = useState(false);
  const [speed, setSpeed] = useState<number>(DEFAULT_SPEED);
  const reduced = usePrefersReducedMotion();
  const follow = reduced ? 'page' : 'slide';
  const scrubberId = useId();
  const at = step === null ? null : Math.min(step, Math.max(0, steps - 1));
  const counts = useMemo(() => (layers && at !== null ? spikesAtStep(layers, at) : []), [layers, at]);
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
      <select data-testid="playback-speed" aria-label="playback speed" value={speed} disabled={disabled} onChange={(e) => setSpeed(Number(e.target.value))}>
        {PLAYBACK_SPEEDS.map((v) => (
          <option key={v} value={v}>
            {v} step{v === 1 ? '' : 's'}/s
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
        {disabled ? 'no run yet' : at === null ? 'press ▸ or ▶ to place the cursor' : cursorTime(at, dtMs)}
      </span>
      <ul className="playback-spikes" data-testid="playback-spikes" aria-label="spikes at the cursor" aria-live={playing ? 'off' : 'polite'}>
        {counts.map((c, i) => (
          <li key={c.layer} data-layer={c.layer} data-count={c.count}>
            <span className="legend-swatch" style={{ color: layerColour(i) }} aria-hidden="true">
              ■
            </span>
            {c.layer}: {c.count} spike{c.count === 1 ? '' : 's'}
          </li>
        ))}
      </ul>
    </div>
  );
}
