import { chipProfileSchema, type ChipProfile, type ChipProfileInput } from './chipProfile.ts';

/**
 * A small mesh chip for tests of the mapper's invariants: tiny cores so that small networks
 * spread over many of them. Not a real chip; the real profiles are in chips/.
 */
export function tinyMeshChip(over: Partial<ChipProfileInput> = {}): ChipProfile {
  return chipProfileSchema.parse({
    id: 'tiny',
    name: 'Tiny test mesh',
    vendor: 'test',
    architecture: 'mesh',
    meshW: 4,
    meshH: 3,
    coresPerTile: 2,
    neuronsPerCore: 16,
    inAxonsPerCore: 200,
    outAxonsPerCore: 400,
    synapseBitsPerCore: 8 * 1200,
    fanInPerNeuron: null,
    fanoutCoresPerNeuron: null,
    weightBits: [1, 2, 4, 8],
    maxChips: 4,
    timeBase: 'barrier',
    energy: { synOpPJ: 20, neuronActivePJ: 80, neuronIdlePJ: 50, spikeLocalPJ: 2, hopEwPJ: 3, hopNsPJ: 4, chipHopPJ: 100, staticPowerW: 0.1 },
    timing: { synOpNS: 3, neuronNS: 8, neuronIdleNS: 5, spikeOutNS: 2, hopEwNS: 4, hopNsNS: 6, barrierNS: 200, stepTimeS: null, hostIoPerStepS: 0 },
    ...over,
  });
}
