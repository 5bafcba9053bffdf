import type { NirGraph, NirNode } from './nirGraph.ts';
import { metadataDtMs } from './nirSpikelabMetadata.ts';

/** Time step used when neither the caller nor the file says: Norse's default, 1 ms. */
export const DEFAULT_NIR_DT_MS = 1;

/** The time step an import discretises NIR's time constants with, and why it was chosen. */
export interface ChosenTimeStep {
  readonly dtMs: number;
  readonly note?: string;
}

/** τ/R of a node with a membrane time constant, when all its neurons share it. */
function impliedStepS(node: NirNode): number | undefined {
  const pair = node.type === 'LIF' || node.type === 'LI' ? [node.tau, node.r] : node.type === 'CubaLIF' || node.type === 'CubaLI' ? [node.tauMem, node.r] : undefined;
  if (!pair) return undefined;
  const [tau, r] = pair;
  const t = tau?.values[0];
  const rr = r?.values[0];
  if (t === undefined || rr === undefined || !tau?.values.every((v) => v === t) || !r?.values.every((v) => v === rr)) return undefined;
  // snnTorch writes R = τ/Δt (so that Δt·R/τ = 1); R ≤ 1 would mean Δt ≥ τ, i.e. another convention.
  return rr > 1 ? t / rr : undefined;
}

/**
 * Chooses Δt: the caller's; else the one a Spikelab file records; else, when every neuron node
 * follows snnTorch's convention R = τ/Δt with one common Δt, that Δt (snnTorch writes 0.1 ms);
 * else 1 ms. Graphs without time constants (IF, Integrator only) do not depend on it.
 */
export function chooseTimeStep(graph: NirGraph, nodes: readonly NirNode[], requestedMs: number | undefined): ChosenTimeStep {
  if (requestedMs !== undefined) return { dtMs: requestedMs };
  const recorded = metadataDtMs(graph.metadata);
  if (recorded !== undefined) return { dtMs: recorded };
  const timed = nodes.filter((n) => n.type === 'LIF' || n.type === 'LI' || n.type === 'CubaLIF' || n.type === 'CubaLI');
  if (timed.length === 0) return { dtMs: DEFAULT_NIR_DT_MS };
  const implied = timed.map(impliedStepS);
  const first = implied[0];
  // Exporters compute τ and R in float32, so the implied steps agree to ~1e-7, not exactly.
  if (first !== undefined && implied.every((v) => v !== undefined && Math.abs(v - first) <= 1e-4 * first)) {
    const dtMs = +(first * 1000).toPrecision(6);
    return { dtMs, note: `NIR stores no time step; the neurons follow snnTorch's convention R = τ/Δt, so Δt = ${dtMs} ms (give dtMs, CLI --dt-ms, to choose another)` };
  }
  return { dtMs: DEFAULT_NIR_DT_MS, note: `NIR stores no time step; used Δt = ${DEFAULT_NIR_DT_MS} ms to turn its time constants into decays per step (give dtMs, CLI --dt-ms, to choose another)` };
}
