import { describe, expect, it } from 'vitest';
import { differingSettings, runSettingsOf, settingsKey } from './runSettings.ts';
import { ecgWorkspace } from '../../../test/support/runRecords.ts';

const settingsOf = (ws = ecgWorkspace(), engine = 'kernel') => {
  const s = runSettingsOf(ws, engine);
  if (!s) throw new Error('preset trains');
  return s;
};

describe('differing settings', () => {
  it('a run trained as the workspace reads now differs in nothing (the seed is not a setting)', () => {
    const ws = ecgWorkspace();
    expect(differingSettings(settingsOf(ws), settingsOf({ ...ws, seed: ws.seed + 5 }))).toEqual([]);
  });

  it('names each differing setting with the run value and the current one', () => {
    const ws = ecgWorkspace();
    const t = ws.training;
    if (!t || t.dataset.kind !== 'ecg-beats') throw new Error('ECG preset');
    const run = settingsOf({ ...ws, training: { ...t, epochs: 8, learningRate: 0.01 } });
    const now = settingsOf({ ...ws, training: { ...t, epochs: 4, learningRate: 0.002 } });
    expect(differingSettings(run, now)).toEqual(['epochs 8 (now 4)', 'lr 0.01 (now 0.002)']);
    const aware = settingsOf({ ...ws, training: { ...t, energyLoss: { weight: 0.004 } } });
    expect(differingSettings(aware, settingsOf(ws))).toEqual(['energy loss 0.004 (now –)']);
  });

  it('an edited network or encoder is named in words, not by fingerprint', () => {
    const ws = ecgWorkspace();
    const edited = structuredClone(ws);
    const l = edited.network.layers[1];
    if (l?.kind !== 'dense') throw new Error('dense second layer');
    l.units += 1;
    expect(differingSettings(settingsOf(ws), settingsOf(edited))).toEqual(['other network']);
  });

  it('the engine is not compared with now but splits groups', () => {
    const ws = ecgWorkspace();
    expect(differingSettings(settingsOf(ws, 'tfjs webgl'), settingsOf(ws, ''))).toEqual([]);
    expect(settingsKey(settingsOf(ws, 'tfjs webgl'))).not.toBe(settingsKey(settingsOf(ws, 'kernel')));
  });

  it('a workspace that no longer trains says so', () => {
    const rest = ecgWorkspace();
    delete rest.training;
    expect(runSettingsOf(rest, 'kernel')).toBeUndefined();
    expect(differingSettings(settingsOf(), undefined)).toEqual(['the workspace no longer trains']);
  });
});
