import { describe, expect, it } from 'vitest';
import { STUDY_RESULT_FIXTURE } from '../../../../test/support/studyFixture.ts';
import { cellValue, columnsFor, energyRatio, formatMilliwatts, formatModelSize, formatRatio, otherDevicesText, POWER_COLUMN, ratioWords, rowsOfTask, stagesSummary, STUDY_COLUMNS } from './studyColumns.ts';

const row = (system: string) => {
  const r = STUDY_RESULT_FIXTURE.rows.find((x) => x.system === system);
  if (!r) throw new Error(system);
  return r;
};
const cells = (system: string) => Object.fromEntries(STUDY_COLUMNS.map((c) => [c.key, c.format(row(system))]));

describe('the study comparison columns', () => {
  it('show every number field of a StudyRow once, in the order of spikelab study --json', () => {
    expect(STUDY_COLUMNS.map((c) => c.key)).toEqual(['accuracy', 'macro_f1', 'spikes_per_inference', 'synaptic_ops', 'weight_reads', 'model_bits', 'device', 'energy_per_inference_j', 'dynamic_energy_j', 'energy_range_j', 'gops_per_w', 'latency_s']);
  });

  it('format each value with its unit: %, counts, kB from bits, J and s with SI prefixes', () => {
    expect(cells('SSF, 4-bit weights')).toEqual({
      accuracy: '97.1 %',
      macro_f1: '0.812',
      // 1234.5 rounds to a whole spike count, grouped with a thin space.
      spikes_per_inference: '1\u2009235',
      synaptic_ops: '45\u2009678',
      weight_reads: '2\u2009048',
      // 65 536 bits / 8000 = 8.192 kB.
      model_bits: '8.19 kB',
      device: 'single-core ASIC',
      energy_per_inference_j: '321 nJ',
      dynamic_energy_j: '160 nJ',
      energy_range_j: '107 nJ – 963 nJ',
      // 142.5 rounds to a whole count above 100.
      gops_per_w: '143',
      latency_s: '4.20 ms',
    });
    expect(cells('IF over T steps')['synaptic_ops']).toBe('1.23 M');
  });

  it('show a dash where the device could not cost the network', () => {
    const c = cells('SSF, 8-bit weights');
    expect([c['energy_per_inference_j'], c['energy_range_j'], c['gops_per_w'], c['latency_s']]).toEqual(['—', '—', '—', '—']);
  });

  it('put a task\'s systems before its baselines and leave other tasks out', () => {
    expect(rowsOfTask(STUDY_RESULT_FIXTURE.rows, 'ecg').map((r) => r.system)).toEqual(['SSF, 4-bit weights', 'IF over T steps', 'ANN twin']);
    expect(rowsOfTask(STUDY_RESULT_FIXTURE.rows, 'eeg').map((r) => r.role)).toEqual(['system', 'baseline']);
  });

  it('give the energy ratio of a baseline to a system, and none when either is not costed', () => {
    // 8.4 µJ / 321 nJ = 26.17.
    expect(energyRatio(row('SSF, 4-bit weights'), row('IF over T steps'))).toBeCloseTo(26.17, 2);
    expect(formatRatio(26.17)).toBe('26×');
    expect(formatRatio(1.349)).toBe('1.3×');
    expect(formatRatio(1.04)).toBe('1.0×');
    expect(energyRatio(row('SSF, 8-bit weights'), row('LIF over T steps'))).toBeNull();
    expect(formatModelSize(8000)).toBe('1 kB');
    // 321 nJ against the ANN twin's 120 µJ: 374× less; the other way round, 374× more.
    expect(ratioWords(1.2e-4 / 3.21e-7)).toBe('374× less energy than');
    expect(ratioWords(3.21e-7 / 1.2e-4)).toBe('374× more energy than');
  });

  it('list an ANN row\'s figures on the other devices, and nothing for a chip row', () => {
    expect(otherDevicesText(row('ANN twin'))).toBe('on raspberry-pi-4: 910 µJ, 12.0 ms');
    expect(otherDevicesText(row('SSF, 4-bit weights'))).toBeNull();
  });

  it('add the power column in mW only when some row has a mean power, and show — where a row has none', () => {
    const plain = STUDY_RESULT_FIXTURE.rows;
    expect(columnsFor(plain)).toBe(STUDY_COLUMNS);
    const split = { ...row('ANN twin'), power_w: 0.01234 };
    expect(columnsFor([...plain, split]).map((c) => c.key)).toEqual([...STUDY_COLUMNS.map((c) => c.key), 'power_w']);
    expect(POWER_COLUMN.format(split)).toBe('12.3 mW');
    expect(POWER_COLUMN.format(row('ANN twin'))).toBe('—');
    expect(cellValue(split, POWER_COLUMN)).toBe('0.01234');
    expect(cellValue(row('ANN twin'), POWER_COLUMN)).toBe('');
    expect(formatMilliwatts(1.5)).toBe('1\u2009500 mW');
    expect(formatMilliwatts(1.4672e-4)).toBe('0.147 mW');
  });

  it("name a split system's stages in order for its disclosure", () => {
    const stage = (name: string, device: string) => ({ stage: name, device, energy_j: 1e-6, latency_s: 1e-3, detail: '' });
    expect(stagesSummary([stage('SNN', 'loihi'), stage('counts', 'host link'), stage('ANN head', 'jetson-nano')])).toBe('3 stages: SNN → counts → ANN head');
    expect(stagesSummary([stage('SNN', 'loihi')])).toBe('1 stage: SNN');
  });
});
