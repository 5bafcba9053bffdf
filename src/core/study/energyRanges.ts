import { energyClaimRange, offByFactor, runEnergyCheck, type EnergyCheckReport } from '../hardware/energyCheck/energyCheck.ts';
import { MEASURED_ROWS } from '../hardware/energyCheck/measuredRows.ts';
import type { AbortSignalLike } from '../errors.ts';

/** How far the energy model is from measurements on each chip: the worst held-out row's factor. */
export interface ModelCheck {
  /** Worst held-out factor (≥ 1) by chip id, for the chips with held-out measurements. */
  readonly worstByChip: Readonly<Record<string, number>>;
}

/** Each chip's check, once per process: it is deterministic (fixed rows, fixed seed) and takes seconds. */
const checked = new Map<string, Promise<ModelCheck>>();

function checkChip(chip: string, signal: AbortSignalLike | undefined): Promise<ModelCheck> {
  let p = checked.get(chip);
  if (!p) {
    // The fit is per chip (fitEnergyModel.ts), so checking one chip's rows gives that chip's figure of the whole check.
    p = runEnergyCheck({ chip, ...(signal ? { signal } : {}) }).then(modelCheckOf);
    p.catch(() => checked.delete(chip));
    checked.set(chip, p);
  }
  return p;
}

/**
 * Runs the energy check (`spikelab energy-check`) on the chips named (default: every chip it has
 * measurements of); a chip without measurements has nothing to check and is left out.
 */
export async function checkEnergyModel(chips?: readonly string[], signal?: AbortSignalLike): Promise<ModelCheck> {
  const measured = [...new Set(MEASURED_ROWS.map((r) => r.chip))];
  const wanted = chips === undefined ? measured : measured.filter((c) => chips.includes(c));
  const parts = await Promise.all(wanted.map((c) => checkChip(c, signal)));
  return { worstByChip: Object.assign({}, ...parts.map((p) => p.worstByChip)) as Record<string, number> };
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
