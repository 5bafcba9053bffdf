import { z } from 'zod';
import { chipProfileSchema } from './chipProfile.ts';
import { CHIP_HOST_LINK, linkModelSchema } from './linkModel.ts';

/**
 * Where the ANN head after a network's accumulators runs (an SNN → accumulator → ANN hybrid): the
 * conventional device (an ANN_DEVICES id) and the host link the counts cross to reach it, with the
 * bits each count is sent as. Only read when the network has such a head (pipelineCost.ts).
 */
export const headTargetSchema = z.object({
  device: z.string().max(40).default('jetson-nano'),
  link: linkModelSchema.default(CHIP_HOST_LINK),
  /** Bits one spike count is sent as (8 holds counts up to 255: a window of up to 255 steps). */
  bitsPerCount: z.number().int().min(1).max(32).default(8),
});

export type HeadTarget = z.output<typeof headTargetSchema>;
export const HEAD_TARGET_DEFAULT: HeadTarget = { device: 'jetson-nano', link: CHIP_HOST_LINK, bitsPerCount: 8 };

/**
 * The workspace's mapping target: which chip, the placement seed, and the user's edits. Edits are
 * kept as overrides of single figures (dotted paths such as `energy.synOpPJ`) so the built-in
 * profile's sources stay visible beside them; a whole custom chip goes in `custom`.
 */
export const chipTargetSchema = z.object({
  id: z.string().max(40),
  /** Seed of the refinement and the annealer: same seed, same mapping. */
  seed: z.number().int().min(0).max(0xffffffff).default(1),
  /** Weight precision the synapses are stored with; default = the chip's highest up to 8. */
  weightBits: z.number().int().min(1).max(32).optional(),
  /** Weight of link congestion against packets × hops in the placement objective. */
  congestion: z.number().min(0).max(100).default(0.5),
  /**
   * Inferences per second the chip is asked for in real time (a heartbeat classifier: 72 beats per
   * minute = 1.2 Hz). When set, static power is charged over one period 1/rate per inference, since
   * the chip leaks while it waits for the next beat; absent, over the time it computes.
   */
  realTimeRateHz: z.number().positive().max(1e9).optional(),
  overrides: z.record(z.string().max(80), z.union([z.number(), z.boolean()])).default({}),
  custom: chipProfileSchema.optional(),
  /** The ANN head's device and link (absent = HEAD_TARGET_DEFAULT: a Jetson Nano over CHIP_HOST_LINK). */
  head: headTargetSchema.optional(),
});

export type ChipTarget = z.output<typeof chipTargetSchema>;
export const CHIP_TARGET_DEFAULT: ChipTarget = { id: 'loihi', seed: 1, congestion: 0.5, overrides: {} };
