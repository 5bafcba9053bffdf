import { z } from 'zod';
import { chipIds } from '../../hardware/chips/index.ts';
import { formatCount, formatEngineering } from '../../format/engineering.ts';
import type { LessonContext } from '../lessonTypes.ts';
import { unknownName } from './neuronNames.ts';
import { defineTask, plural } from './taskKind.ts';

const chipId = z.string().refine((id) => chipIds().includes(id), { error: (iss) => unknownName('chip', String(iss.input), chipIds()) });

/** Said when a task needs a mapping and there is none, or it is on another chip. */
function mappingMissing(ctx: LessonContext, chip: string | undefined): string | null {
  const m = ctx.mapping;
  if (!m) return 'No mapping on screen yet: open the chip view and map the network.';
  if (chip !== undefined && m.chip !== chip) return `The mapping is on '${m.chip}' — this task needs '${chip}': pick it in the chip select.`;
  return null;
}

/** The mapping on screen (optionally on a given chip) fits, within energy and core bounds. */
export const chipMapping = defineTask({
  summary: 'the chip view shows a mapping (on `chip` when given) that fits (unless fits is false) with energy per inference ≤ maxEnergyJ and cores used ≤ maxCores, when given',
  params: z.strictObject({
    chip: chipId.optional(),
    fits: z.boolean().default(true),
    maxEnergyJ: z.number().positive().optional(),
    maxCores: z.number().int().min(1).optional(),
  }),
  example: { chip: 'loihi', maxEnergyJ: 1e-6 },
  check: (p, ctx) => {
    const missing = mappingMissing(ctx, p.chip);
    if (missing || !ctx.mapping) return { done: false, feedback: missing ?? '' };
    const m = ctx.mapping;
    const seen = `On '${m.chip}' the network ${m.fits ? 'fits' : 'does not fit'} in ${plural(m.coresUsed, 'core')} at ${formatEngineering(m.energyJ, 'J')} per inference`;
    if (p.fits && !m.fits) return { done: false, feedback: `${seen} — it must fit: make the network smaller or pick a bigger chip.` };
    if (p.maxEnergyJ !== undefined && m.energyJ > p.maxEnergyJ) return { done: false, feedback: `${seen} — bring it to ${formatEngineering(p.maxEnergyJ, 'J')} or less.` };
    if (p.maxCores !== undefined && m.coresUsed > p.maxCores) return { done: false, feedback: `${seen} — use at most ${plural(p.maxCores, 'core')}.` };
    return { done: true, feedback: `${seen}.` };
  },
});

/** The mapping's weight-memory reads per inference are at most a bound. */
export const weightReads = defineTask({
  summary: 'the mapping on screen (on `chip` when given) reads at most maxReads weights from memory per inference',
  params: z.strictObject({ maxReads: z.number().min(0), chip: chipId.optional() }),
  example: { maxReads: 5000, chip: 'asic' },
  check: (p, ctx) => {
    const missing = mappingMissing(ctx, p.chip);
    if (missing || !ctx.mapping) return { done: false, feedback: missing ?? '' };
    const seen = `The mapping reads ${formatCount(ctx.mapping.weightReads)} weights per inference`;
    if (ctx.mapping.weightReads <= p.maxReads) return { done: true, feedback: `${seen}: at most ${formatCount(p.maxReads)}.` };
    return { done: false, feedback: `${seen} — bring it to ${formatCount(p.maxReads)} or fewer.` };
  },
});
