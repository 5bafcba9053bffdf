import type { ChipProfileInput } from '../chipProfile.ts';
import { SPINNAKER } from './spinnaker.ts';
import { derived, secondary, unverified, verified } from './figure.ts';

const NOT_SEPARATED = 'stand-in 0: routing energy is not given separately; taken as part of the per-synapse figure';

/**
 * SpiNNaker 2: 152 ARM Cortex-M4F processing elements in 38 quad-PEs (4 PEs per router), 22 nm
 * FDSOI with per-PE DVFS. Neurons are software; per-op energies are prototype measurements.
 */
export const SPINNAKER2: ChipProfileInput = {
  ...SPINNAKER,
  id: 'spinnaker2',
  name: 'SpiNNaker 2',
  vendor: 'TU Dresden / SpiNNcloud',
  meshW: 19,
  meshH: 2,
  coresPerTile: 4,
  neuronsPerCore: 256,
  synapseBitsPerCore: 1_048_576,
  weightBits: [8],
  maxChips: 65_536,
  energy: {
    ...SPINNAKER.energy,
    synOpPJ: 450,
    neuronActivePJ: 2190,
    neuronIdlePJ: 2190,
    staticPowerW: 2,
  },
  timing: { ...SPINNAKER.timing },
  provenance: {
    meshW: unverified('stand-in: 38 quad-PEs laid out 19×2 keeps the 152-PE count exact; the real floor plan is not in CHIPS.md'),
    meshH: unverified('stand-in: 38 quad-PEs laid out 19×2'),
    coresPerTile: verified('4 PEs per quad-PE router (Höppner et al., arXiv 2103.08392)'),
    neuronsPerCore: unverified("stand-in: software-defined; sPyNNaker's SpiNNaker 1 default of 256"),
    inAxonsPerCore: verified('no fixed limit (software synapses)'),
    outAxonsPerCore: verified('no fixed limit (software routing)'),
    synapseBitsPerCore: derived('19 MB SRAM per chip [V] ÷ 152 PEs ≈ 128 KB per PE = 1,048,576 bits; 2 GB DRAM not counted'),
    fanInPerNeuron: verified('no fixed limit (software synapses)'),
    fanoutCoresPerNeuron: verified('multicast routing: no per-neuron limit'),
    weightBits: unverified('software-defined; the PE MAC array is 8-bit [V]'),
    maxChips: unverified('stand-in: no published limit in CHIPS.md sources; the schema maximum'),
    'energy.synOpPJ': secondary('0.45 nJ per synaptic event, prototype (Höppner 2019 via ESA SNN4Space)'),
    'energy.neuronActivePJ': secondary('2.19 nJ per neuron update, prototype (same)'),
    'energy.neuronIdlePJ': secondary('2.19 nJ: software updates every neuron every step'),
    'energy.spikeLocalPJ': unverified(NOT_SEPARATED),
    'energy.hopEwPJ': unverified(NOT_SEPARATED),
    'energy.hopNsPJ': unverified(NOT_SEPARATED),
    'energy.chipHopPJ': unverified(NOT_SEPARATED),
    'energy.weightReadPJ': verified('0: the weight read is included in synOpPJ (one read per synaptic op)'),
    'energy.staticPowerW': unverified('stand-in: lower end of the "~2–5 W" chip power, used as baseline; an upper bound on leakage'),
    'energy.dynamicPowerW': verified('0: per-operation figures are used'),
    'timing.synOpNS': unverified('stand-in: SpiNNaker 1 figure (~20 cycles at 200 MHz); DVFS changes it'),
    'timing.neuronNS': unverified('stand-in: SpiNNaker 1 figure (~100 cycles at 200 MHz)'),
    'timing.neuronIdleNS': unverified('stand-in: SpiNNaker 1 figure (~100 cycles at 200 MHz)'),
    'timing.spikeOutNS': unverified('stand-in 0: packet send time not published'),
    'timing.hopEwNS': unverified('stand-in 0: router hop time not published'),
    'timing.hopNsNS': unverified('stand-in 0: router hop time not published'),
    'timing.barrierNS': verified('0: PEs run on timers, no barrier'),
    'timing.stepTimeS': unverified('1 ms real-time step, the typical setting'),
    'timing.hostIoPerStepS': unverified('stand-in 0: host I/O time not published'),
    'timing.eventLatencyS': verified('0: not used on tick-based chips'),
  },
  notes: [
    '152 PEs + 1 management core; 8-bit MAC array and exp/log accelerators per PE.',
    'Per-op energies are from the prototype; the production chip with DVFS may differ.',
  ],
};
