import { useRef } from 'react';
import { runArtifacts } from '../../runController.ts';
import { useStore } from '../../store/index.ts';
import { imageCsv } from '../export/inputTables.ts';
import { PanelExport } from '../export/PanelExport.tsx';
import { useCanvasFrame } from '../useCanvasFrame.ts';

/** The image being encoded, grey levels, scaled up without smoothing. */
export function ImageView() {
  const summary = useStore((s) => s.summary);
  const data = useStore((s) => s.workspace?.data);
  const reply = summary ? runArtifacts.get(summary.artifactId) : undefined;
  const img = reply?.source.kind === 'image' ? reply.source : undefined;
  const canvas = useRef<HTMLCanvasElement>(null);
  const panel = useRef<HTMLElement>(null);
  useCanvasFrame(
    canvas,
    112,
    112,
    (ctx) => {
      if (!img) return;
      const { width: W, height: H } = ctx.canvas;
      const image = ctx.createImageData(W, H);
      for (let y = 0; y < H; y++)
        for (let x = 0; x < W; x++) {
          const v = Math.round(255 * (img.pixels[Math.floor((y * img.height) / H) * img.width + Math.floor((x * img.width) / W)] ?? 0));
          image.data.set([v, v, v, 255], (y * W + x) * 4);
        }
      ctx.putImageData(image, 0, 0);
    },
    [img],
  );
  if (!img) return null;
  return (
    <section className="panel trace-panel has-export" aria-label="Input image" ref={panel}>
      <PanelExport plot="image" panel={panel} csv={() => imageCsv(img)} />
      <h2>
        Input: image {data?.kind === 'image-file' ? data.index : ''} ({img.width}×{img.height}, held for {reply?.result.steps} steps)
      </h2>
      <canvas ref={canvas} data-testid="image-view" style={{ width: 112, height: 112 }} />
    </section>
  );
}
