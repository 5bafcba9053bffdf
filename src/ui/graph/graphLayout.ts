import { Graph, layout } from '@dagrejs/dagre';
import type { GraphDraft } from '../../core/network/graphDraft.ts';
import type { CanvasPoint } from '../store/graphSlice.ts';

/** The size every node is drawn at (the layout spaces them by it). */
export const NODE_WIDTH = 150;
export const NODE_HEIGHT = 66;

/** The user's positions over the automatic ones (cheap: a drag changes only this, not the layout). */
export function withPlaced(auto: Readonly<Record<string, CanvasPoint>>, placed: Readonly<Record<string, CanvasPoint>>): Record<string, CanvasPoint> {
  const out: Record<string, CanvasPoint> = { ...auto };
  for (const name of Object.keys(auto)) {
    const user = placed[name];
    if (user) out[name] = user;
  }
  return out;
}

/**
 * Positions of a draft's nodes, left to right in the direction data flows, by a layered layout
 * (dagre). Recurrent edges are left out of the layering: they point back by design, and letting
 * them pull ranks would put a loop's source before its target. Positions are top-left corners;
 * `withPlaced` puts the nodes the user moved where they were left.
 */
export function autoLayout(draft: GraphDraft): Record<string, CanvasPoint> {
  const g = new Graph();
  g.setGraph({ rankdir: 'LR', nodesep: 28, ranksep: 46, marginx: 12, marginy: 12 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const n of draft.nodes) g.setNode(n.name, { width: NODE_WIDTH, height: NODE_HEIGHT });
  for (const e of draft.edges) if (!e.recurrent && e.from !== e.to && g.hasNode(e.from) && g.hasNode(e.to)) g.setEdge(e.from, e.to);
  layout(g);
  const out: Record<string, CanvasPoint> = {};
  for (const n of draft.nodes) {
    const auto = g.node(n.name) as { x: number; y: number } | undefined;
    out[n.name] = { x: (auto?.x ?? 0) - NODE_WIDTH / 2, y: (auto?.y ?? 0) - NODE_HEIGHT / 2 };
  }
  return out;
}
