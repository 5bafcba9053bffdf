import { describe, expect, it } from 'vitest';
import { MAX_CURVE_POINTS, MAX_RUNS } from '../spec/runRecord.ts';
import { appendRun, insertRuns, makeRunRecord, removeRuns, thinCurve } from './runLog.ts';
import { runSettingsOf } from './runSettings.ts';
import { ecgWorkspace, epochReport, runOf } from '../../../test/support/runRecords.ts';

describe('run log', () => {
  it('makeRunRecord keeps the curve per epoch, the best epoch from 1, and spikes summed over layers at the best epoch', () => {
    const settings = runSettingsOf(ecgWorkspace(), 'kernel');
    if (!settings) throw new Error('preset trains');
    const history = [epochReport(1, 0.5), epochReport(2, 0.8), { ...epochReport(3, 0.7), layerSpikes: { lif1: 99, out: 1 } }];
    const r = makeRunRecord({ id: 'a', seed: 4, startedAt: 10, settings: { ...settings, epochs: 3 }, history, bestEpoch: 1, test: { accuracy: 0.812345, macroF1: 0.7, perClass: [], confusion: [] }, energy: { chip: 'loihi', joules: 1e-6 }, cancelled: false });
    expect(r.bestEpoch).toBe(2);
    expect(r.curve.map((p) => p.valAccuracy)).toEqual([0.5, 0.8, 0.7]);
    // lif1 30 + out 4 at epoch 2 (the kept one), not epoch 3's 100.
    expect(r.spikesPerSample).toBe(34);
    // Four significant digits.
    expect(r.testAccuracy).toBe(0.8123);
    expect(r.stopped).toBe(false);
  });

  it('a run Stop cut short is marked stopped; one that early stopping ended is not', () => {
    const settings = runSettingsOf(ecgWorkspace(), 'kernel');
    if (!settings) throw new Error('preset trains');
    const r = makeRunRecord({ id: 'b', seed: 1, startedAt: 1, settings: { ...settings, epochs: 5 }, history: [epochReport(1, 0.6)], bestEpoch: 0, test: { accuracy: 0.6, macroF1: 0.5, perClass: [], confusion: [] }, energy: { chip: 'loihi', joules: null, reason: 'x' }, cancelled: true });
    expect(r.stopped).toBe(true);
    expect(makeRunRecord({ ...r, id: 'b2', settings: { ...settings, epochs: 5 }, history: [epochReport(1, 0.6)], bestEpoch: 0, test: { accuracy: 0.6, macroF1: 0.5, perClass: [], confusion: [] }, cancelled: false }).stopped).toBe(false);
  });

  it('a best epoch outside the history is refused', () => {
    const settings = runSettingsOf(ecgWorkspace(), 'kernel');
    if (!settings) throw new Error('preset trains');
    expect(() => makeRunRecord({ id: 'c', seed: 1, startedAt: 1, settings, history: [], bestEpoch: 0, test: { accuracy: 0.6, macroF1: 0.5, perClass: [], confusion: [] }, energy: { chip: 'loihi', joules: 0 }, cancelled: false })).toThrow(/best epoch 1 is not among the 0/);
  });

  it(`thinCurve keeps at most ${MAX_CURVE_POINTS} points, the first and the last among them`, () => {
    const points = Array.from({ length: 1000 }, (_, i) => i);
    const thin = thinCurve(points);
    expect(thin).toHaveLength(MAX_CURVE_POINTS);
    expect(thin[0]).toBe(0);
    expect(thin.at(-1)).toBe(999);
    expect(thinCurve([1, 2, 3])).toEqual([1, 2, 3]);
  });

  it(`appendRun keeps the last ${MAX_RUNS} runs in order of start, dropping the oldest`, () => {
    let runs = appendRun(undefined, runOf({ seed: 0, startedAt: 0, accuracy: 0.5 }));
    for (let i = 1; i <= MAX_RUNS; i++) runs = appendRun(runs, runOf({ seed: i, startedAt: i, accuracy: 0.5 }));
    expect(runs).toHaveLength(MAX_RUNS);
    expect(runs[0]?.seed).toBe(1);
    expect(runs.at(-1)?.seed).toBe(MAX_RUNS);
  });

  it('a run whose energy arrives late still lands in order of start; a run inserted twice is kept once', () => {
    const a = runOf({ seed: 1, startedAt: 100, accuracy: 0.5 });
    const b = runOf({ seed: 2, startedAt: 200, accuracy: 0.5 });
    expect(appendRun([b], a).map((r) => r.seed)).toEqual([1, 2]);
    expect(insertRuns([a, b], [a])).toHaveLength(2);
    expect(removeRuns([a, b], [a.id]).map((r) => r.seed)).toEqual([2]);
  });
});
