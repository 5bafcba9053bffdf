import type { TrafficEdge } from '../../../core/hardware/mappingTypes.ts';
import { coreCentreX, coreCentreY, type MeshLayout } from './meshLayout.ts';

/** Most arcs drawn: more than a few hundred turn the mesh into a grey blur and cost frame time. */
export const MAX_ARCS = 300;
/** Floats per arc in `ArcGeometry.data`: x0, y0, control x, control y, x1, y1, line width. */
export const ARC_STRIDE = 7;

/** The heaviest edges (by packets, heaviest first) and how many there were in all. */
export interface ArcSelection {
  readonly edges: readonly TrafficEdge[];
  readonly total: number;
  readonly maxPackets: number;
}

/** Keeps the `max` heaviest edges between distinct cores (host edges included). */
export function heaviestEdges(traffic: readonly TrafficEdge[], max = MAX_ARCS): ArcSelection {
  const real = traffic.filter((e) => e.from !== e.to && e.packets > 0);
  const edges = real.sort((a, b) => b.packets - a.packets).slice(0, max);
  return { edges, total: real.length, maxPackets: edges[0]?.packets ?? 0 };
}

/** Line width of an edge, ∝ its packets; never thinner than `minPx` so light traffic stays visible. */
export function arcWidth(packets: number, maxPackets: number, maxPx: number, minPx = 0.6): number {
  return maxPackets > 0 ? Math.max(minPx, (maxPx * packets) / maxPackets) : minPx;
}

/** Precomputed arcs, lightest first so the heavy ones are drawn on top. */
export interface ArcGeometry {
  readonly count: number;
  readonly data: Float32Array;
}

/**
 * Quadratic arcs from core centre to core centre, bent to the right of their direction so that
 * A → B and B → A do not overlap. Host edges start (or end) at the host marker.
 */
export function arcGeometry(layout: MeshLayout, sel: ArcSelection, maxWidthPx: number): ArcGeometry {
  const n = sel.edges.length;
  const data = new Float32Array(n * ARC_STRIDE);
  for (let i = 0; i < n; i++) {
    const e = sel.edges[n - 1 - i] as TrafficEdge;
    const x0 = coreCentreX(layout, e.from);
    const y0 = coreCentreY(layout, e.from);
    const x1 = coreCentreX(layout, e.to);
    const y1 = coreCentreY(layout, e.to);
    const dx = x1 - x0;
    const dy = y1 - y0;
    const o = i * ARC_STRIDE;
    data[o] = x0;
    data[o + 1] = y0;
    // Rotating (dx, dy) by −90° gives the right-hand normal; 0.2 of the length bends it visibly but not far.
    data[o + 2] = (x0 + x1) / 2 - dy * 0.2;
    data[o + 3] = (y0 + y1) / 2 + dx * 0.2;
    data[o + 4] = x1;
    data[o + 5] = y1;
    data[o + 6] = arcWidth(e.packets, sel.maxPackets, maxWidthPx);
  }
  return { count: n, data };
}
