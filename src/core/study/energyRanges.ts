import { energyClaimRange, offByFactor, runEnergyCheck, type EnergyCheckReport } from '../hardware/energyCheck/energyCheck.ts';
import type { AbortSignalLike } from '../errors.ts';

/** How far the energy model is from measurements on each chip: the worst held-out row's factor. */
export interface ModelCheck {
  /** Worst held-out factor (≥ 1) by chip id, for the chips with held-out measurements. */
  readonly worstByChip: Readonly<Record<string, number>>;
}

/** Runs the energy check (`spikelab energy-check`) once, for every chip it has measurements of. */
export async function checkEnergyModel(signal?: AbortSignalLike): Promise<ModelCheck> {
  return modelCheckOf(await runEnergyCheck(signal ? { signal } : {}));
}

/** The worst held-out factor per chip of an energy-check report. */
export function modelCheckOf(report: EnergyCheckReport): ModelCheck {
  const worstByChip: Record<string, number> = {};
  for (const r of report.rows) if (r.heldOut) worstByChip[r.chip] = Math.max(worstByChip[r.chip] ?? 1, offByFactor(r.ratio));
  return { worstByChip };
}

/**
 * The range a modelled energy stands for on a chip: [E ÷ worst, E × worst] with the chip's worst
 * held-out factor; null with the reason when no measurement of that chip checks the model.
 */
export function energyRangeOn(check: ModelCheck, chip: string, energyJ: number | null): { readonly range: readonly [number, number] | null; readonly note?: string } {
  if (energyJ === null) return { range: null };
  const worst = check.worstByChip[chip];
  if (worst === undefined) return { range: null, note: `no published measurement on ${chip} checks the energy model (spikelab energy-check): the figure is the model's alone` };
  const r = energyClaimRange(energyJ, worst);
  return { range: [r.lowJ, r.highJ], note: `within ${worst.toFixed(2)}× by the held-out measurements of spikelab energy-check on ${chip}` };
}
