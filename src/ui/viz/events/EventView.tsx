import { useEffect, useRef, useState } from 'react';
import { runArtifacts } from '../../runController.ts';
import { useStore } from '../../store/index.ts';
import { useCanvasFrame } from '../useCanvasFrame.ts';
import { drawEventFrame } from './drawEventFrame.ts';

/** Event-camera input: an animated frame of the events in a sliding window, with a time scrubber. */
export function EventView() {
  const summary = useStore((s) => s.summary);
  const reply = summary ? runArtifacts.get(summary.artifactId) : undefined;
  const events = reply?.source.kind === 'events' ? reply.source.events : undefined;
  const canvas = useRef<HTMLCanvasElement>(null);
  const [windowUs, setWindowUs] = useState(10_000);
  const [playing, setPlaying] = useState(false);
  const t0 = events?.t[0] ?? 0;
  const span = events && events.t.length > 0 ? (events.t[events.t.length - 1] as number) - t0 : 0;
  const [at, setAt] = useState(0);
  useEffect(() => setAt(0), [events]);
  useEffect(() => {
    if (!playing) return;
    let frame = requestAnimationFrame(function tick() {
      setAt((a) => (a + windowUs / 4 > span ? 0 : a + windowUs / 4));
      frame = requestAnimationFrame(tick);
    });
    return () => cancelAnimationFrame(frame);
  }, [playing, span, windowUs]);
  const size = 120;
  useCanvasFrame(
    canvas,
    size,
    size,
    (ctx) => {
      if (!events) return;
      const image = ctx.createImageData(ctx.canvas.width, ctx.canvas.height);
      const n = drawEventFrame(image, events, t0 + at, windowUs);
      ctx.putImageData(image, 0, 0);
      ctx.canvas.dataset['eventsInFrame'] = String(n);
    },
    [events, at, windowUs, t0],
  );
  if (!events) return null;
  return (
    <section className="panel trace-panel" aria-label="Event camera input">
      <h2>
        Input: {events.file.replace(/^.*[\\/]/, '')} — {events.t.length} events, {events.width}×{events.height}
      </h2>
      <div className="event-view" data-testid="event-view" data-events={events.t.length}>
        <canvas ref={canvas} data-testid="event-canvas" style={{ width: size, height: size }} />
        <div className="event-controls">
          <button type="button" onClick={() => setPlaying((p) => !p)}>
            {playing ? 'Pause' : 'Play'}
          </button>
          <label>
            t = {(at / 1000).toFixed(1)} ms
            <input type="range" min={0} max={Math.max(0, span)} step={windowUs / 4} value={at} onChange={(e) => setAt(Number(e.target.value))} aria-label="time in the recording" />
          </label>
          <label>
            window
            <select value={windowUs} onChange={(e) => setWindowUs(Number(e.target.value))}>
              {[1000, 5000, 10_000, 30_000, 100_000].map((w) => (
                <option key={w} value={w}>
                  {w / 1000} ms
                </option>
              ))}
            </select>
          </label>
        </div>
      </div>
    </section>
  );
}
