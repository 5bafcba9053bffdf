import { parseWorkspace } from '../../src/core/spec/parseWorkspace.ts';
import { WORKSPACE_SCHEMA_VERSION, type Workspace } from '../../src/core/spec/workspace.ts';
import type { StudyDefinition } from '../../src/core/study/studyTypes.ts';

/** A heartbeat workspace small enough to train in a second: 16 inputs, `hidden` of `kind`, 5 classes. */
export function tinyEcgWorkspace(hidden: { kind: 'spiking'; neuron: Record<string, unknown> } | { kind: 'relu' }, epochs = 1): Workspace {
  return parseWorkspace({
    schemaVersion: WORKSPACE_SCHEMA_VERSION,
    name: 'tiny study beats',
    seed: 3,
    network: {
      layers: [
        { kind: 'input', name: 'ecg', shape: [16] },
        { kind: 'dense', name: 'fc1', units: 12, weightGain: 3 },
        { ...hidden, name: 'hidden' },
        { kind: 'dense', name: 'fc2', units: 5, weightGain: 2 },
        { kind: 'readout', name: 'classes', mode: 'membrane', beta: 0.9, reduce: 'max' },
      ],
    },
    data: { kind: 'synthetic-ecg', durationS: 2, samplingHz: 360, heartRateBpm: 72, beatMix: { N: 6, V: 1, A: 1, F: 1 } },
    encoder: { kind: 'levelCrossing', levels: 8 },
    training: { epochs, batchSize: 16, learningRate: 0.005, loss: 'ceMaxMembrane', patience: 0, dataset: { kind: 'ecg-beats', beats: 60, decimate: 4, split: 'intra' } },
  });
}

/** A two-task-free study for the runner's tests: an LIF network on Loihi beside its ReLU twin on a Jetson Nano, and a sweep of β. */
export const TINY_STUDY: StudyDefinition = {
  id: 'tiny',
  title: 'Tiny study (tests only)',
  about: 'An LIF network on Loihi beside its ReLU twin on a Jetson Nano.',
  claims: [{ metric: 'accuracy', value: '100 %', source: 'nobody' }],
  tasks: () => [
    {
      id: 'beats',
      label: 'Synthetic heartbeats',
      dataset: 'mitdb',
      systems: [
        { system: 'LIF', role: 'system', about: 'LIF hidden layer', workspace: tinyEcgWorkspace({ kind: 'spiking', neuron: { model: 'lif', beta: 0.9 } }), device: { kind: 'chip', id: 'loihi' }, weightBits: 8 },
        { system: 'ANN twin', role: 'baseline', about: 'ReLU hidden layer', workspace: tinyEcgWorkspace({ kind: 'relu' }), device: { kind: 'ann', id: 'jetson-nano' }, weightBits: 32 },
      ],
    },
  ],
  sweeps: () => [
    {
      id: 'beta',
      label: 'membrane decay',
      task: 'beats',
      knob: 'β',
      points: [0.5, 0.9].map((beta) => ({
        value: beta,
        system: { system: `LIF β ${beta}`, role: 'system' as const, about: '', workspace: tinyEcgWorkspace({ kind: 'spiking', neuron: { model: 'lif', beta } }), device: { kind: 'chip' as const, id: 'loihi' }, weightBits: 8 },
      })),
    },
  ],
};

/** The tiny beats workspace with ECC-SNN's distillation switched on (the edge student). */
function distilled(ws: Workspace): Workspace {
  return parseWorkspace({ ...ws, training: { ...ws.training, distillation: { temperature: 4, weight: 0.5 } } });
}

/**
 * A tiny ECC-SNN for the runner's tests: a ReLU teacher on a server GPU, an LIF student distilled
 * from it on Loihi, the same student alone; offloading between them, and learning class 2 on the device.
 */
export const TINY_ECC_STUDY: StudyDefinition = {
  id: 'tiny-ecc',
  title: 'Tiny ECC-SNN (tests only)',
  about: 'A ReLU teacher in the cloud, an LIF student on the edge.',
  claims: [],
  tasks: () => [
    {
      id: 'beats',
      label: 'Synthetic heartbeats',
      systems: [
        { system: 'cloud', role: 'baseline', about: '', workspace: tinyEcgWorkspace({ kind: 'relu' }, 2), device: { kind: 'ann', id: 'gpu-a100' }, weightBits: 32 },
        { system: 'edge', role: 'system', about: '', workspace: distilled(tinyEcgWorkspace({ kind: 'spiking', neuron: { model: 'lif', beta: 0.9 } }, 2)), device: { kind: 'chip', id: 'loihi' }, weightBits: 32, teacher: 'cloud' },
        { system: 'alone', role: 'baseline', about: '', workspace: tinyEcgWorkspace({ kind: 'spiking', neuron: { model: 'lif', beta: 0.9 } }, 2), device: { kind: 'chip', id: 'loihi' }, weightBits: 32 },
      ],
    },
  ],
  offload: () => [{ task: 'beats', edge: 'edge', cloud: 'cloud', edgeAlone: 'alone', link: { bandwidthBitsPerS: 1e6, latencyS: 0.02, energyPerBitJ: 1e-7 }, bitsPerValue: 16, operatingThreshold: 0.7 }],
  incremental: () => [{ task: 'beats', system: 'alone', newClass: 2, shots: 3, replayPerClass: 3, epochs: 2 }],
};
