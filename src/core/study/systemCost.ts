import { CHIP_TARGET_DEFAULT } from '../hardware/chipTarget.ts';
import { ANN_DEVICES, annMacsPerPass } from '../hardware/annDevices.ts';
import type { Engine } from '../engine/types.ts';
import type { AbortSignalLike } from '../errors.ts';
import { mapWorkspace } from '../hardware/mapWorkspace.ts';
import { populationsOf } from '../hardware/populations.ts';
import type { NetworkWeights } from '../network/weights.ts';
import type { Workspace } from '../spec/workspace.ts';
import type { StudyDevice, StudyStage } from './studyTypes.ts';

/** Energy, latency and weight-memory reads of one inference on a study's device. */
export interface SystemCost {
  readonly device: string;
  readonly energyJ: number | null;
  /** The energy without static power (leakage over the inference's time): what the work itself costs. */
  readonly dynamicJ: number | null;
  readonly latencyS: number | null;
  readonly weightReads: number;
  readonly gopsPerW: number | null;
  readonly otherDevices: readonly { readonly device: string; readonly energy_per_inference_j: number; readonly latency_s: number | null }[];
  readonly notes: readonly string[];
  /** A system split across devices: each stage (energyJ and latencyS are their sums). */
  readonly stages?: readonly StudyStage[];
}

/** The weights a forward pass reads: every stored value once. */
function storedWeights(weights: NetworkWeights): number {
  let n = 0;
  for (const w of Object.values(weights)) n += w.values.length;
  return n;
}

/**
 * A chip: the mapper the chip view uses, over the spikes of the workspace's own input with the
 * trained weights; the workspace's chip target is kept when it names this chip (a study may set a
 * real-time rate or weight bits there), else the chip's defaults.
 */
async function chipCost(id: string, ws: Workspace, weights: NetworkWeights, engine: Engine, signal: AbortSignalLike | undefined): Promise<SystemCost> {
  const chip = ws.chip?.id === id ? ws.chip : { ...CHIP_TARGET_DEFAULT, id };
  try {
    const m = await mapWorkspace({ ...ws, chip }, engine, { weights, ...(signal ? { signal } : {}) });
    return { device: m.chip, energyJ: m.energyPerInferenceJ, dynamicJ: m.energyPerInferenceJ - m.energy.staticJ, latencyS: m.latencyS, weightReads: m.counts.weightReads, gopsPerW: m.efficiency.gopsPerW, otherDevices: [], notes: m.notes };
  } catch (e) {
    // A network the chip cannot hold is a finding of the study, not a failure of it.
    return { device: id, energyJ: null, dynamicJ: null, latencyS: null, weightReads: storedWeights(weights), gopsPerW: null, otherDevices: [], notes: [`not mapped on ${id}: ${e instanceof Error ? e.message : String(e)}`] };
  }
}

/**
 * A conventional device: the network's multiply-accumulates per forward pass (hardware/annDevices.ts)
 * times the passes an inference needs (one for a held input, one per step otherwise), at the
 * device's energy per MAC and peak rate — both lower bounds, as the device table says.
 */
function annCost(id: string, ws: Workspace, weights: NetworkWeights, passes: number): SystemCost {
  const d = ANN_DEVICES.find((x) => x.id === id);
  if (!d) throw new Error(`no ANN device '${id}'; the devices are ${ANN_DEVICES.map((x) => x.id).join(', ')}`);
  const macs = annMacsPerPass(populationsOf(ws.network)) * passes;
  return {
    device: d.id,
    energyJ: macs * d.pJPerMac * 1e-12,
    // The device figures are power ÷ peak rate: no idle power is charged, so all of it is dynamic.
    dynamicJ: macs * d.pJPerMac * 1e-12,
    latencyS: d.macsPerS === null ? null : macs / d.macsPerS,
    weightReads: storedWeights(weights) * passes,
    gopsPerW: null,
    otherDevices: ANN_DEVICES.filter((x) => x.id !== d.id).map((x) => ({ device: x.id, energy_per_inference_j: macs * x.pJPerMac * 1e-12, latency_s: x.macsPerS === null ? null : macs / x.macsPerS })),
    notes: [`${d.name}: ${macs.toExponential(3)} MACs per inference (${passes} pass${passes === 1 ? '' : 'es'}); ${d.source}`],
  };
}

/** Costs one trained system on its device. `passes`: forward passes of one inference for an ANN device. */
export function systemCost(device: StudyDevice, ws: Workspace, weights: NetworkWeights, engine: Engine, passes: number, signal?: AbortSignalLike): Promise<SystemCost> {
  return device.kind === 'chip' ? chipCost(device.id, ws, weights, engine, signal) : Promise.resolve(annCost(device.id, ws, weights, passes));
}
