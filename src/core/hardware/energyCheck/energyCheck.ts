import { SpecError, type AbortSignalLike } from '../../errors.ts';
import { CHIP_TARGET_DEFAULT } from '../chipTarget.ts';
import { chipById } from '../chips/index.ts';
import { mapNetwork } from '../mapNetwork.ts';
import { applyFit, fitEnergyModel, type EnergyFit } from './fitEnergyModel.ts';
import { MEASURED_ROWS, type MeasuredRow } from './measuredRows.ts';
import { planEvents, planNetwork } from './rebuildNetwork.ts';

/** One row of the check: measured beside modelled. */
export interface EnergyCheckRow {
  readonly id: string;
  readonly system: string;
  readonly chip: string;
  readonly network: string;
  readonly measuredJ: number;
  readonly modelledJ: number;
  /** modelled ÷ measured: 1 is exact, 2 twice too high, 0.5 half too low. */
  readonly ratio: number;
  /** The per-op model's own figure (dynamic chip energy, before the fitted parameters), J. */
  readonly rawModelJ: number;
  /** The part of `modelledJ` that is host-interface power over the measured wall time, J. */
  readonly hostJ: number;
  readonly source: string;
  readonly heldOut: boolean;
}

/** The check: every row, and the parameters fitted per chip. */
export interface EnergyCheckReport {
  readonly rows: readonly EnergyCheckRow[];
  readonly fits: Readonly<Record<string, EnergyFit>>;
}

/** Options: one chip only, another table (tests), the seed of the rows' spikes and mappings. */
export interface EnergyCheckOptions {
  readonly chip?: string;
  readonly rows?: readonly MeasuredRow[];
  readonly seed?: number;
  readonly signal?: AbortSignalLike;
}

/** How far a ratio is from 1, as a factor ≥ 1 (2 for both 2 and 0.5). */
export function offByFactor(ratio: number): number {
  return ratio >= 1 ? ratio : 1 / ratio;
}

/**
 * The per-op model's dynamic chip energy of one row: the network rebuilt from the plan, the spikes
 * set at its rates, mapped and costed on the row's chip. Static power is left out because every
 * measurement subtracts idle power.
 */
export async function modelRow(row: MeasuredRow, seed = 1, signal?: AbortSignalLike): Promise<number> {
  const chip = chipById(row.chip);
  const net = planNetwork(row.plan);
  const m = await mapNetwork({
    net,
    chip,
    target: { ...CHIP_TARGET_DEFAULT, id: row.chip, seed },
    events: planEvents(row.plan, net, seed, row.id),
    staticInput: false,
    ...(signal ? { signal } : {}),
  });
  return m.energyPerInferenceJ - m.energy.staticJ;
}

/**
 * Sets the energy model against measured networks (`spikelab energy-check`). Each chip's free
 * parameters are fitted on its fit rows only, then applied to every row of that chip; a chip with
 * no fit row keeps the prior (the per-op model as it stands). Held-out rows never enter a fit.
 */
export async function runEnergyCheck(options: EnergyCheckOptions = {}): Promise<EnergyCheckReport> {
  const table = options.rows ?? MEASURED_ROWS;
  const rows = options.chip === undefined ? table : table.filter((r) => r.chip === options.chip);
  if (rows.length === 0) {
    const known = [...new Set(table.map((r) => r.chip))].join(', ');
    throw new SpecError([{ path: 'chip', message: `no measured network on chip '${options.chip ?? ''}'; chips with measurements: ${known}` }]);
  }
  const raw = new Map<string, number>();
  for (const r of rows) raw.set(r.id, await modelRow(r, options.seed ?? 1, options.signal));
  const fits: Record<string, EnergyFit> = {};
  for (const chip of new Set(rows.map((r) => r.chip))) {
    const fitRows = rows.filter((r) => r.chip === chip && !r.heldOut);
    fits[chip] = fitEnergyModel(fitRows.map((r) => ({ id: r.id, modelJ: raw.get(r.id) as number, wallS: r.wallS ?? 0, measuredJ: r.measuredJ })));
  }
  return {
    fits,
    rows: rows.map((r) => {
      const rawModelJ = raw.get(r.id) as number;
      const fit = fits[r.chip] as EnergyFit;
      const modelledJ = applyFit(fit, rawModelJ, r.wallS ?? 0);
      const hostJ = fit.hostPowerW * (r.wallS ?? 0);
      return { id: r.id, system: r.system, chip: r.chip, network: r.network, measuredJ: r.measuredJ, modelledJ, ratio: modelledJ / r.measuredJ, rawModelJ, hostJ, source: r.source, heldOut: r.heldOut };
    }),
  };
}

/**
 * The worst held-out row, as a factor ≥ 1 (how far its modelled energy is from the measured, either
 * way); NaN when the report holds no held-out row. Studies print it beside any energy claim, and
 * show a figure whose model is off by more than it as a range.
 */
export function worstHeldOutRatio(report: EnergyCheckReport): number {
  const held = report.rows.filter((r) => r.heldOut);
  return held.length === 0 ? NaN : Math.max(...held.map((r) => offByFactor(r.ratio)));
}

/**
 * The range a modelled energy claim stands for when the check's worst held-out row is off by
 * `worst` (a factor ≥ 1): [modelled ÷ worst, modelled × worst]. A study shows this range instead
 * of the single figure; with no held-out row (NaN) the claim has no checked range and is returned
 * unbounded.
 */
export function energyClaimRange(modelledJ: number, worst: number): { readonly lowJ: number; readonly highJ: number } {
  if (!Number.isFinite(worst) || worst < 1) return { lowJ: 0, highJ: Infinity };
  return { lowJ: modelledJ / worst, highJ: modelledJ * worst };
}
