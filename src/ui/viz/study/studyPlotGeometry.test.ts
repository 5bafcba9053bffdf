import { describe, expect, it } from 'vitest';
import { STUDY_RESULT_FIXTURE } from '../../../../test/support/studyFixture.ts';
import { accuracyDomain, energyDecades, formatDecade, placeLabels, paretoLine, rowPoints, sweepLine } from './studyPlotGeometry.ts';

const curve = STUDY_RESULT_FIXTURE.curves[0];

describe('the study plots\' geometry', () => {
  it('spans whole decades around the energies, one decade when they are equal, nothing without any', () => {
    // 3.21e-7 … 1.2e-4 J: floor(log10) = -7, ceil(log10) = -3.
    const [lo, hi] = energyDecades([3.21e-7, 8.4e-6, 1.2e-4]) ?? [0, 0];
    expect(Math.log10(lo)).toBeCloseTo(-7, 12);
    expect(Math.log10(hi)).toBeCloseTo(-3, 12);
    const one = energyDecades([1e-6]) ?? [0, 0];
    expect([Math.log10(one[0]), Math.log10(one[1])].map(Math.round)).toEqual([-6, -5]);
    expect(energyDecades([0, Number.NaN])).toBeUndefined();
  });

  it('spans accuracies in 5-point steps, at least 10 points wide, within 0…1', () => {
    expect(accuracyDomain([0.9633, 0.9801]).map((v) => Math.round(v * 100))).toEqual([90, 100]);
    expect(accuracyDomain([0.688, 0.712]).map((v) => Math.round(v * 100))).toEqual([65, 75]);
    // A best accuracy on a step (60 %) gets the step above it, a worst one (12 %) the room below.
    expect(accuracyDomain([0.12, 0.6]).map((v) => Math.round(v * 100))).toEqual([10, 65]);
    expect(accuracyDomain([0.9, 1]).map((v) => Math.round(v * 100))).toEqual([85, 100]);
    expect(accuracyDomain([])).toEqual([0, 1]);
  });

  it('plots the costed rows and lists the rest apart', () => {
    const { points, uncosted } = rowPoints(STUDY_RESULT_FIXTURE.rows);
    expect(points.map((p) => p.label)).toEqual(['SSF, 4-bit weights', 'IF over T steps', 'ANN twin', 'LIF over T steps']);
    expect(uncosted).toEqual(['SSF, 8-bit weights']);
  });

  it('draws the Pareto front through the flagged points from the cheapest up, skipping the dominated one', () => {
    if (!curve) throw new Error('the fixture has a curve');
    // Point 0.1 (96 %, 5 µJ) is dominated by point 0 (97 %, 4 µJ) and flagged false.
    expect(paretoLine(curve.points)).toEqual([
      { accuracy: 0.9, energyJ: 2e-7 },
      { accuracy: 0.95, energyJ: 1e-6 },
      { accuracy: 0.97, energyJ: 4e-6 },
    ]);
    expect(sweepLine(curve.points).map((p) => p.value)).toEqual([0, 0.1, 1, 10]);
  });

  it('writes decade ticks in engineering units without trailing zeros', () => {
    expect([1e-7, 1e-6, 1e-5, 1e-3].map(formatDecade)).toEqual(['100 nJ', '1 µJ', '10 µJ', '1 mJ']);
  });

  it('places labels right of their points, left near the right edge, and apart when points crowd', () => {
    const bounds = { left: 40, right: 400 };
    // Alone: right of the point, 6 px over and 5 px up.
    expect(placeLabels([{ x: 100, y: 100, label: 'ANN twin' }], bounds)).toEqual([{ x: 106, y: 95, anchor: 'start' }]);
    // Near the right edge (8 characters × 6 px would pass 400): left of the point.
    expect(placeLabels([{ x: 380, y: 100, label: 'ANN twin' }], bounds)[0]?.anchor).toBe('end');
    // Crowded points (the EEG plot of SparrowSNN): no label covers another label or a point.
    const crowd = [
      { x: 200, y: 100, label: 'SSF, 4-bit' },
      { x: 202, y: 101, label: 'SSF, 8-bit' },
      { x: 206, y: 99, label: 'IF, 160 steps' },
      { x: 190, y: 112, label: 'ANN twin (ReLU)' },
    ];
    const placed = placeLabels(crowd, bounds);
    const box = (k: number) => {
      const p = placed[k];
      const w = (crowd[k]?.label.length ?? 0) * 6;
      if (!p) throw new Error('every label is placed');
      const x0 = p.anchor === 'start' ? p.x : p.x - w;
      return { x0, x1: x0 + w, y0: p.y - 9, y1: p.y + 2 };
    };
    const hit = (a: ReturnType<typeof box>, b: { x0: number; x1: number; y0: number; y1: number }) => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
    for (let a = 0; a < crowd.length; a++) {
      for (let b = a + 1; b < crowd.length; b++) expect(hit(box(a), box(b)), `${a} over ${b}`).toBe(false);
      for (const q of crowd) expect(hit(box(a), { x0: q.x - 4, x1: q.x + 4, y0: q.y - 4, y1: q.y + 4 }), `${a} over a point`).toBe(false);
    }
    // A label does not cover another point: beside a point 8 px up and right of it, it goes left.
    expect(placeLabels([{ x: 200, y: 100, label: 'ANN twin' }, { x: 212, y: 94, label: 'SSF' }], bounds)[0]?.anchor).toBe('end');
    // Three at one spot: the third goes under the first.
    const three = placeLabels([0, 1, 2].map((k) => ({ x: 200, y: 100, label: `s${k}` })), bounds);
    expect(three.map((p) => [p.anchor, p.y])).toEqual([['start', 95], ['end', 95], ['start', 109]]);
  });
});
