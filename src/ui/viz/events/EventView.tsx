import { useEffect, useRef, useState } from 'react';
import { eventsCsv } from '../export/inputTables.ts';
import { PanelExport } from '../export/PanelExport.tsx';
import { runArtifacts } from '../../runController.ts';
import { useStore } from '../../store/index.ts';
import { useCanvasFrame } from '../useCanvasFrame.ts';
import { useSize } from '../useSize.ts';
import { drawEventFrame } from './drawEventFrame.ts';

/** Side of the event frame in CSS px: never smaller than a readable 32×32 thumbnail, nor larger than the panel needs. */
const MIN_FRAME_PX = 48;
const MAX_FRAME_PX = 160;
/** Before the panel is measured. */
const DEFAULT_FRAME_PX = 120;

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
  // The frame is as tall as its panel leaves it (100 px rows on a short screen cut a fixed 120 px
  // frame in half), within [MIN_FRAME_PX, MAX_FRAME_PX].
  const frameBox = useRef<HTMLDivElement>(null);
  const panel = useRef<HTMLElement>(null);
  const { height } = useSize(frameBox);
  const size = height > 0 ? Math.min(MAX_FRAME_PX, Math.max(MIN_FRAME_PX, height - 2)) : DEFAULT_FRAME_PX;
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
    <section className="panel trace-panel has-export" aria-label="Event camera input" ref={panel}>
      <PanelExport plot="events" panel={panel} title={`Input events: ${events.file.replace(/^.*[\\/]/, '')}, ${(windowUs / 1000).toString()} ms from t = ${(at / 1000).toFixed(1)} ms`} csv={() => eventsCsv(events)} />
      <h2>
        Input: {events.file.replace(/^.*[\\/]/, '')} — {events.t.length} events, {events.width}×{events.height}
      </h2>
      <div ref={frameBox} className="event-view" data-testid="event-view" data-events={events.t.length}>
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
