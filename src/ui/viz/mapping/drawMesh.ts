import type { CoreColouring } from './coreColours.ts';
import type { MeshLayout } from './meshLayout.ts';
import { ARC_STRIDE, type ArcGeometry } from './trafficArcs.ts';

/** The part of CanvasRenderingContext2D the mesh drawing uses (a recording fake stands in for it in tests). */
export type MeshContext = Pick<
  CanvasRenderingContext2D,
  'fillStyle' | 'strokeStyle' | 'lineWidth' | 'globalAlpha' | 'font' | 'textBaseline' | 'fillRect' | 'strokeRect' | 'beginPath' | 'moveTo' | 'quadraticCurveTo' | 'stroke' | 'fillText' | 'arc' | 'fill'
>;

/** Slots grouped by colour (counting sort), so a frame sets each fill style once. */
export interface ColourBatches {
  readonly order: Int32Array;
  /** order[starts[p] … starts[p + 1]) are the slots of palette colour p. */
  readonly starts: Int32Array;
}

/** Groups the slots of a colouring by palette entry. */
export function colourBatches(colouring: CoreColouring): ColourBatches {
  const n = colouring.palette.length;
  const starts = new Int32Array(n + 1);
  for (const p of colouring.index) starts[p + 1]! += 1;
  for (let p = 0; p < n; p++) starts[p + 1]! += starts[p] as number;
  const next = starts.slice(0, n);
  const order = new Int32Array(colouring.index.length);
  colouring.index.forEach((p, slot) => (order[next[p]!++] = slot));
  return { order, starts };
}

/** Above this many slots (a system of hundreds of chips) unused cores are drawn as one block per chip. */
export const MANY_SLOTS = 16384;

/**
 * Fills every core rectangle in its colour: one fill style per palette entry, no allocation in
 * the loop. Returns the number of core rectangles drawn.
 */
export function drawCores(ctx: MeshContext, layout: MeshLayout, colouring: CoreColouring, batches: ColourBatches): number {
  const { rects } = layout;
  let drawn = 0;
  const blocks = layout.slots > MANY_SLOTS;
  if (blocks) {
    ctx.fillStyle = colouring.palette[0] as string;
    const w = layout.meshW * layout.pitch;
    const h = layout.meshH * layout.pitch;
    for (let c = 0; c < layout.chips; c++)
      ctx.fillRect(layout.originX + (c % layout.chipsW) * (w + layout.chipGap), layout.originY + Math.floor(c / layout.chipsW) * (h + layout.chipGap), w, h);
  }
  for (let p = blocks ? 1 : 0; p < colouring.palette.length; p++) {
    const a = batches.starts[p] as number;
    const b = batches.starts[p + 1] as number;
    if (a === b) continue;
    ctx.fillStyle = colouring.palette[p] as string;
    for (let i = a; i < b; i++) {
      const s = 4 * (batches.order[i] as number);
      ctx.fillRect(rects[s] as number, rects[s + 1] as number, rects[s + 2] as number, rects[s + 3] as number);
      drawn++;
    }
  }
  return drawn;
}

/** Outlines each chip of a multi-chip system, so chip borders (and their costly links) are visible. */
export function drawChipOutlines(ctx: MeshContext, layout: MeshLayout): void {
  if (layout.chips < 2) return;
  ctx.strokeStyle = '#8a94a0';
  ctx.lineWidth = 1;
  const w = layout.meshW * layout.pitch;
  const h = layout.meshH * layout.pitch;
  for (let c = 0; c < layout.chips; c++) {
    const x = layout.originX + (c % layout.chipsW) * (w + layout.chipGap);
    const y = layout.originY + Math.floor(c / layout.chipsW) * (h + layout.chipGap);
    ctx.strokeRect(x - 1, y - 1, w + 2, h + 2);
  }
}

/** Strokes the precomputed traffic arcs and marks the host. */
export function drawTraffic(ctx: MeshContext, layout: MeshLayout, arcs: ArcGeometry): void {
  ctx.globalAlpha = 0.55;
  ctx.strokeStyle = '#c0392b';
  const d = arcs.data;
  for (let i = 0; i < arcs.count; i++) {
    const o = i * ARC_STRIDE;
    ctx.lineWidth = d[o + 6] as number;
    ctx.beginPath();
    ctx.moveTo(d[o] as number, d[o + 1] as number);
    ctx.quadraticCurveTo(d[o + 2] as number, d[o + 3] as number, d[o + 4] as number, d[o + 5] as number);
    ctx.stroke();
  }
  ctx.globalAlpha = 1;
  ctx.fillStyle = '#333';
  ctx.beginPath();
  ctx.arc(layout.hostX, layout.hostY, 4, 0, 2 * Math.PI);
  ctx.fill();
  ctx.font = '10px system-ui, sans-serif';
  ctx.textBaseline = 'middle';
  ctx.fillText('host', Math.max(0, layout.hostX - 24), layout.hostY + 11);
}
