import { parseWorkspace } from '../../spec/parseWorkspace.ts';
import { WORKSPACE_SCHEMA_VERSION, type Workspace } from '../../spec/workspace.ts';

/**
 * The workspaces of the ECC-SNN study. Each task has a cloud ANN (wider, ReLU, fed the values) and
 * an edge SNN (narrow, LIF, fed spikes), on the same data and seed so that sample i is the same
 * recording for both: the distilled edge SNN reads the cloud ANN's outputs for its own sample i
 * (train/distillation.ts). The edge SNN trained alone is the same workspace without distillation.
 */

/** Which side of the edge–cloud split a workspace is. */
export type EccRole = 'cloud' | 'edge' | 'alone';

export interface EccWorkspaceOptions {
  readonly role: EccRole;
  readonly quick: boolean;
}

/** Hinton et al.'s usual soft-target temperature and an even mix of soft and hard targets. */
export const ECC_DISTILLATION = { temperature: 4, weight: 0.5 } as const;

/** The edge SNN's chip: Loihi, as in the other studies (its energy is the edge's compute). */
const LOIHI = { id: 'loihi', seed: 1, congestion: 0.5, overrides: {} };

const lif = (name: string, beta: number) => ({ kind: 'spiking', name, neuron: { model: 'lif', beta } });
const relu = (name: string) => ({ kind: 'relu', name });

/** The training both sides share, with the student's distillation; sizes per task. */
function training(o: EccWorkspaceOptions, size: { readonly epochs: number; readonly learningRate: number; readonly batchSize: number }, dataset: Record<string, unknown>) {
  return {
    epochs: size.epochs,
    batchSize: size.batchSize,
    learningRate: size.learningRate,
    loss: 'ceMaxMembrane',
    patience: o.quick ? 0 : 4,
    ...(o.role === 'edge' ? { distillation: { ...ECC_DISTILLATION } } : {}),
    dataset,
  };
}

const roleName = (r: EccRole) => (r === 'cloud' ? 'cloud ANN' : r === 'edge' ? 'edge SNN, distilled' : 'edge SNN alone');

/** 2 leads × 63 samples + 5 RR features, as the SparrowSNN study's beats. */
const BEAT_INPUTS = 131;
const BEAT_STEPS = 8;

/** Heartbeats (MIT-BIH AAMI classes; synthetic beats without the records): 131 → 256 → 128 → 5 in the cloud, 131 → 32 LIF → 5 on the edge. */
export function eccEcgWorkspace(o: EccWorkspaceOptions): Workspace {
  const cloud = o.role === 'cloud';
  const hidden = cloud
    ? [{ kind: 'dense', name: 'fc1', units: 256, weightGain: 2 }, relu('h1'), { kind: 'dense', name: 'fc2', units: 128, weightGain: 2 }, relu('h2')]
    : [{ kind: 'dense', name: 'fc1', units: 32, weightGain: 2 }, lif('h1', 0.9)];
  return parseWorkspace({
    schemaVersion: WORKSPACE_SCHEMA_VERSION,
    name: `ECC-SNN study: heartbeats, ${roleName(o.role)}`,
    seed: 7,
    network: { layers: [{ kind: 'input', name: 'beat', shape: [BEAT_INPUTS] }, ...hidden, { kind: 'dense', name: 'out', units: 5, weightGain: 2 }, { kind: 'readout', name: 'classes', mode: 'membrane', beta: 0.9, reduce: 'max' }] },
    data: { kind: 'synthetic-ecg', durationS: 4, samplingHz: 360, heartRateBpm: 72, beatMix: { N: 6, V: 1, A: 1, F: 1 }, leads: 2 },
    encoder: { kind: 'direct', gain: 1 },
    // The ANN runs the held beat once; the SNN holds it for 8 steps as a current.
    training: training(o, { epochs: o.quick ? 3 : 12, learningRate: 0.003, batchSize: 64 }, { kind: 'ecg-beats', beats: o.quick ? 600 : 20_000, decimate: 4, split: 'intra', beforeS: 0.25, afterS: 0.45, input: 'window', leads: 2, rrFeatures: true, steps: cloud ? 1 : BEAT_STEPS }),
    ...(cloud ? {} : { chip: LOIHI }),
  });
}

/** Spoken digits (built-in formant sweeps, or FSDD), 32 mel bands per frame: 256 and 128 ReLU units in the cloud, a conv of 8 LIF filters on the edge. */
export function eccAudioWorkspace(o: EccWorkspaceOptions): Workspace {
  const cloud = o.role === 'cloud';
  const hidden = cloud
    ? // Dense, not conv: tfjs's CPU backend (Node has no native one here) runs a conv of 32 filters over every frame too slowly for the full FSDD.
      [{ kind: 'flatten', name: 'flat' }, { kind: 'dense', name: 'fc1', units: 256, weightGain: 2 }, relu('h1'), { kind: 'dense', name: 'fc2', units: 128, weightGain: 2 }, relu('h2')]
    : [{ kind: 'conv2d', name: 'conv1', filters: 8, kernel: 5, padding: 'same', weightGain: 2 }, lif('h1', 0.95), { kind: 'flatten', name: 'flat' }];
  return parseWorkspace({
    schemaVersion: WORKSPACE_SCHEMA_VERSION,
    name: `ECC-SNN study: spoken digits, ${roleName(o.role)}`,
    seed: 5,
    network: { layers: [{ kind: 'input', name: 'mel', shape: [32, 1, 1] }, ...hidden, { kind: 'dense', name: 'out', units: 10, weightGain: 2 }, { kind: 'readout', name: 'digits', mode: 'membrane', beta: 0.95, reduce: 'max' }] },
    data: { kind: 'synthetic-audio', digit: 3, durationS: 0.5, bands: 32 },
    encoder: cloud ? { kind: 'direct', gain: 1, normalize: 'zscoreChannel' } : { kind: 'rate', maxProb: 0.5 },
    training: training(o, { epochs: o.quick ? 3 : 6, learningRate: o.quick ? 0.01 : 0.005, batchSize: 16 }, { kind: 'source-classes', perClass: o.quick ? 6 : 16, testPerClass: o.quick ? 3 : 8 }),
    ...(cloud ? {} : { chip: LOIHI }),
  });
}

/** Event-camera shapes (6 classes; 16×16 when quick): a strided conv, a sum pool, then 64 ReLU units in the cloud or straight to the read-out on the edge. */
export function eccDvsWorkspace(o: EccWorkspaceOptions): Workspace {
  const cloud = o.role === 'cloud';
  const side = o.quick ? 16 : 32;
  const hidden = cloud
    ? [{ kind: 'conv2d', name: 'conv1', filters: 16, kernel: 3, stride: 2, padding: 'same', weightGain: 2 }, relu('h1'), { kind: 'pool2d', name: 'pool1', mode: 'sum', size: 2 }, { kind: 'flatten', name: 'flat' }, { kind: 'dense', name: 'fc1', units: 64, weightGain: 2 }, relu('h2')]
    : [{ kind: 'conv2d', name: 'conv1', filters: 8, kernel: 3, stride: 2, padding: 'same', weightGain: 2 }, lif('h1', 0.8), { kind: 'pool2d', name: 'pool1', mode: 'sum', size: 2 }, { kind: 'flatten', name: 'flat' }];
  return parseWorkspace({
    schemaVersion: WORKSPACE_SCHEMA_VERSION,
    name: `ECC-SNN study: event-camera shapes, ${roleName(o.role)}`,
    seed: 11,
    network: { layers: [{ kind: 'input', name: 'events', shape: [side, side, 2] }, ...hidden, { kind: 'dense', name: 'out', units: 6, weightGain: 2 }, { kind: 'readout', name: 'classes', mode: 'membrane', beta: 0.9, reduce: 'max' }] },
    data: { kind: 'synthetic-dvs', scene: 'bar-right', width: side, height: side, durationMs: 200, noiseHz: 0.5, stepUs: 10000 },
    // Events are spikes already: both sides see the same event frames, the ANN as 0/1 values.
    encoder: { kind: 'rate', maxProb: 0.5 },
    // Quick: 6 scenes per class, 4 epochs at a doubled rate reach 67 % for the SNN alone (3 and 1 stayed at chance).
    training: training(o, { epochs: 4, learningRate: o.quick ? 0.01 : 0.005, batchSize: 16 }, { kind: 'source-classes', perClass: o.quick ? 6 : 12, testPerClass: o.quick ? 2 : 6 }),
    ...(cloud ? {} : { chip: LOIHI }),
  });
}

/** N-MNIST digits (event files, 34×34), when the host has the recordings: 256 ReLU in the cloud, 64 LIF on the edge. */
export function eccNmnistWorkspace(o: EccWorkspaceOptions): Workspace {
  const cloud = o.role === 'cloud';
  return parseWorkspace({
    schemaVersion: WORKSPACE_SCHEMA_VERSION,
    name: `ECC-SNN study: N-MNIST, ${roleName(o.role)}`,
    seed: 13,
    network: {
      layers: [
        { kind: 'input', name: 'events', shape: [34, 34, 2] },
        { kind: 'flatten', name: 'flat' },
        { kind: 'dense', name: 'fc1', units: cloud ? 256 : 64, weightGain: 2 },
        cloud ? relu('h1') : lif('h1', 0.9),
        { kind: 'dense', name: 'out', units: 10, weightGain: 2 },
        { kind: 'readout', name: 'digits', mode: 'membrane', beta: 0.9, reduce: 'max' },
      ],
    },
    data: { kind: 'event-file', file: '60001.bs2', checksum: 'crc32:b4414a91:16650', width: 34, height: 34, downsample: 1, stepUs: 10000, durationUs: 300000 },
    encoder: { kind: 'rate', maxProb: 0.5 },
    training: training(o, { epochs: o.quick ? 2 : 12, learningRate: 0.003, batchSize: 32 }, { kind: 'source-classes', perClass: 20, testPerClass: 10 }),
    ...(cloud ? {} : { chip: LOIHI }),
  });
}

/** EEG classes (the built-in synthetic source, 8 channels): the cloud sees the z-scored values, the edge delta spikes (an up and a down neuron per channel). */
export function eccEegWorkspace(o: EccWorkspaceOptions): Workspace {
  const cloud = o.role === 'cloud';
  const hidden = cloud
    ? [{ kind: 'dense', name: 'fc1', units: 128, weightGain: 2 }, relu('h1'), { kind: 'dense', name: 'fc2', units: 64, weightGain: 2 }, relu('h2')]
    : [{ kind: 'dense', name: 'fc1', units: 32, weightGain: 3 }, lif('h1', 0.9)];
  return parseWorkspace({
    schemaVersion: WORKSPACE_SCHEMA_VERSION,
    name: `ECC-SNN study: EEG classes, ${roleName(o.role)}`,
    seed: 3,
    network: { layers: [{ kind: 'input', name: 'eeg', shape: [cloud ? 8 : 16] }, ...hidden, { kind: 'dense', name: 'out', units: 4, weightGain: 2 }, { kind: 'readout', name: 'classes', mode: 'membrane', beta: 0.95, reduce: 'max' }] },
    data: { kind: 'synthetic-eeg', eegClass: 'rest', epochS: 2, samplingHz: 80 },
    encoder: cloud ? { kind: 'direct', gain: 1, normalize: 'zscoreChannel' } : { kind: 'delta', threshold: 5 },
    // Quick: 12 epochs of EEG per class and 6 passes at 0.02 reach 42 % for the SNN alone (8 and 2 passes at 0.005: 0 %).
    training: training(o, { epochs: o.quick ? 6 : 12, learningRate: o.quick ? 0.02 : 0.005, batchSize: 16 }, { kind: 'source-classes', perClass: o.quick ? 12 : 24, testPerClass: o.quick ? 3 : 8 }),
    ...(cloud ? {} : { chip: LOIHI }),
  });
}
