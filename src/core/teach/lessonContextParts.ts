import type { SimulationResult } from '../engine/types.ts';
import type { MappingResult } from '../hardware/mappingTypes.ts';
import type { LessonContext } from './lessonTypes.ts';

/**
 * The parts of a LessonContext that summarise a computation, built in one place so the page
 * (src/ui's lessonContext) and the lesson tests read a run and a mapping the same way.
 */

/** A run as the task checks see it: per recorded layer (input first) its size, spikes and first spike step (of the first sample). */
export function lessonRunOf(result: SimulationResult): NonNullable<LessonContext['run']> {
  const layers = result.layers.map((l) => {
    const times = l.spikes[0]?.times;
    // Spike trains are sorted by step, so the first entry is the first spike.
    const first = times && times.length > 0 ? (times[0] as number) : null;
    return { name: l.name, neurons: l.neurons, spikeCount: l.spikeCount, firstSpikeStep: first };
  });
  return { steps: result.steps, dtMs: result.dtMs, totalSpikes: layers.reduce((a, l) => a + l.spikeCount, 0), layers };
}

/** A mapping as the task checks see it: chip, fit, cores, energy and weight reads per inference. */
export function lessonMappingOf(m: MappingResult): NonNullable<LessonContext['mapping']> {
  return { chip: m.chip, fits: m.fits, coresUsed: m.coresUsed, energyJ: m.energyPerInferenceJ, weightReads: m.counts.weightReads };
}
