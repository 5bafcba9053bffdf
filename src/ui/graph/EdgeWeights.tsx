import { useEffect, useMemo, useRef } from 'react';
import type { DraftEdge } from '../../core/network/graphDraft.ts';
import { initWeights, type LayerWeights } from '../../core/network/weights.ts';
import { currentWeights } from '../runController.ts';
import { useStore } from '../store/index.ts';

/** Largest heat map drawn, in cells per side: bigger matrices are shown by their top-left block. */
const MAX_CELLS = 128;

/** Diverging colour of a weight relative to the largest magnitude: blue negative, white 0, vermillion positive (colour-blind safe ends). */
function colour(w: number, scale: number): [number, number, number] {
  const t = scale > 0 ? Math.max(-1, Math.min(1, w / scale)) : 0;
  const [r, g, b] = t >= 0 ? [213, 94, 0] : [0, 114, 178];
  const a = Math.abs(t);
  return [Math.round(255 + (r - 255) * a), Math.round(255 + (g - 255) * a), Math.round(255 + (b - 255) * a)];
}

/** Rows × columns of the picture: [in, out] for a dense matrix; kernels side by side ([kh·cIn, kw·filters]) for a convolution. */
function picture(w: LayerWeights): { rows: number; cols: number; at: (r: number, c: number) => number } {
  if (w.shape.length === 4) {
    const [kh = 1, kw = 1, cin = 1, f = 1] = w.shape;
    return { rows: kh * cin, cols: kw * f, at: (r, c) => w.values[(((r % kh) * kw + (c % kw)) * cin + Math.floor(r / kh)) * f + Math.floor(c / kw)] ?? 0 };
  }
  const [rows = 1, cols = 1] = w.shape;
  return { rows, cols, at: (r, c) => w.values[r * cols + c] ?? 0 };
}

/**
 * The weights an edge feeds through, as a heat map: the weighted node it enters (dense: inputs
 * down, units across; convolution: each kernel a small image). Trained weights when the workspace
 * has them, else the seeded initial ones.
 */
export function EdgeWeights({ edge }: { edge: DraftEdge }) {
  const workspace = useStore((s) => s.workspace);
  const weightsId = useStore((s) => s.weightsId);
  const canvas = useRef<HTMLCanvasElement>(null);
  const found = useMemo(() => {
    if (!workspace) return undefined;
    const target = workspace.network.layers.find((l) => l.name === edge.to);
    if (!target || (target.kind !== 'dense' && target.kind !== 'conv2d')) return undefined;
    const trained = currentWeights(useStore, workspace);
    const w = (trained ?? initWeights(workspace.network, workspace.seed))[edge.to];
    return w ? { w, trained: trained !== undefined } : undefined;
    // weightsId: trained weights arriving change what is drawn.
  }, [workspace, edge.to, weightsId]);
  useEffect(() => {
    const c = canvas.current;
    if (!c || !found) return;
    const p = picture(found.w);
    const rows = Math.min(p.rows, MAX_CELLS);
    const cols = Math.min(p.cols, MAX_CELLS);
    c.width = cols;
    c.height = rows;
    const ctx = c.getContext('2d');
    if (!ctx) return;
    let scale = 0;
    for (const v of found.w.values) scale = Math.max(scale, Math.abs(v));
    const img = ctx.createImageData(cols, rows);
    for (let r = 0; r < rows; r++) {
      for (let k = 0; k < cols; k++) {
        const [R, G, B] = colour(p.at(r, k), scale);
        const o = (r * cols + k) * 4;
        img.data[o] = R;
        img.data[o + 1] = G;
        img.data[o + 2] = B;
        img.data[o + 3] = 255;
      }
    }
    ctx.putImageData(img, 0, 0);
  }, [found]);
  if (!found) return <p className="hint">'{edge.to}' has no weights: this edge passes values on unweighted{edge.recurrent ? ', a step late' : ''}.</p>;
  const p = picture(found.w);
  const clipped = p.rows > MAX_CELLS || p.cols > MAX_CELLS;
  return (
    <figure className="edge-weights" data-testid="edge-weights">
      <canvas ref={canvas} className="edge-weights-canvas" aria-label={`heat map of the ${found.w.shape.join('×')} weights of ${edge.to}`} />
      <figcaption className="hint">
        {found.trained ? 'trained' : 'initial (seeded)'} weights of '{edge.to}', {found.w.shape.join('×')}
        {found.w.shape.length === 4 ? ' (each kernel a small image, input channels down, filters across)' : ' (inputs down, units across)'}; blue negative, orange positive
        {clipped ? `; the first ${MAX_CELLS}×${MAX_CELLS} shown` : ''}
      </figcaption>
    </figure>
  );
}
