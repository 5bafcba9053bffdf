import { describe, expect, it } from 'vitest';
import type { EpochReport } from '../../../core/train/trainer.ts';
import { trainingCharts } from './curveCharts.ts';
import { formatCurveValue, legendLayout, tooltipLines } from './curveText.ts';

const epoch = (i: number): EpochReport => ({ epoch: i, loss: 1 / (i + 1), trainAccuracy: 0.5 + 0.1 * i, valAccuracy: 0.45 + 0.1 * i, rate: 0.02, valLoss: 1.1 / (i + 1), layerSpikes: { lif1: 120 + i, lif2: 30 }, msPerBatch: 12.345 });

describe('training-curve text', () => {
  it('formatCurveValue writes loss to 3 decimals, accuracy in %, ms with its unit and big counts with separators', () => {
    expect(formatCurveValue(0.51234, 'loss')).toBe('0.512');
    expect(formatCurveValue(87.25, 'percent')).toBe('87.3 %');
    expect(formatCurveValue(12.345, 'ms')).toBe('12.3 ms');
    expect(formatCurveValue(12345.6, 'spikes')).toBe('12,346');
    expect(formatCurveValue(Number.NaN, 'loss')).toBe('–');
  });

  it('tooltipLines lists the epoch (from 1) and every series of the chart at that epoch', () => {
    const [loss, accuracy, spikes] = trainingCharts([epoch(0), epoch(1)]);
    expect(tooltipLines(1, loss?.series ?? [], 'loss')).toEqual(['epoch 2', 'train: 0.500', 'validation: 0.550']);
    expect(tooltipLines(0, accuracy?.series ?? [], 'percent')).toEqual(['epoch 1', 'train: 50.0 %', 'validation: 45.0 %']);
    expect(tooltipLines(0, spikes?.series ?? [], 'spikes')).toEqual(['epoch 1', 'lif1: 120', 'lif2: 30']);
  });

  it('trainingCharts keeps the test ids e2e tests read and shows accuracy in percent up to 100', () => {
    const charts = trainingCharts([epoch(0)]);
    expect(charts.flatMap((c) => c.series.map((s) => s.testId)).filter(Boolean)).toEqual(['loss-curve', 'val-loss-curve', 'spikes-curve-lif1', 'spikes-curve-lif2', 'ms-curve']);
    expect(charts[1]?.yMax).toBe(100);
    // Validation is dashed: told apart from train without colour.
    expect(charts[0]?.series.map((s) => s.dashed)).toEqual([false, true]);
  });

  it('legendLayout keeps items on the title row while they fit and wraps the rest', () => {
    // "train" is 18 + 5·5.8 + 10 = 57 px wide; "validation" 18 + 58 + 10 = 86 px.
    const wide = legendLayout(['train', 'validation'], 300, 40);
    expect(wide.rows).toBe(1);
    expect(wide.items.map((i) => i.x)).toEqual([40, 97]);
    const narrow = legendLayout(['train', 'validation'], 150, 40);
    expect(narrow.rows).toBe(2);
    expect(narrow.items[1]).toEqual({ label: 'validation', x: 0, row: 1 });
  });
});
