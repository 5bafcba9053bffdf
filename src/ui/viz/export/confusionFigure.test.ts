import { describe, expect, it } from 'vitest';
import { allElements, parseXml } from '../../../../test/support/xmlTree.ts';
import { classMetrics } from '../../../core/train/metrics.ts';
import { composeSvg } from './composeSvg.ts';
import { confusionFigure } from './confusionFigure.ts';

describe('confusionFigure', () => {
  it('draws every count of a ten-class matrix with recall and precision, as an SVG that parses', () => {
    // Sample k has label k mod 10 and is predicted right except every 7th, predicted one class up.
    const labels = Array.from({ length: 200 }, (_, k) => k % 10);
    const predicted = labels.map((y, k) => (k % 7 === 0 ? (y + 1) % 10 : y));
    const m = classMetrics(labels, predicted, 10);
    const classes = Array.from({ length: 10 }, (_, k) => String(k));
    const fig = confusionFigure(m, classes, 'Test confusion: spoken digits');
    const root = parseXml(composeSvg(fig));
    const cells = allElements(root).filter((e) => e.attrs['class'] === 'cell');
    expect(cells.length).toBe(100);
    for (const c of cells) {
      const [i, j] = [Number(c.attrs['data-row']), Number(c.attrs['data-col'])];
      expect(c.children[1]?.text).toBe(String(m.confusion[i]?.[j]));
    }
    // The sum of the drawn counts is the number of samples.
    expect(cells.reduce((a, c) => a + Number(c.children[1]?.text), 0)).toBe(200);
    const texts = allElements(root).map((e) => e.text);
    expect(texts).toContain(`${(100 * (m.perClass[0]?.recall ?? 0)).toFixed(0)} %`);
    expect(texts).toContain('precision');
    // Wide enough for the label column, ten classes and recall.
    expect(fig.width).toBeGreaterThanOrEqual(58 + 11 * 36);
  });

  it('shades a correct cell green and a confusion orange, deeper with its share of the row', () => {
    const m = classMetrics([0, 0, 0, 0, 1, 1], [0, 0, 0, 1, 1, 1], 2);
    const root = parseXml(composeSvg(confusionFigure(m, ['a', 'b'], 't')));
    const fill = (i: number, j: number) => allElements(root).find((e) => e.attrs['data-row'] === String(i) && e.attrs['data-col'] === String(j))?.children[0]?.attrs['fill'];
    // 3 of 4 right: #009E73 = (0, 158, 115) mixed 75 % with white.
    expect(fill(0, 0)).toBe('rgb(64,182,150)');
    // 1 of 4 confused: #D55E00 = (213, 94, 0) mixed 25 %: 255 − 42/4 = 244.5 rounds to 245.
    expect(fill(0, 1)).toBe('rgb(245,215,191)');
    expect(fill(1, 0)).toBe('rgb(255,255,255)');
  });
});
