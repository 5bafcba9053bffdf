/**
 * The energy model's free parameters, per chip, and their fit. The per-operation model lacks two
 * things a measured board shows:
 * - `scale`: a factor on the modelled dynamic chip energy — per-op figures are pre-silicon minima
 *   (Loihi's 23.6 pJ) or stand-ins, and the rows' firing rates are assumptions;
 * - `hostPowerW`: power of the host interface while it streams the input step by step (Loihi's
 *   embedded x86 cores, Blouw 2018 §2.2 sources 2 and 5), charged over the measured wall time.
 * Measured ≈ scale · E_model + hostPowerW · wallS.
 */
export interface EnergyFit {
  readonly scale: number;
  readonly hostPowerW: number;
  /** Ids of the rows the parameters were fitted on (none: the prior, scale 1 and no host power). */
  readonly fittedOn: readonly string[];
}

/** What the fit reads of a row: the modelled chip energy, the host wall time and the measurement. */
export interface FitPoint {
  readonly id: string;
  readonly modelJ: number;
  /** 0 when no host streams the input. */
  readonly wallS: number;
  readonly measuredJ: number;
}

/** The parameters before any fit: the per-op model as it stands. */
export const PRIOR_FIT: EnergyFit = { scale: 1, hostPowerW: 0, fittedOn: [] };

/**
 * Least squares on relative error, Σ((scale·a + host·b − m)/m)², solved in closed form (2×2 normal
 * equations). When the points cannot separate the two (one point, or no host time, or a negative
 * solution) only the scale is fitted: scale = Σ(a/m) / Σ(a/m)², host power 0. No points: the prior.
 */
export function fitEnergyModel(points: readonly FitPoint[]): EnergyFit {
  const usable = points.filter((p) => p.modelJ > 0 && p.measuredJ > 0);
  if (usable.length === 0) return PRIOR_FIT;
  let aa = 0;
  let ab = 0;
  let bb = 0;
  let a1 = 0;
  let b1 = 0;
  for (const p of usable) {
    const a = p.modelJ / p.measuredJ;
    const b = p.wallS / p.measuredJ;
    aa += a * a;
    ab += a * b;
    bb += b * b;
    a1 += a;
    b1 += b;
  }
  const fittedOn = usable.map((p) => p.id);
  const det = aa * bb - ab * ab;
  if (usable.length >= 2 && bb > 0 && det > 1e-9 * aa * bb) {
    const scale = (a1 * bb - b1 * ab) / det;
    const hostPowerW = (aa * b1 - ab * a1) / det;
    if (scale > 0 && hostPowerW >= 0) return { scale, hostPowerW, fittedOn };
  }
  return { scale: a1 / aa, hostPowerW: 0, fittedOn };
}

/** Modelled energy of a row under a fit, J. */
export function applyFit(fit: EnergyFit, modelJ: number, wallS: number): number {
  return fit.scale * modelJ + fit.hostPowerW * wallS;
}
