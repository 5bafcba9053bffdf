import { EDGE_TO_CLOUD_LINK } from '../../hardware/linkModel.ts';
import type { Workspace } from '../../spec/workspace.ts';
import type { StudyBuildContext, StudyDefinition, StudyIncrementalSpec, StudyOffloadSpec, StudySystem, StudyTask } from '../studyTypes.ts';
import { ECC_DISTILLATION, eccAudioWorkspace, eccDvsWorkspace, eccEcgWorkspace, eccEegWorkspace, eccNmnistWorkspace, type EccWorkspaceOptions } from './eccSnnWorkspaces.ts';

const PAPER = 'ECC-SNN (edge–cloud collaboration with SNNs), as summarised in docs/SEEDS.md §3';
const CLOUD = 'Cloud ANN';
const EDGE = 'Edge SNN, distilled';
const ALONE = 'Edge SNN alone';

type Build = (o: EccWorkspaceOptions) => Workspace;

/** The three systems of a task: the cloud ANN (trained first), the edge SNN distilled from it, the same SNN trained alone. */
function systems(build: Build, quick: boolean): StudySystem[] {
  return [
    {
      system: CLOUD,
      role: 'baseline',
      about: 'The larger ReLU network on the raw values, in the cloud (an A100 server GPU): trained first, the teacher of the edge SNN and the answer for every offloaded sample.',
      workspace: build({ role: 'cloud', quick }),
      device: { kind: 'ann', id: 'gpu-a100' },
      weightBits: 32,
    },
    {
      system: EDGE,
      role: 'system',
      about: `The small LIF network on the edge (Loihi), trained on the labels and on the cloud ANN's soft targets (temperature ${ECC_DISTILLATION.temperature}, mixing weight ${ECC_DISTILLATION.weight}): ECC-SNN's edge half.`,
      workspace: build({ role: 'edge', quick }),
      device: { kind: 'chip', id: 'loihi' },
      weightBits: 32,
      teacher: CLOUD,
    },
    {
      system: ALONE,
      role: 'baseline',
      about: 'The same edge SNN trained on the labels alone, with no cloud: what the edge answers without ECC-SNN.',
      workspace: build({ role: 'alone', quick }),
      device: { kind: 'chip', id: 'loihi' },
      weightBits: 32,
    },
  ];
}

const SIZE_NOTE = (quick: boolean) => (quick ? ' Quick run: a few samples per class and epochs, for the page; the CLI without --quick trains at full size.' : '');

/** The four tasks, as the paper used four data sets: heartbeats, spoken digits, event-camera digits or shapes, EEG. */
function tasks(ctx: StudyBuildContext): StudyTask[] {
  const q = ctx.quick;
  const nmnist = ctx.has('nmnist');
  return [
    {
      id: 'heartbeats',
      label: ctx.has('mitdb') ? 'Heartbeats (MIT-BIH, intra-patient)' : 'Heartbeats (synthetic beats)',
      ...(ctx.has('mitdb') ? { dataset: 'mitdb' as const } : {}),
      note: `${ctx.has('mitdb') ? 'MIT-BIH records, AAMI classes, intra-patient split.' : 'Synthetic beats of the AAMI classes standing in for MIT-BIH (give the records with --data).'} An offloaded beat is its 131 values at 16 bits.${SIZE_NOTE(q)}`,
      systems: systems(eccEcgWorkspace, q),
    },
    {
      id: 'digits',
      label: ctx.has('fsdd') ? 'Spoken digits (FSDD)' : 'Spoken digits (built-in formant sweeps)',
      dataset: 'fsdd',
      note: `${ctx.has('fsdd') ? 'FSDD recordings.' : 'Built-in formant sweeps standing in for FSDD (give the recordings with --data).'} 32 log-mel bands per frame: the cloud sees the values, the edge a rate code; an offloaded sample is its mel frames at 16 bits.${SIZE_NOTE(q)}`,
      systems: systems(eccAudioWorkspace, q),
    },
    nmnist
      ? { id: 'nmnist', label: 'N-MNIST digits (event camera)', dataset: 'nmnist', note: `The N-MNIST recordings (34×34, 10 ms steps); an offloaded sample is its event frames as bitmaps (1 bit per pixel, polarity and step).${SIZE_NOTE(q)}`, systems: systems(eccNmnistWorkspace, q) }
      : { id: 'dvs-shapes', label: 'Event-camera shapes (synthetic DVS)', note: `N-MNIST stands in when its recordings are given (--data); here the built-in event-camera scenes. An offloaded sample is its event frames as bitmaps (1 bit per pixel, polarity and step).${SIZE_NOTE(q)}`, systems: systems(eccDvsWorkspace, q) },
    {
      id: 'eeg',
      label: 'EEG classes (built-in synthetic EEG)',
      note: `Reading EDF recordings into a training set is not wired yet, so the built-in synthetic EEG classes stand in for the paper's EEG data. The cloud sees z-scored values, the edge delta spikes; an offloaded epoch is 8 channels × 160 samples at 16 bits.${SIZE_NOTE(q)}`,
      systems: systems(eccEegWorkspace, q),
    },
  ];
}

/** Offloading on every task: unsure edge samples go to the cloud ANN over a 10 Mbit/s, 40 ms link. */
function offload(ctx: StudyBuildContext): StudyOffloadSpec[] {
  return tasks(ctx).map((t) => ({
    task: t.id,
    edge: EDGE,
    cloud: CLOUD,
    edgeAlone: ALONE,
    link: EDGE_TO_CLOUD_LINK,
    // Event frames are bitmaps; sampled signals and mel features 16-bit values.
    bitsPerValue: t.id === 'nmnist' || t.id === 'dvs-shapes' ? 1 : 16,
    operatingThreshold: 0.8,
  }));
}

/**
 * The class each task learns on the device: its last one, except for heartbeats, whose last AAMI
 * class (Q, unclassifiable) the synthetic beats never make and MIT-BIH has a handful of: there it is
 * V, ventricular beats, a class a monitor may well have to learn for a new patient.
 */
const NEW_CLASS: Readonly<Record<string, number>> = { heartbeats: 2, digits: 9, nmnist: 9, 'dvs-shapes': 5, eeg: 3 };

/**
 * Learning a new class on the device: the edge SNN without that class, then the class from 5
 * examples, with 5 kept examples of each old class (replay) or without (plain fine-tuning). The
 * page runs it on the spoken digits only; the CLI on every task.
 */
function incremental(ctx: StudyBuildContext): StudyIncrementalSpec[] {
  return tasks(ctx)
    .filter((t) => !ctx.quick || t.id === 'digits')
    .map((t) => ({ task: t.id, system: ALONE, newClass: NEW_CLASS[t.id] ?? 0, shots: 5, replayPerClass: 5, epochs: ctx.quick ? 3 : 10 }));
}

/** ECC-SNN: a cloud ANN, an edge SNN distilled from it, offloading of unsure samples, and on-device learning of a new class. */
export const ECC_SNN_STUDY: StudyDefinition = {
  id: 'ecc-snn',
  title: 'ECC-SNN: edge–cloud collaboration with SNNs',
  about:
    'ECC-SNN splits a model between a large ANN in the cloud and a small SNN on the edge. The SNN learns from the ANN by knowledge distillation (its soft targets at a temperature, mixed with the labels), so more samples can be answered on the device; samples the SNN is unsure of (largest softmax probability under a threshold) are sent over the radio to the cloud ANN, the rest never leave the device; and the SNN learns a new class on the device from a few examples and a small replay buffer. Each task trains the cloud ANN, the distilled SNN and the same SNN alone on the same data and seed; the offload curve draws offloaded fraction, accuracy, edge energy and latency against the threshold for an editable link. The paper’s figures are its own.',
  claims: [
    { metric: 'accuracy', value: '+4.15 % on average over four data sets', source: PAPER },
    { metric: 'edge energy', value: '−79.4 % on average', source: PAPER },
    { metric: 'latency', value: '−39.1 % on average', source: PAPER },
  ],
  tasks,
  offload,
  incremental,
};
