import type { Violation } from '../errors.ts';
import { formatEngineering } from '../format/engineering.ts';
import type { PipelineCost } from './mappingTypes.ts';
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

/**
 * A note saying where the ANN head after the accumulators runs and where its cost is: the chip's
 * own figures stay the spiking part's, the pipeline totals add the transfer and the head.
 */
export function headNote(graph: PopulationGraph, pipeline: PipelineCost | undefined): string | undefined {
  const head = graph.head;
  if (!head || !pipeline) return undefined;
  const [, transfer, ann] = pipeline.stages;
  return `the ANN head after ${head.accumulators.join(', ')} (${head.nodes.join(', ')}) runs off the chip, on ${ann?.stage.replace(/^ANN on /, '') ?? '?'} (${head.macs} MACs per pass, ${pipeline.passes} pass${pipeline.passes === 1 ? '' : 'es'}): the chip's figures are the SNN alone; the pipeline (SNN, then ${transfer?.detail ?? 'the counts'} over the host link, then the ANN; no stage overlaps the next) totals ${formatEngineering(pipeline.energyPerInferenceJ, 'J')} and ${formatEngineering(pipeline.latencyS, 's')} per inference, ${formatEngineering(pipeline.powerW, 'W')}`;
}
