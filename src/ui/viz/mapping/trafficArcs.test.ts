import { describe, expect, it } from 'vitest';
import { meshLayout, coreCentreX, coreCentreY } from './meshLayout.ts';
import { arcGeometry, arcWidth, ARC_STRIDE, heaviestEdges } from './trafficArcs.ts';

const edge = (from: number, to: number, packets: number) => ({ from, to, packets, hops: 1 });

describe('traffic arcs', () => {
  it('keeps the heaviest edges between distinct cores and counts all of them', () => {
    const sel = heaviestEdges([edge(0, 1, 5), edge(1, 1, 99), edge(-1, 0, 50), edge(2, 3, 1), edge(3, 2, 0)], 2);
    expect(sel.edges.map((e) => e.packets)).toEqual([50, 5]);
    expect(sel.total).toBe(3);
    expect(sel.maxPackets).toBe(50);
  });

  it('makes line width proportional to packets, with a floor', () => {
    expect(arcWidth(50, 100, 8)).toBe(4);
    expect(arcWidth(100, 100, 8)).toBe(8);
    expect(arcWidth(0.01, 100, 8)).toBe(0.6);
  });

  it('draws the heaviest arc last, from the host marker for host edges, bent to the right of its direction', () => {
    const l = meshLayout(4, 1, 1, 1, 400, 100);
    const g = arcGeometry(l, heaviestEdges([edge(-1, 0, 10), edge(0, 3, 2)]), 6);
    expect(g.count).toBe(2);
    const last = (g.count - 1) * ARC_STRIDE;
    expect(g.data[last]).toBeCloseTo(coreCentreX(l, -1), 4);
    expect(g.data[last + 6]).toBeCloseTo(6, 6);
    // Core 0 → core 3 runs east, so its right-hand side is south (larger y on screen).
    expect(g.data[3]).toBeGreaterThan(coreCentreY(l, 0));
  });
});
