import type { Violation } from '../errors.ts';
import { ANN_DEVICES } from './annDevices.ts';
import type { PopulationGraph } from './populations.ts';

/** Nodes no neuromorphic core runs, as errors naming the node and why (populations.ts finds them). */
export function offChipViolations(graph: PopulationGraph): Violation[] {
  return graph.unsupported.map((u) => ({
    layer: u.layer,
    constraint: 'node_kind',
    limit: 0,
    value: 1,
    severity: 'error',
    message: u.message,
    suggestions: ['keep non-spiking nodes after an accumulator, where they run as an ANN head off the chip', 'choose an ANN device for this part'],
  }));
}

/** The device the ANN head is costed on: an edge GPU, the likeliest companion of a neuromorphic chip. */
const HEAD_DEVICE = ANN_DEVICES.find((d) => d.id === 'jetson-nano') ?? ANN_DEVICES[0];

/** Energy of one pass of the ANN head on its device, J (0 without a head). */
export function headEnergyJ(graph: PopulationGraph): number {
  return graph.head && HEAD_DEVICE ? graph.head.macs * HEAD_DEVICE.pJPerMac * 1e-12 : 0;
}

/** A note saying where the ANN head after the accumulators runs and what it costs, or undefined. */
export function headNote(graph: PopulationGraph): string | undefined {
  const head = graph.head;
  if (!head || !HEAD_DEVICE) return undefined;
  const nj = (headEnergyJ(graph) * 1e9).toPrecision(3);
  return `the ANN head after ${head.accumulators.join(', ')} (${head.nodes.join(', ')}) runs off the chip: ${head.macs} MACs per pass, ${nj} nJ on ${HEAD_DEVICE.name} (not in the chip's figures)`;
}
