/**
 * The seed and run counts of the property suite. Fixed by default, so that a failure reproduces
 * run for run; SPIKELAB_PROPERTY_SEED and SPIKELAB_PROPERTY_SCALE (a multiplier of every run count)
 * let a hunt for new defects go wider without editing the tests.
 */
export const PROPERTY_SEED = Number(process.env['SPIKELAB_PROPERTY_SEED'] ?? 20261205);

const SCALE = Number(process.env['SPIKELAB_PROPERTY_SCALE'] ?? 1);

/** `n` runs, scaled (at least one). */
export function runs(n: number): number {
  return Math.max(1, Math.round(n * (Number.isFinite(SCALE) && SCALE > 0 ? SCALE : 1)));
}
