import { WORKSPACE_SCHEMA_VERSION, type WorkspaceInput } from '../../src/core/spec/workspace.ts';

/**
 * Workspaces that validate field by field but whose products are absurd, one per workspace budget
 * (src/core/spec/workspaceBudgets.ts), plus the cases of issue 18. Each names the budget it breaks,
 * the JSON path the refusal must name and the estimate it must print.
 */
export interface HostileWorkspace {
  readonly budget: string;
  readonly path: string;
  /** The estimate as the message prints it (`1.0e12`). */
  readonly estimate: string;
  readonly workspace: WorkspaceInput;
}

const lif = { model: 'lif' } as const;
const ecg = (durationS: number, samplingHz: number) => ({ kind: 'synthetic-ecg', durationS, samplingHz }) as const;
const rate = { kind: 'rate' } as const;

function ws(name: string, data: WorkspaceInput['data'], encoder: WorkspaceInput['encoder'], layers: WorkspaceInput['network']['layers'], membrane = 0): WorkspaceInput {
  return { schemaVersion: WORKSPACE_SCHEMA_VERSION, name, network: { layers }, data, encoder, simulation: { record: { membrane: Array.from({ length: membrane }, (_, neuron) => ({ layer: 's', neuron })) } } };
}

/** Two 10^6-unit dense layers: 10^12 weights (the "Invalid typed array length" of initWeights). */
export const TERA_WEIGHTS: HostileWorkspace = {
  budget: 'weights',
  path: 'network.layers[3].units',
  estimate: '1.0e12',
  workspace: ws('tera weights', ecg(1, 250), rate, [
    { kind: 'input', name: 'in', shape: [1] },
    { kind: 'dense', name: 'a', units: 1_000_000 },
    { kind: 'spiking', name: 'sa', neuron: lif },
    { kind: 'dense', name: 'b', units: 1_000_000 },
    { kind: 'spiking', name: 's', neuron: lif },
  ]),
};

/** A 10^5 × 10^5 network, as `spikelab export --nir` was given: 10^10 weights. */
export const WIDE_NIR: HostileWorkspace = {
  budget: 'weights',
  path: 'network.layers[3].units',
  estimate: '1.0e10',
  workspace: ws('wide nir', ecg(1, 250), rate, [
    { kind: 'input', name: 'in', shape: [1] },
    { kind: 'dense', name: 'a', units: 100_000 },
    { kind: 'spiking', name: 'sa', neuron: lif },
    { kind: 'dense', name: 'b', units: 100_000 },
    { kind: 'spiking', name: 's', neuron: lif },
  ]),
};

/** ECG of 600 s at 2 kHz through 1,024 crossing levels: 1.2e6 steps × 2,048 inputs (grew past 3 GB). */
export const LONG_ECG: HostileWorkspace = {
  budget: 'inputValues',
  path: 'data.durationS',
  estimate: '2.5e9',
  workspace: ws('long ecg', ecg(600, 2000), { kind: 'levelCrossing', levels: 1024 }, [
    { kind: 'input', name: 'in', shape: [2048] },
    { kind: 'dense', name: 'a', units: 4 },
    { kind: 'spiking', name: 's', neuron: lif },
  ]),
};

/** Built-in camera of 256 × 256 pixels for 10 s at 1 µs steps: 10^7 steps (ran for minutes). */
export const MICROSECOND_DVS: HostileWorkspace = {
  budget: 'events',
  path: 'data.durationMs',
  estimate: '6.6e8',
  workspace: ws('microsecond dvs', { kind: 'synthetic-dvs', width: 256, height: 256, durationMs: 10_000, stepUs: 1 }, rate, [
    { kind: 'input', name: 'in', shape: [131_072] },
    { kind: 'dense', name: 'a', units: 4 },
    { kind: 'spiking', name: 's', neuron: lif },
  ]),
};

/** The same camera at 100 ms steps: few steps and inputs, but 6.6e8 pixel-milliseconds to synthesise. */
export const BIG_CAMERA: HostileWorkspace = {
  budget: 'events',
  path: 'data.durationMs',
  estimate: '6.6e8',
  workspace: ws('big camera', { kind: 'synthetic-dvs', width: 256, height: 256, durationMs: 10_000, stepUs: 100_000 }, rate, [
    { kind: 'input', name: 'in', shape: [131_072] },
    { kind: 'dense', name: 'a', units: 4 },
    { kind: 'spiking', name: 's', neuron: lif },
  ]),
};

/** 1.2e6 steps through 3,801 neurons, mostly non-spiking read-out: 4.6e9 neuron updates. */
export const LONG_WIDE_RUN: HostileWorkspace = {
  budget: 'neuronSteps',
  path: 'data.durationS',
  estimate: '4.6e9',
  workspace: ws('long wide run', ecg(600, 2000), rate, [
    { kind: 'input', name: 'in', shape: [1] },
    { kind: 'dense', name: 'a', units: 400 },
    { kind: 'spiking', name: 's', neuron: lif },
    { kind: 'dense', name: 'b', units: 1500 },
    { kind: 'readout', name: 'out' },
  ]),
};

/** 1.2e6 steps of 500 spiking neurons: up to 6.0e8 recorded spikes. */
export const SPIKE_FLOOD: HostileWorkspace = {
  budget: 'recordedSpikes',
  path: 'data.durationS',
  estimate: '6.0e8',
  workspace: ws('spike flood', ecg(600, 2000), rate, [
    { kind: 'input', name: 'in', shape: [1] },
    { kind: 'dense', name: 'a', units: 500 },
    { kind: 'spiking', name: 's', neuron: lif },
  ]),
};

/** A 1-pixel event file at 10 µs steps for 60 s with 64 membrane probes: 3.8e8 trace samples. */
export const DEEP_TRACES: HostileWorkspace = {
  budget: 'membraneSamples',
  path: 'data.stepUs',
  estimate: '3.8e8',
  workspace: ws(
    'deep traces',
    { kind: 'event-file', file: 'one.aedat', checksum: 'x', width: 1, height: 1, stepUs: 10, durationUs: 60_000_000 },
    rate,
    [
      { kind: 'input', name: 'in', shape: [2] },
      { kind: 'dense', name: 'a', units: 64 },
      { kind: 'spiking', name: 's', neuron: lif },
    ],
    64,
  ),
};

/** 20,000 camera inputs into 20,000 neurons, as mapped onto a chip (1.8 GB and 32 s before "does not fit"). */
export const TWENTY_K_SQUARED: HostileWorkspace = {
  budget: 'weights',
  path: 'network.layers[1].units',
  estimate: '4.0e8',
  workspace: ws('twenty k squared', { kind: 'synthetic-dvs', width: 100, height: 100, durationMs: 100, stepUs: 10_000 }, rate, [
    { kind: 'input', name: 'in', shape: [20_000] },
    { kind: 'dense', name: 'a', units: 20_000 },
    { kind: 'spiking', name: 's', neuron: lif },
  ]),
};

/** Within every budget, but a million neurons: more than one Akida's 80 cores of 1,024 hold (19 s to say so before). */
export const MILLION_NEURONS: WorkspaceInput = ws('million neurons', ecg(1, 250), rate, [
  { kind: 'input', name: 'in', shape: [1] },
  { kind: 'dense', name: 'a', units: 1_000_000 },
  { kind: 'spiking', name: 's', neuron: lif },
]);

/** 200,000 heartbeats of 6 s at 2 kHz, one sample per step: 2.4e9 training input values. */
export const HUGE_BEAT_SET: HostileWorkspace = {
  budget: 'trainingValues',
  path: 'training.dataset.beats',
  estimate: '2.4e9',
  workspace: {
    ...ws('huge beat set', ecg(4, 2000), rate, [
      { kind: 'input', name: 'in', shape: [1] },
      { kind: 'dense', name: 'a', units: 4 },
      { kind: 'spiking', name: 's', neuron: lif },
    ]),
    training: { dataset: { kind: 'ecg-beats', beats: 200_000, beforeS: 3, afterS: 3, decimate: 1 } },
  },
};

/** A built-in camera trained on 10,000 + 10,000 samples of each of its 6 scenes: 20 steps × 2,048 inputs each. */
export const HUGE_CLASS_SET: WorkspaceInput = {
  ...ws('huge class set', { kind: 'synthetic-dvs', width: 32, height: 32, durationMs: 200, stepUs: 10_000 }, rate, [
    { kind: 'input', name: 'in', shape: [2048] },
    { kind: 'dense', name: 'a', units: 4 },
    { kind: 'spiking', name: 's', neuron: lif },
  ]),
  training: { dataset: { kind: 'source-classes', perClass: 10_000, testPerClass: 10_000 } },
};

/** One workspace per budget, for the test that each budget refuses on its own. */
export const ONE_PER_BUDGET: readonly HostileWorkspace[] = [TERA_WEIGHTS, LONG_ECG, BIG_CAMERA, LONG_WIDE_RUN, SPIKE_FLOOD, DEEP_TRACES, HUGE_BEAT_SET];

/**
 * Workspaces whose input events no spec can foretell (the runEvents budget, counted while the run
 * works): valid field by field and small enough to share as a link of a few hundred characters.
 */
const ecgNet = (inputs: number): WorkspaceInput['network']['layers'] => [
  { kind: 'input', name: 'ecg', shape: [inputs] },
  { kind: 'dense', name: 'fc1', units: 64, weightGain: 6 },
  { kind: 'spiking', name: 'lif1', neuron: lif },
  { kind: 'dense', name: 'fc2', units: 16, weightGain: 4 },
  { kind: 'spiking', name: 'lif2', neuron: lif },
];

/** 4 s of ECG as direct current with a gain of 10^6: 2.7e8 recorded input spikes (4.3 GB, 33 s before). */
export const MILLION_GAIN: WorkspaceInput = ws('million gain', ecg(4, 250), { kind: 'direct', gain: 1e6 }, ecgNet(1));

/** The same ECG through a delta encoder of threshold 1e-300: 3.2e301 input events (never finished before). */
export const TINY_DELTA: WorkspaceInput = ws('tiny delta', ecg(4, 250), { kind: 'delta', threshold: 1e-300 }, ecgNet(2));
