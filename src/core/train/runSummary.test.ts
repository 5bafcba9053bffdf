import { describe, expect, it } from 'vitest';
import type { Workspace } from '../spec/workspace.ts';
import { runGroups } from './runSummary.ts';
import { runSettingsOf } from './runSettings.ts';
import { ecgWorkspace, runOf } from '../../../test/support/runRecords.ts';

function withLr(ws: Workspace, learningRate: number): Workspace {
  if (!ws.training) throw new Error('preset trains');
  return { ...ws, training: { ...ws.training, learningRate } };
}

describe('run groups (the mean ± sd rows)', () => {
  const ws = ecgWorkspace();
  const now = runSettingsOf(ws, '');
  const asNow = [0.8, 0.82, 0.78].map((accuracy, i) => runOf({ seed: i + 1, startedAt: 10 + i, accuracy }));

  it('runs that differ only in their seed form one group with the sample sd; a single run forms none', () => {
    const groups = runGroups([...asNow, runOf({ seed: 9, startedAt: 50, accuracy: 0.9, ws: withLr(ws, 0.01) })], now);
    expect(groups).toHaveLength(1);
    const g = groups[0];
    expect(g?.differs).toEqual([]);
    expect(g?.accuracy.n).toBe(3);
    // Mean 0.80; deviations ±0.02, 0: sd = sqrt((0.0004 + 0.0004) / 2) = 0.02.
    expect(g?.accuracy.mean).toBeCloseTo(0.8, 10);
    expect(g?.accuracy.sd).toBeCloseTo(0.02, 10);
    expect(g?.energyJ?.mean).toBeCloseTo(4.2e-6, 15);
    expect(g?.versusReference).toBeUndefined();
  });

  it('a group whose mean differs from the reference by less than the larger sd is "within the spread"', () => {
    const other = [0.81, 0.79].map((accuracy, i) => runOf({ seed: i + 1, startedAt: 100 + i, accuracy, ws: withLr(ws, 0.01) }));
    const groups = runGroups([...asNow, ...other], now);
    expect(groups.map((g) => g.differs)).toEqual([[], [`lr 0.01 (now ${ws.training?.learningRate})`]]);
    expect(groups[1]?.versusReference).toBe('within the spread');
  });

  it('a group clearly above the reference is "higher"; the reference is the group trained as now even when older', () => {
    const better = [0.95, 0.96].map((accuracy, i) => runOf({ seed: i + 1, startedAt: 100 + i, accuracy, ws: withLr(ws, 0.01) }));
    const groups = runGroups([...asNow, ...better], now);
    expect(groups[0]?.differs).toEqual([]);
    expect(groups[1]?.versusReference).toBe('higher');
  });

  it('stopped runs and runs without energy: stopped ones stay out, a missing energy leaves the group without one', () => {
    const stopped = { ...runOf({ seed: 7, startedAt: 70, accuracy: 0.1 }), stopped: true };
    const unmapped = runOf({ seed: 8, startedAt: 80, accuracy: 0.8, joules: null });
    const [g] = runGroups([...asNow, stopped, unmapped], now);
    expect(g?.accuracy.n).toBe(4);
    expect(g?.energyJ).toBeUndefined();
  });
});
