import type { StudyDefinition, StudyResult, StudySystem } from '../../src/core/study/studyTypes.ts';
import type { Workspace } from '../../src/core/spec/workspace.ts';
import { presetWorkspaces } from './presets.ts';

/**
 * A StudyResult as runStudy returns it: two tasks, a system and baselines on each (one with no
 * energy: a network its chip could not hold), two claims and a sweep of four points of which
 * three are on the Pareto front. Numbers are made up but of the right size for each column.
 */
export const STUDY_RESULT_FIXTURE: StudyResult = {
  study: 'fixture',
  title: 'Fixture study: SSF against IF and the ANN twin',
  seed: 7,
  tasks: [
    { id: 'ecg', label: 'ECG beats, intra-patient', data: 'built-in generator', note: 'MIT-BIH stands in for itself; the page trains on 400 beats.' },
    { id: 'eeg', label: 'EEG classes', data: 'built-in generator' },
  ],
  rows: [
    { task: 'ecg', system: 'SSF, 4-bit weights', role: 'system', accuracy: 0.9712, macro_f1: 0.8123, spikes_per_inference: 1234.5, synaptic_ops: 45_678, weight_reads: 2048, model_bits: 65_536, device: 'single-core ASIC', energy_per_inference_j: 3.21e-7, dynamic_energy_j: 3.21e-7 / 2, latency_s: 0.0042, energy_range_j: [1.07e-7, 9.63e-7], gops_per_w: 142.5, other_devices: [], notes: [] },
    { task: 'ecg', system: 'IF over T steps', role: 'baseline', accuracy: 0.9633, macro_f1: 0.7988, spikes_per_inference: 9876, synaptic_ops: 1_234_567, weight_reads: 65_536, model_bits: 524_288, device: 'single-core ASIC', energy_per_inference_j: 8.4e-6, dynamic_energy_j: 8.4e-6 / 2, latency_s: 0.0187, energy_range_j: [2.8e-6, 2.52e-5], gops_per_w: 142.5, other_devices: [], notes: [] },
    { task: 'ecg', system: 'ANN twin', role: 'baseline', accuracy: 0.9801, macro_f1: 0.8402, spikes_per_inference: 0, synaptic_ops: 3_456_789, weight_reads: 2048, model_bits: 524_288, device: 'Jetson Nano', energy_per_inference_j: 1.2e-4, dynamic_energy_j: 1.2e-4 / 2, latency_s: 0.0009, energy_range_j: null, gops_per_w: null, other_devices: [{ device: 'raspberry-pi-4', energy_per_inference_j: 9.1e-4, latency_s: 0.012 }], notes: [] },
    { task: 'eeg', system: 'SSF, 8-bit weights', role: 'system', accuracy: 0.712, macro_f1: 0.65, spikes_per_inference: 540, synaptic_ops: 20_000, weight_reads: 1024, model_bits: 131_072, device: 'single-core ASIC', energy_per_inference_j: null, dynamic_energy_j: null, latency_s: null, energy_range_j: null, gops_per_w: null, other_devices: [], notes: ['the network needs 3 cores; the chip has 1'] },
    { task: 'eeg', system: 'LIF over T steps', role: 'baseline', accuracy: 0.688, macro_f1: 0.61, spikes_per_inference: 2100, synaptic_ops: 90_000, weight_reads: 32_768, model_bits: 524_288, device: 'single-core ASIC', energy_per_inference_j: 2.5e-6, dynamic_energy_j: 2.5e-6 / 2, latency_s: 0.011, energy_range_j: null, gops_per_w: 142.5, other_devices: [], notes: [] },
  ],
  claims: [
    { metric: 'accuracy, MIT-BIH intra-patient', value: '98.3 %', source: 'SparrowSNN, table 3' },
    { metric: 'energy against the baselines', value: '20–100× lower', source: 'SparrowSNN, abstract' },
  ],
  curves: [
    {
      id: 'cost-weight',
      label: 'energy loss weight',
      task: 'ecg',
      knob: 'energy loss weight',
      device: 'Loihi',
      points: [
        { value: 0, accuracy: 0.97, energy_per_inference_j: 4e-6, pareto: true },
        { value: 0.1, accuracy: 0.96, energy_per_inference_j: 5e-6, pareto: false },
        { value: 1, accuracy: 0.95, energy_per_inference_j: 1e-6, pareto: true },
        { value: 10, accuracy: 0.9, energy_per_inference_j: 2e-7, pareto: true },
      ],
    },
  ],
};

function system(name: string, role: StudySystem['role'], workspace: Workspace): StudySystem {
  return { system: name, role, about: `${name} on the synthetic ECG beats`, workspace: { ...workspace, name }, device: { kind: 'chip', id: 'loihi' }, weightBits: 32 };
}

/**
 * A study definition over the shipped synthetic ECG preset: two tasks of two systems each, for
 * tests of what reads a definition (links, the page's row lookup), not of what runs one.
 */
export function fixtureStudy(id = 'fixture'): StudyDefinition {
  const ecg = presetWorkspaces().find(([f]) => f === 'ecg-synthetic.workspace.json')?.[1];
  if (!ecg) throw new Error('the ecg-synthetic preset is missing from public/presets');
  return {
    id,
    title: 'Fixture study',
    about: 'Two ECG systems against each other, for tests.',
    claims: STUDY_RESULT_FIXTURE.claims,
    tasks: () => [
      { id: 'ecg', label: 'ECG beats', systems: [system('SSF, 4-bit weights', 'system', ecg), system('IF over T steps', 'baseline', ecg)] },
      { id: 'eeg', label: 'EEG classes', systems: [system('SSF, 8-bit weights', 'system', ecg), system('LIF over T steps', 'baseline', ecg)] },
    ],
  };
}
