import type { ChipProfileInput } from '../chipProfile.ts';
import { LOIHI } from './loihi.ts';
import { unverified, verified } from './figure.ts';

/** Loihi 1's figure used as a stand-in, with the reason in the source text. */
function loihi1(what: string): ReturnType<typeof unverified> {
  return unverified(`stand-in: Loihi 1 ${what}; Intel publishes no per-op Loihi 2 figure, so an upper bound (14 nm vs Intel 4)`);
}

/**
 * Intel Loihi 2: 128 neuro-cores (Intel 4). Per-operation energy and time are not published, so
 * the Loihi 1 figures stand in as upper bounds, as CHIPS.md suggests; all of them are editable.
 */
export const LOIHI2: ChipProfileInput = {
  ...LOIHI,
  id: 'loihi2',
  name: 'Intel Loihi 2',
  neuronsPerCore: 8192,
  weightBits: [1, 2, 3, 4, 5, 6, 7, 8],
  maxChips: 1152,
  energy: { ...LOIHI.energy },
  timing: { ...LOIHI.timing },
  provenance: {
    meshW: unverified('stand-in: Loihi 1 grid of 8×4 tiles × 4 cores; Loihi 2 is a 2-D X–Y routed mesh (Timcheck 2026) of unpublished shape'),
    meshH: unverified('stand-in: Loihi 1 grid of 8×4 tiles × 4 cores'),
    coresPerTile: unverified('stand-in: 4 cores per router as on Loihi 1; 128 cores per chip [V, Lava NUM_VIRTUAL_CORES_L2]'),
    neuronsPerCore: unverified(
      '"up to 8192/core" = 1 M neurons/chip [V] ÷ 128 cores; Intel lava-optimization estimator budgets 4096',
    ),
    inAxonsPerCore: loihi1('in-axon limit 4096'),
    outAxonsPerCore: loihi1('out-axon limit 4096'),
    synapseBitsPerCore: verified(
      'lava-optimization resource estimator: 2^14 64-bit words of synapse + axon memory per core = 1,048,576 bits (app code, not a datasheet)',
    ),
    fanInPerNeuron: unverified('no published per-neuron limit; only the core limits apply'),
    fanoutCoresPerNeuron: unverified('core-level multicast as on Loihi 1'),
    weightBits: unverified('up to 8 bits (brief; not checked against Intel material)'),
    maxChips: unverified('Hala Point (Intel, 2024) joins 1,152 Loihi 2 chips; the largest published system, not an architectural limit'),
    'energy.synOpPJ': loihi1('23.6 pJ per synaptic op'),
    'energy.neuronActivePJ': loihi1('81 pJ per active neuron update'),
    'energy.neuronIdlePJ': loihi1('52 pJ per inactive neuron update'),
    'energy.spikeLocalPJ': loihi1('1.7 pJ within a tile'),
    'energy.hopEwPJ': loihi1('3.0 pJ per E–W hop'),
    'energy.hopNsPJ': loihi1('4.0 pJ per N–S hop'),
    'energy.chipHopPJ': unverified('stand-in: no published inter-chip figure; 10× the N–S tile hop'),
    'energy.weightReadPJ': verified('0: the weight read is included in synOpPJ (one read per synaptic op)'),
    'energy.staticPowerW': loihi1('leakage of 0.104 W per chip (Frady 2020, derived); Intel quotes "~1 W" per chip in total [U]'),
    'energy.dynamicPowerW': verified('0: per-operation figures are used'),
    'timing.synOpNS': loihi1('3.5 ns per synaptic op'),
    'timing.neuronNS': loihi1('8.4 ns per active neuron update'),
    'timing.neuronIdleNS': loihi1('5.3 ns per inactive neuron update'),
    'timing.spikeOutNS': loihi1('2.1 ns within-tile spike latency'),
    'timing.hopEwNS': loihi1('4.1 ns per E–W hop'),
    'timing.hopNsNS': loihi1('6.5 ns per N–S hop'),
    'timing.barrierNS': loihi1('465 ns barrier over 32 tiles'),
    'timing.stepTimeS': unverified('null = unthrottled steps; set 0.001 for 1 ms real time'),
    'timing.hostIoPerStepS': loihi1('host I/O of ≈8 ms per step (nengo-loihi PR #26)'),
    'timing.eventLatencyS': verified('0: not used on barrier-synchronised chips'),
  },
  notes: [
    'Pierro et al. 2026 quote 152 cores per chip; Lava uses 128. Unresolved — 128 is used here.',
    'Graded spikes (up to 32-bit payload) and per-inference measurements are not modelled.',
    'Per-operation figures are Loihi 1 upper bounds: expect real Loihi 2 energy and time to be lower.',
  ],
};
