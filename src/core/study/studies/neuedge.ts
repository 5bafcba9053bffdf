import type { Workspace } from '../../spec/workspace.ts';
import type { StudyBuildContext, StudyDefinition, StudySweep, StudySystem, StudyTask } from '../studyTypes.ts';
import {
  NEUEDGE_ENERGY_WEIGHT,
  NEUEDGE_SWEEP_WEIGHTS,
  neuedgeAudioWorkspace,
  neuedgeDvsWorkspace,
  neuedgeNmnistWorkspace,
  type NeuEdgeWorkspaceOptions,
} from './neuedgeWorkspaces.ts';

const PAPER = 'NeuEdge (adaptive SNNs for edge deployment), as summarised in docs/SEEDS.md §1';
const LOIHI = { kind: 'chip', id: 'loihi' } as const;

type Build = (o: NeuEdgeWorkspaceOptions) => Workspace;

/** The NeuEdge system of a task: input-adaptive thresholds trained with the Loihi energy term. */
function neuedgeSystem(build: Build, quick: boolean, energyWeight: number, name = 'NeuEdge'): StudySystem {
  return {
    system: name,
    role: 'system',
    about: `Input-adaptive thresholds (each neuron's threshold follows the running mean and spread of its own input) trained with the Loihi energy term in the loss (weight ${energyWeight} per nJ); hybrid rate + timing input coding where the input is not already spikes.`,
    workspace: build({ hidden: 'adaptive', quick, energyWeight }),
    device: LOIHI,
    weightBits: 32,
  };
}

/** The NeuEdge system and its baselines on one task. `audio`: add the rate-coded NeuEdge row (coding compared at equal neurons and loss). */
function systems(build: Build, quick: boolean, audio: boolean): StudySystem[] {
  const rows: StudySystem[] = [
    neuedgeSystem(build, quick, NEUEDGE_ENERGY_WEIGHT),
    {
      system: audio ? 'LIF, rate coding' : 'LIF',
      role: 'baseline',
      about: `Fixed-threshold leaky integrate-and-fire neurons (θ = 1)${audio ? ' fed a Bernoulli rate code' : ''}, trained for accuracy only.`,
      workspace: build({ hidden: 'lif', quick, energyWeight: 0, ...(audio ? { coding: 'rate' as const } : {}) }),
      device: LOIHI,
      weightBits: 32,
    },
    {
      system: audio ? 'ALIF, rate coding' : 'ALIF',
      role: 'baseline',
      about: `Adaptive LIF (Bellec et al. 2018): the threshold rises with the neuron's own spikes, not its input${audio ? '; rate code' : ''}; accuracy only.`,
      workspace: build({ hidden: 'alif', quick, energyWeight: 0, ...(audio ? { coding: 'rate' as const } : {}) }),
      device: LOIHI,
      weightBits: 32,
    },
    {
      system: 'ANN twin (ReLU)',
      role: 'baseline',
      about: 'The same layers with ReLU units on real-valued input, one pass per time step, on a Jetson Nano: the DNN the energy saving is measured against.',
      workspace: build({ hidden: 'ann', quick, energyWeight: 0 }),
      device: { kind: 'ann', id: 'jetson-nano' },
      weightBits: 32,
    },
  ];
  if (!audio) return rows;
  return [
    ...rows.slice(0, 1),
    {
      system: 'NeuEdge, rate coding',
      role: 'baseline',
      about: 'NeuEdge with the hybrid code replaced by a plain rate code: the coding comparison (spikes per sample at the accuracy each reaches).',
      workspace: build({ hidden: 'adaptive', quick, energyWeight: NEUEDGE_ENERGY_WEIGHT, coding: 'rate' }),
      device: LOIHI,
      weightBits: 32,
    },
    ...rows.slice(1),
  ];
}

const SIZE_NOTE = (quick: boolean) => (quick ? ' Quick run: 3 samples per class and 1 epoch, for the page; the CLI without --quick trains at full size.' : '');

function tasks(ctx: StudyBuildContext): StudyTask[] {
  const nmnist = ctx.has('nmnist');
  const vision: StudyTask = nmnist
    ? {
        id: 'nmnist',
        label: 'N-MNIST digits (event camera)',
        dataset: 'nmnist',
        note: `The N-MNIST recordings of the data folder (34×34, 10 ms steps); events are spikes already, so the systems differ in neurons and loss, not coding.${SIZE_NOTE(ctx.quick)}`,
        systems: systems(neuedgeNmnistWorkspace, ctx.quick, false),
      }
    : {
        id: 'dvs-shapes',
        label: 'Event-camera shapes (synthetic DVS)',
        note: `N-MNIST stands in when its recordings are given (--data); here the built-in event-camera scenes (6 classes, 32×32, 20 steps of 10 ms). Events are spikes already: the systems differ in neurons and loss, not coding.${SIZE_NOTE(ctx.quick)}`,
        systems: systems(neuedgeDvsWorkspace, ctx.quick, false),
      };
  const audio: StudyTask = {
    id: 'digits',
    label: ctx.has('fsdd') ? 'Spoken digits (FSDD)' : 'Spoken digits (built-in formant sweeps)',
    dataset: 'fsdd',
    note: `${ctx.has('fsdd') ? 'FSDD recordings, one speaker held out.' : 'Built-in formant sweeps standing in for FSDD (give the recordings with --data).'} 32 log-mel bands per frame; the spiking systems see them hybrid- or rate-coded, the ANN twin as values.${SIZE_NOTE(ctx.quick)}`,
    systems: systems(neuedgeAudioWorkspace, ctx.quick, true),
  };
  return [vision, audio];
}

/** The energy-loss weight swept on the vision task: NeuEdge's accuracy–energy front on Loihi. */
function sweeps(ctx: StudyBuildContext): StudySweep[] {
  const nmnist = ctx.has('nmnist');
  const build = nmnist ? neuedgeNmnistWorkspace : neuedgeDvsWorkspace;
  return [
    {
      id: 'energy-weight',
      label: 'Hardware-aware training: accuracy against energy on Loihi',
      task: nmnist ? 'nmnist' : 'dvs-shapes',
      knob: 'energy loss weight (per nJ per sample)',
      points: NEUEDGE_SWEEP_WEIGHTS.map((w) => ({ value: w, system: neuedgeSystem(build, ctx.quick, w, `NeuEdge, energy weight ${w}`) })),
    },
  ];
}

/** NeuEdge: adaptive thresholds, hybrid coding and hardware-aware training, beside LIF, ALIF and the ANN twin. */
export const NEUEDGE_STUDY: StudyDefinition = {
  id: 'neuedge',
  title: 'NeuEdge: adaptive SNNs for the edge, on Loihi',
  about:
    'NeuEdge combines three ideas: neurons whose threshold follows the statistics of their own input (excitable when it is weak, damped when it is strong), a hybrid code carrying a value in both the timing of the first spike and the count, and a loss that charges each spike what it costs on the chip (synaptic operations × fan-out and neuron updates at Loihi’s energies). Each task trains NeuEdge beside fixed-threshold LIF, ALIF (which adapts to its own spikes) and the ReLU twin on a Jetson Nano, on the same data and seed; the audio task also runs NeuEdge with a plain rate code; a sweep of the energy weight draws the accuracy–energy front. The paper’s figures are its own, on its hardware.',
  claims: [
    { metric: 'accuracy', value: '91–96 % on standard vision and audio benchmarks', source: PAPER },
    { metric: 'latency', value: '2.3 ms per inference on edge hardware', source: PAPER },
    { metric: 'efficiency', value: '847 GOp/s/W (estimated)', source: PAPER },
    { metric: 'energy saving vs a DNN', value: 'up to 312× (autonomous-drone workload, real time)', source: PAPER },
  ],
  tasks,
  sweeps,
};
