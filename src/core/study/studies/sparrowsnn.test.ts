import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngine } from '../../engine/index.ts';
import type { Engine } from '../../engine/types.ts';
import { ANN_DEVICES } from '../../hardware/annDevices.ts';
import { CHIP_PROFILES } from '../../hardware/chips/index.ts';
import { mapWorkspace } from '../../hardware/mapWorkspace.ts';
import { parseWorkspace } from '../../spec/parseWorkspace.ts';
import { studyDefinition } from '../studyRegistry.ts';
import type { StudyTask } from '../studyTypes.ts';
import { SPARROWSNN_STUDY } from './sparrowsnn.ts';
import { BEATS_PER_S, SPARROW_T } from './sparrowsnnWorkspaces.ts';

const withMitdb = SPARROWSNN_STUDY.tasks({ has: (n) => n === 'mitdb', quick: true });
const without = SPARROWSNN_STUDY.tasks({ has: () => false, quick: true });
const system = (t: StudyTask | undefined, name: string) => t?.systems.find((s) => s.system.startsWith(name));

let engine: Engine;
beforeAll(async () => {
  engine = await createEngine('events');
});
afterAll(() => engine.dispose());

describe('the SparrowSNN study definition', () => {
  it('is registered under its id', () => {
    expect(studyDefinition('sparrowsnn')).toBe(SPARROWSNN_STUDY);
  });

  it('runs intra- and inter-patient MIT-BIH when the records are there, else synthetic beats labelled so, and the synthetic EEG task', () => {
    expect(withMitdb.map((t) => [t.id, t.dataset])).toEqual([
      ['mitdb-intra', 'mitdb'],
      ['mitdb-inter', 'mitdb'],
      ['eeg', undefined],
    ]);
    expect(without.map((t) => [t.id, t.dataset])).toEqual([
      ['mitdb-intra', undefined],
      ['eeg', undefined],
    ]);
    expect(without[0]?.note).toMatch(/Synthetic ECG.*MIT-BIH/);
    expect(without[1]?.note).toMatch(/DEAP.*cannot be redistributed.*synthetic EEG/);
    expect(withMitdb[1]?.systems[0]?.workspace.training?.dataset).toMatchObject({ kind: 'ecg-beats', split: 'inter' });
  });

  it('gives every workspace as parseWorkspace returns it (a JSON round trip changes nothing)', () => {
    for (const t of withMitdb) for (const s of t.systems) expect(parseWorkspace(JSON.parse(JSON.stringify(s.workspace))), `${t.id}/${s.system}`).toEqual(s.workspace);
  });

  it('puts the quantised SSF hybrids and the IF and LIF baselines on the ASIC, the ReLU twin on a Jetson Nano', () => {
    const chips = new Set(CHIP_PROFILES.map((c) => c.id));
    const anns = new Set(ANN_DEVICES.map((d) => d.id));
    for (const t of withMitdb) {
      expect(t.systems.map((s) => [s.role, s.device.kind, s.device.id, s.weightBits])).toEqual([
        ['system', 'chip', 'asic', 4],
        ['system', 'chip', 'asic', 8],
        ['baseline', 'chip', 'asic', 32],
        ['baseline', 'chip', 'asic', 32],
        ['baseline', 'ann', 'jetson-nano', 32],
      ]);
      for (const s of t.systems) expect((s.device.kind === 'chip' ? chips : anns).has(s.device.id)).toBe(true);
      const ssf4 = system(t, 'SparrowSNN (SSF, 4-bit)');
      expect(ssf4?.workspace.training?.quantization).toEqual({ weightBits: 4 });
      expect(ssf4?.workspace.chip).toMatchObject({ id: 'asic', weightBits: 4 });
      expect(system(t, 'SparrowSNN (SSF, 8-bit)')?.workspace.training?.quantization).toEqual({ weightBits: 8 });
      expect(system(t, 'IF')?.workspace.training?.quantization).toBeUndefined();
      const hidden = (name: string) => system(t, name)?.workspace.network.layers.filter((l) => l.kind === 'spiking' || l.kind === 'relu').map((l) => (l.kind === 'spiking' ? l.neuron.model : l.kind));
      expect([hidden('SparrowSNN'), hidden('IF'), hidden('LIF'), hidden('ANN')]).toEqual([
        ['ssf', 'ssf'],
        ['if', 'if'],
        ['lif', 'lif'],
        ['relu', 'relu'],
      ]);
    }
    expect(system(withMitdb[0], 'SparrowSNN')?.workspace.chip?.realTimeRateHz).toBe(BEATS_PER_S);
  });

  it('runs the heartbeat SSF hybrid over one step with counts up to T, the IF baseline over T steps', () => {
    const t = withMitdb[0];
    const steps = (name: string) => {
      const d = system(t, name)?.workspace.training?.dataset;
      return d?.kind === 'ecg-beats' ? d.steps : undefined;
    };
    expect([steps('SparrowSNN'), steps('IF'), steps('LIF'), steps('ANN')]).toEqual([1, SPARROW_T, SPARROW_T, 1]);
    const ssf = system(t, 'SparrowSNN')?.workspace.network.layers.find((l) => l.kind === 'spiking');
    expect(ssf?.kind === 'spiking' && ssf.neuron).toMatchObject({ model: 'ssf', maxSpikes: SPARROW_T, threshold: 1 / SPARROW_T });
  });

  it('reads the weights close to T times less often with SSF than with IF over T steps (untrained weights)', async () => {
    const t = without[0];
    const ssf = system(t, 'SparrowSNN (SSF, 4-bit)');
    const ifs = system(t, 'IF');
    if (!ssf || !ifs) throw new Error('missing systems');
    const a = await mapWorkspace(ssf.workspace, engine);
    const b = await mapWorkspace(ifs.workspace, engine);
    expect([a.fits, b.fits]).toEqual([true, true]);
    // The held input's rows are read once against T times; the hidden rows once per active SSF
    // neuron against once per step an IF neuron fires (fewer than T when it fires sparsely), so
    // the whole ratio sits just under T: 7.9 at T = 8 here.
    const ratio = b.counts.weightReads / a.counts.weightReads;
    expect(ratio).toBeGreaterThan(0.9 * SPARROW_T);
    expect(ratio).toBeLessThanOrEqual(SPARROW_T);
    // An SSF count is read once but is as many synaptic operations as spikes.
    expect(a.counts.synOps).toBeGreaterThan(a.counts.weightReads);
    expect(b.counts.synOps).toBe(b.counts.weightReads);
    expect(a.notes.some((n) => n.includes('real-time period'))).toBe(true);
  }, 60_000);
});
