import { MappingError } from '../errors.ts';
import type { NetworkSpec } from '../spec/network.ts';
import { coresPerChip, type ChipProfile } from './chipProfile.ts';
import { offChipViolations } from './offChip.ts';
import { populationsOf } from './populations.ts';

/**
 * The fewest cores any mapping of `neurons` neurons needs, by architecture; undefined where no
 * cheap bound is known (Speck matches whole layers to cores by memory, Xylo is one core: both are
 * decided quickly by their own rules).
 */
const CORES_AT_LEAST: Readonly<Record<ChipProfile['architecture'], ((neurons: number, chip: ChipProfile) => number) | undefined>> = {
  // The greedy partition never puts more than neuronsPerCore neurons on a core (partition.ts).
  mesh: (neurons, chip) => Math.ceil(neurons / chip.neuronsPerCore),
  'layer-cores': undefined,
  'single-core': undefined,
};

/**
 * Refuses, from the network's sizes alone, a network that cannot fit the chip however it is
 * partitioned, or that has nodes no core runs: before the workspace is simulated, partitioned and placed (a million neurons on one
 * Akida took 19 s to be told so). Throws MappingError with a 'cores' violation.
 */
export function assertCanFit(net: NetworkSpec, chip: ChipProfile): void {
  const graph = populationsOf(net);
  const offChip = offChipViolations(graph);
  if (offChip.length > 0) throw new MappingError(chip.name, offChip);
  const bound = CORES_AT_LEAST[chip.architecture];
  if (!bound) return;
  const neurons = graph.populations.reduce((a, p) => a + p.size, 0);
  const need = bound(neurons, chip);
  const have = coresPerChip(chip) * chip.maxChips;
  if (need <= have) return;
  const layer = graph.populations[graph.populations.length - 1]?.name ?? 'network';
  const chips = `${chip.maxChips} ${chip.name} chip${chip.maxChips > 1 ? 's have' : ' has'}`;
  throw new MappingError(chip.name, [
    {
      layer,
      constraint: 'cores',
      limit: have,
      value: need,
      severity: 'error',
      message: `the network's ${neurons} neurons need at least ${need} cores of ${chip.neuronsPerCore} but ${chips} ${have}`,
      suggestions: ['fewer or smaller layers', 'choose a chip with more or larger cores'],
    },
  ]);
}
