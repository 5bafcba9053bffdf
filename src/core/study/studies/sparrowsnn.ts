import type { Workspace } from '../../spec/workspace.ts';
import type { StudyBuildContext, StudyDefinition, StudySystem, StudyTask } from '../studyTypes.ts';
import { EEG_STEPS, SPARROW_T, sparrowEcgWorkspace, sparrowEegWorkspace, type SparrowWorkspaceOptions } from './sparrowsnnWorkspaces.ts';

const PAPER = 'Yan, Bai, Mitra & Wong, SparrowSNN, arXiv 2406.06543';

/** How the heartbeat baselines run: the beat window held for T steps. */
const BEAT_STEPS = `T = ${SPARROW_T}`;

/**
 * The five systems of one task, from a builder of its workspaces. `steps`: how the spiking
 * baselines run, for their labels ("T = 8": a held beat window; the steps of an EEG epoch).
 */
function systems(build: (o: SparrowWorkspaceOptions) => Workspace, quick: boolean, steps: string): StudySystem[] {
  const asic = { kind: 'chip', id: 'asic' } as const;
  return [
    {
      system: 'SparrowSNN (SSF, 4-bit)',
      role: 'system',
      about: `Quantised hybrid: two hidden layers that sum their input over one window and emit a count of up to T = ${SPARROW_T} (SSF, the first standing for the ANN layer as a quantised ReLU), 4-bit weights trained quantisation-aware, on the single-core ASIC at 72 beats per minute.`,
      workspace: build({ hidden: 'sparrow', quick, weightBits: 4, chipBits: 4 }),
      device: asic,
      weightBits: 4,
    },
    {
      system: 'SparrowSNN (SSF, 8-bit)',
      role: 'system',
      about: 'The same hybrid with 8-bit weights trained quantisation-aware.',
      workspace: build({ hidden: 'sparrow', quick, weightBits: 8, chipBits: 8 }),
      device: asic,
      weightBits: 8,
    },
    {
      system: `IF, ${steps}`,
      role: 'baseline',
      about: `The same network with integrate-and-fire neurons over ${steps} (float weights, stored at 8 bits): each step re-reads the weight rows of the neurons that fire.`,
      workspace: build({ hidden: 'if', quick, chipBits: 8 }),
      device: asic,
      weightBits: 32,
    },
    {
      system: `LIF, ${steps}`,
      role: 'baseline',
      about: `The same network with leaky integrate-and-fire neurons (β = 0.9) over ${steps}.`,
      workspace: build({ hidden: 'lif', quick, chipBits: 8 }),
      device: asic,
      weightBits: 32,
    },
    {
      system: 'ANN twin (ReLU)',
      role: 'baseline',
      about: 'The same layers with ReLU units and float weights, one pass per inference, on a Jetson Nano (the mapping lists the other ANN devices).',
      workspace: build({ hidden: 'ann', quick, chipBits: 8 }),
      device: { kind: 'ann', id: 'jetson-nano' },
      weightBits: 32,
    },
  ];
}

/** What a quick run leaves out, said in the task note. */
const SIZE_NOTE = (quick: boolean) => (quick ? ' Quick run: a reduced training set and 2–3 epochs, for the page; the CLI without --quick trains at full size.' : '');

/** The heartbeat tasks: intra-patient always (synthetic beats without MIT-BIH), inter-patient with MIT-BIH. */
function ecgTasks(ctx: StudyBuildContext): StudyTask[] {
  const has = ctx.has('mitdb');
  const intra: StudyTask = {
    id: 'mitdb-intra',
    label: has ? 'MIT-BIH heartbeats, AAMI classes, intra-patient' : 'Synthetic heartbeats, AAMI classes (MIT-BIH not available)',
    ...(has ? { dataset: 'mitdb' as const } : {}),
    note:
      (has
        ? 'MIT-BIH records (--data); beats of every record split into training and test sets (intra-patient), as the paper reports.'
        : 'Synthetic ECG generator standing in for MIT-BIH (no records given: --data ../shared/data/mitdb); its accuracy is not comparable with the paper’s.') + SIZE_NOTE(ctx.quick),
    systems: systems((o) => sparrowEcgWorkspace({ ...o, split: 'intra' }), ctx.quick, BEAT_STEPS),
  };
  if (!has) return [intra];
  return [
    intra,
    {
      id: 'mitdb-inter',
      label: 'MIT-BIH heartbeats, AAMI classes, inter-patient',
      dataset: 'mitdb',
      note: 'MIT-BIH records split by patient (training and test records disjoint, de Chazal’s DS1/DS2 style): harder than intra-patient.' + SIZE_NOTE(ctx.quick),
      systems: systems((o) => sparrowEcgWorkspace({ ...o, split: 'inter' }), ctx.quick, BEAT_STEPS),
    },
  ];
}

/** The EEG task: synthetic classes (reading the EDF recordings into a training set is not wired yet). */
function eegTask(ctx: StudyBuildContext): StudyTask {
  return {
    id: 'eeg',
    label: 'EEG classes (synthetic rest / motor imagery / focus)',
    note:
      'The paper’s DEAP emotion data cannot be redistributed; the EEG recordings of ../shared/data/eeg would stand in, but reading EDF files into a training set is not wired, so the built-in synthetic EEG source is used: an EEG task of the same kind, not the paper’s.' +
      SIZE_NOTE(ctx.quick),
    systems: systems(sparrowEegWorkspace, ctx.quick, `${EEG_STEPS} steps`),
  };
}

/**
 * SparrowSNN (arXiv 2406.06543): sum-spike-and-fire neurons that read each weight once per window,
 * a quantised hybrid ANN-SNN and a single-core ASIC, against IF and LIF over T steps on the same
 * ASIC and the ReLU twin on a Jetson Nano, on heartbeats and EEG.
 */
export const SPARROWSNN_STUDY: StudyDefinition = {
  id: 'sparrowsnn',
  title: 'SparrowSNN: SSF and a quantised hybrid on a single-core ASIC',
  about:
    `SparrowSNN's sum-spike-and-fire (SSF) neurons sum their input over a window and then emit a spike count, so a weight row is read from memory once per inference where integrate-and-fire over T steps re-reads it in every step a neuron fires. Here the hybrid (SSF counts up to T = ${SPARROW_T}, quantisation-aware 4- and 8-bit weights) runs one step on the configurable single-core ASIC profile; the same network with IF and LIF over ${SPARROW_T} steps runs on the same chip, and its ReLU twin on a Jetson Nano. ` +
    'Energy counts synaptic operations, weight-memory reads and static power over one real-time period (72 beats per minute for heartbeats), so leakage dominates it on this chip. The hybrid’s ANN layer is a ReLU quantised to T levels (an SSF over one step), since a float ReLU cannot be placed on a chip here.',
  claims: [
    { metric: 'accuracy, MIT-BIH (SNN, 8-bit post-training quantisation)', value: '98.29 %', source: `${PAPER} v1, abstract` },
    { metric: 'energy per inference, MIT-BIH', value: '31.39 nJ', source: `${PAPER} v1, abstract` },
    { metric: 'power', value: '6.1 µW', source: `${PAPER} v1, abstract` },
    { metric: 'energy against earlier ultra-low-power designs', value: '20× to 100× lower', source: `${PAPER} v2, abstract` },
  ],
  tasks: (ctx) => [...ecgTasks(ctx), eegTask(ctx)],
};
