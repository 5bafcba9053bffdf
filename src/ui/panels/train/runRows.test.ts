import { describe, expect, it } from 'vitest';
import { runSettingsOf } from '../../../core/train/runSettings.ts';
import { formatEnergy, formatEnergySpread, runRows, summaryRows } from './runRows.ts';
import { ecgWorkspace, runOf } from '../../../../test/support/runRecords.ts';

describe('runs table rows', () => {
  const ws = ecgWorkspace();
  const now = runSettingsOf(ws, '');

  it('energies read in the fitting SI unit with three significant digits', () => {
    expect(formatEnergy(4.2123e-6)).toBe('4.21 µJ');
    expect(formatEnergy(0.0123)).toBe('12.3 mJ');
    expect(formatEnergy(3e-13)).toBe('0.3 pJ');
    expect(formatEnergySpread({ mean: 4.2e-6, sd: 1.25e-7, min: 4e-6, max: 4.4e-6, n: 3 })).toBe('4.2 ± 0.13 µJ');
  });

  it('rows are newest first with "as now", the accuracy in %, and the reason when energy is missing', () => {
    const rows = runRows([runOf({ seed: 1, startedAt: 1, accuracy: 0.8 }), runOf({ seed: 2, startedAt: 2, accuracy: 0.75, joules: null })], now);
    expect(rows.map((r) => r.run.seed)).toEqual([2, 1]);
    expect(rows[1]).toMatchObject({ settings: 'as now', accuracy: '80.0 %', macroF1: '0.700', energy: '4.2 µJ' });
    expect(rows[0]?.energy).toBe('–');
    expect(rows[0]?.energyNote).toBe('not mapped on loihi: the network needs 3 cores, the chip has 2');
  });

  it('a summary row gives mean ± sd (n) of the accuracy, F1 and energy; a second group says how it compares', () => {
    const t = ws.training;
    if (!t) throw new Error('preset trains');
    const lr = { ...ws, training: { ...t, learningRate: 0.01 } };
    const runs = [
      ...[0.8, 0.82, 0.78].map((accuracy, i) => runOf({ seed: i + 1, startedAt: i, accuracy })),
      ...[0.81, 0.79].map((accuracy, i) => runOf({ seed: i + 1, startedAt: 10 + i, accuracy, ws: lr })),
    ];
    const rows = summaryRows(runs, now);
    expect(rows[0]).toMatchObject({ settings: 'as now', accuracy: '80.0 ± 2.0 % (n = 3, 78.0–82.0)', macroF1: '0.700 ± 0.020', energy: '4.2 ± 0 µJ' });
    expect(rows[0]?.verdict).toBeUndefined();
    expect(rows[1]?.settings).toBe(`lr 0.01 (now ${t.learningRate})`);
    expect(rows[1]?.verdict).toBe('accuracy within the spread of as now');
  });
});
