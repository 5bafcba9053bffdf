import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { datasetOfFolder } from '../../src/cli/study.ts';
import { printStudy } from '../../src/cli/studyText.ts';
import type { StudyResult } from '../../src/core/study/studyTypes.ts';
import { cli } from '../support/cli.ts';
import { DATA_DIR, HAVE_DATA } from '../support/sharedData.ts';

describe('spikelab study: what it refuses', () => {
  it('names the studies when none or an unknown one is given', () => {
    const none = cli('study');
    expect(none.code).toBe(2);
    expect(none.err).toMatch(/give one study/);
    const unknown = cli('study', 'no-such-study');
    expect(unknown.code).toBe(2);
    expect(unknown.err).toMatch(/no study 'no-such-study'; the studies are/);
  });

  it('lists the studies, and refuses --data that is not a folder of a data set it reads', () => {
    const r = cli('study', '--list');
    expect(r.code).toBe(0);
    const missing = datasetOfFolderError('/no/such/folder');
    expect(missing).toMatch(/is not a folder/);
    expect(datasetOfFolderError(import.meta.dirname)).toMatch(/holds none of the data sets a study reads/);
  });
});

function datasetOfFolderError(dir: string): string {
  try {
    datasetOfFolder(dir);
    return '';
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
}

describe.skipIf(!HAVE_DATA)('spikelab study: which data set a folder is', () => {
  it('tells MIT-BIH, EDF EEG, WAV digits and N-MNIST events apart from their files', () => {
    expect(datasetOfFolder(join(DATA_DIR, 'mitdb'))).toBe('mitdb');
    expect(datasetOfFolder(join(DATA_DIR, 'eeg', 'physionet-eegmmidb'))).toBe('eeg');
    expect(datasetOfFolder(join(DATA_DIR, 'audio', 'fsdd'))).toBe('fsdd');
  });
});

const RESULT: StudyResult = {
  study: 'x',
  title: 'A study',
  seed: 4,
  tasks: [{ id: 't', label: 'Task one', data: 'built-in generator', note: 'a note on the data' }],
  rows: [
    { task: 't', system: 'SNN', role: 'system', accuracy: 0.9123, macro_f1: 0.8, spikes_per_inference: 12.5, synaptic_ops: 1000, weight_reads: 200, model_bits: 8000, device: 'loihi', energy_per_inference_j: 2e-6, latency_s: 1e-3, energy_range_j: [1e-6, 4e-6], gops_per_w: 100, other_devices: [], notes: ['a row note'] },
    { task: 't', system: 'ANN', role: 'baseline', accuracy: 0.95, macro_f1: 0.9, spikes_per_inference: 0, synaptic_ops: 5000, weight_reads: 5000, model_bits: 32000, device: 'jetson-nano', energy_per_inference_j: null, latency_s: null, energy_range_j: null, gops_per_w: null, other_devices: [{ device: 'cpu-server', energy_per_inference_j: 1e-3, latency_s: 1e-6 }], notes: [] },
  ],
  claims: [{ metric: 'energy', value: '20–100× lower', source: 'the paper' }],
  curves: [{ id: 'c', label: 'sweep', task: 't', knob: 'w', device: 'loihi', points: [{ value: 0.1, accuracy: 0.9, energy_per_inference_j: 1e-6, pareto: true }] }],
};

describe('the study as text', () => {
  it('prints every row with units, the energy range, the notes, the claims labelled as claims and the curves', () => {
    const out: string[] = [];
    printStudy(RESULT, 'About it.', { out: (s) => out.push(s), err: () => undefined });
    const text = out.join('\n');
    expect(text).toMatch(/A study \(seed 4\)/);
    expect(text).toMatch(/Task one — data: built-in generator\n  a note on the data/);
    expect(text).toMatch(/SNN\s+system\s+91\.2 %\s+0\.800\s+12\.5/);
    expect(text).toMatch(/2\.00 µJ \(1\.00 µJ–4\.00 µJ\)/);
    expect(text).toMatch(/ANN\s+baseline.*not costed/);
    expect(text).toMatch(/SNN: a row note/);
    expect(text).toMatch(/SNN: 100 GOp\/s\/W \(synaptic ops\) on loihi/);
    expect(text).toMatch(/ANN on the other ANN devices: cpu-server 1\.00 mJ, 1\.00 µs/);
    expect(text).toMatch(/the paper's claims \(on its own hardware and data; not measured here\):\n  energy: 20–100× lower   \[the paper\]/);
    expect(text).toMatch(/w 0\.1\s+90\.0 %\s+1\.00 µJ\s+\*/);
  });
});
