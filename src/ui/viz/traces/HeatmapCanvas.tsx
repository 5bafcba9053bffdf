import { useRef } from 'react';
import { useStore } from '../../store/index.ts';
import { useCanvasFrame } from '../useCanvasFrame.ts';
import { drawCursor, markCursor } from '../playback/drawCursor.ts';

/** Five stops of a perceptually ordered dark-to-bright colour map (viridis-like). */
const STOPS = [
  [68, 1, 84],
  [59, 82, 139],
  [33, 145, 140],
  [94, 201, 98],
  [253, 231, 37],
] as const;

/** Colour of t ∈ [0, 1] as ABGR for a little-endian Uint32 view of RGBA bytes. */
export function colormap(t: number): number {
  const x = Math.min(1, Math.max(0, t)) * (STOPS.length - 1);
  const i = Math.min(STOPS.length - 2, Math.floor(x));
  const f = x - i;
  const a = STOPS[i] ?? STOPS[0];
  const b = STOPS[i + 1] ?? STOPS[0];
  const c = (k: 0 | 1 | 2) => Math.round(a[k] + (b[k] - a[k]) * f);
  return (0xff << 24) | (c(2) << 16) | (c(1) << 8) | c(0);
}

/** A spectrogram-like heat map of an interleaved [time × channels] array, low channels at the bottom, with the playback cursor. */
export function HeatmapCanvas({ values, channels, testId }: { values: Float32Array; channels: number; testId: string }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const timeRange = useStore((s) => s.timeRange);
  const step = useStore((s) => s.playbackStep);
  const steps = values.length / channels;
  useCanvasFrame(
    canvas,
    600,
    90,
    (ctx) => {
      const { width: W, height: H } = ctx.canvas;
      const image = ctx.createImageData(W, H);
      const px = new Uint32Array(image.data.buffer);
      let lo = Infinity;
      let hi = -Infinity;
      for (const v of values) {
        if (v < lo) lo = v;
        if (v > hi) hi = v;
      }
      const [a, b] = timeRange ?? [0, steps];
      for (let x = 0; x < W; x++) {
        const t = Math.min(steps - 1, Math.max(0, Math.floor(a + ((b - a) * x) / W)));
        for (let y = 0; y < H; y++) {
          const c = Math.min(channels - 1, Math.floor(((H - 1 - y) * channels) / H));
          px[y * W + x] = colormap(((values[t * channels + c] as number) - lo) / (hi - lo || 1));
        }
      }
      ctx.putImageData(image, 0, 0);
      // Column x shows step a + (b − a)·x/W, so a step's middle sits at (step + 0.5 − a)/(b − a) of the width;
      // the backing store is stretched to the canvas's CSS width, W / cssW backing pixels per CSS pixel.
      const cssW = ctx.canvas.getBoundingClientRect().width || W;
      const cx = step === null ? null : ((step + 0.5 - a) / (b - a || 1)) * cssW;
      const drawnAt = cx === null ? null : drawCursor(ctx, cx, W / cssW);
      markCursor(ctx.canvas, step, drawnAt === null ? null : cx);
    },
    [values, channels, timeRange, step],
  );
  return <canvas ref={canvas} data-testid={testId} className="heatmap" style={{ width: '100%', height: 90 }} />;
}
