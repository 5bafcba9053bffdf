import { CHIP_TARGET_DEFAULT } from '../hardware/chipTarget.ts';
import { ANN_DEVICES, annMacsPerPass } from '../hardware/annDevices.ts';
import type { FileResolver } from '../data/fileSources.ts';
import type { Engine } from '../engine/types.ts';
import type { AbortSignalLike } from '../errors.ts';
import { mapWorkspace } from '../hardware/mapWorkspace.ts';
import { countOutputsOf, passesOf } from '../hardware/pipelineCost.ts';
import { populationsOf } from '../hardware/populations.ts';
import type { NetworkWeights } from '../network/weights.ts';
import type { Workspace } from '../spec/workspace.ts';
import type { MappingResult } from '../hardware/mappingTypes.ts';
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

/** The weights an inference reads: every stored value once per pass of its node (`passesOf`, 1 by default). */
function storedWeights(weights: NetworkWeights, passesOf: (node: string) => number = () => 1): number {
  let n = 0;
  for (const [key, w] of Object.entries(weights)) n += w.values.length * passesOf(key.split('.')[0] ?? key);
  return n;
}

/**
 * A chip: the mapper the chip view uses, over the spikes of the workspace's own input with the
 * trained weights; the workspace's chip target is kept when it names this chip (a study may set a
 * real-time rate or weight bits there), else the chip's defaults.
 */
async function chipCost(id: string, ws: Workspace, weights: NetworkWeights, engine: Engine, signal: AbortSignalLike | undefined, files: FileResolver | undefined): Promise<SystemCost> {
  const chip = ws.chip?.id === id ? ws.chip : { ...CHIP_TARGET_DEFAULT, id };
  try {
    const m = await mapWorkspace({ ...ws, chip }, engine, { weights, ...(signal ? { signal } : {}), ...(files ? { files } : {}) });
    const chipOnly: SystemCost = { device: m.chip, energyJ: m.energyPerInferenceJ, dynamicJ: m.energyPerInferenceJ - m.energy.staticJ, latencyS: m.latencyS, weightReads: m.counts.weightReads, gopsPerW: m.efficiency.gopsPerW, otherDevices: [], notes: m.notes };
    return m.pipeline ? pipelineCostOf(m, m.pipeline, chipOnly) : chipOnly;
  } catch (e) {
    // A network the chip cannot hold is a finding of the study, not a failure of it.
    return { device: id, energyJ: null, dynamicJ: null, latencyS: null, weightReads: storedWeights(weights), gopsPerW: null, otherDevices: [], notes: [`not mapped on ${id}: ${e instanceof Error ? e.message : String(e)}`] };
  }
}

/**
 * A hybrid (SNN on the chip → counts over the host link → ANN head on its device): the row's energy
 * and latency are the pipeline's totals, its stages listed; the chip's static power is the only
 * static part (the link and the head's device figures are all work). GOp/s/W stays the chip's.
 */
function pipelineCostOf(m: MappingResult, p: NonNullable<MappingResult['pipeline']>, chipOnly: SystemCost): SystemCost {
  const head = p.stages[2];
  return {
    ...chipOnly,
    device: `${m.chip} + ${head?.device ?? '?'}`,
    energyJ: p.energyPerInferenceJ,
    dynamicJ: p.energyPerInferenceJ - m.energy.staticJ,
    latencyS: p.latencyS,
    stages: p.stages.map((s) => ({ stage: s.stage, device: s.device, energy_j: s.energyJ, latency_s: s.latencyS, detail: s.detail })),
  };
}

/**
 * Passes of one inference run as an ANN, for the nodes before any accumulator (per pass: per step
 * unless the input is held) and for the nodes after accumulators (once per window they close; once
 * per run without a window: an ANN on event frames sums the run's events, then runs once).
 */
function annPasses(ws: Workspace, passes: number): { readonly body: number; readonly head: number; readonly headNodes: ReadonlySet<string>; readonly headMacs: number; readonly bodyMacs: number } {
  const graph = populationsOf(ws.network);
  const head = graph.head;
  const all = annMacsPerPass(graph);
  if (!head) return { body: passes, head: passes, headNodes: new Set(), headMacs: 0, bodyMacs: all };
  const headPasses = Math.max(...countOutputsOf(ws.network).map((o) => passesOf(passes, o.window)));
  return { body: passes, head: headPasses, headNodes: new Set(head.nodes), headMacs: head.macs, bodyMacs: all - head.macs };
}

/** How the MACs of one inference add up: per step (or once for a held input), and after the accumulators once per window. */
function passesNote(p: ReturnType<typeof annPasses>): string {
  const times = (n: number) => `${n} time${n === 1 ? '' : 's'}`;
  const body = p.bodyMacs > 0 ? `${p.bodyMacs} MACs before any accumulator ${times(p.body)}` : '';
  if (p.headMacs === 0) return `${p.body} pass${p.body === 1 ? '' : 'es'}`;
  return [body, `the ${p.headMacs} MACs after the accumulators ${times(p.head)}`].filter((x) => x !== '').join(', ');
}

/**
 * A conventional device: the network's multiply-accumulates per forward pass (hardware/annDevices.ts)
 * times the passes an inference needs (one for a held input, one per step otherwise), at the
 * device's energy per MAC and peak rate — both lower bounds, as the device table says.
 */
function annCost(id: string, ws: Workspace, weights: NetworkWeights, passes: number): SystemCost {
  const d = ANN_DEVICES.find((x) => x.id === id);
  if (!d) throw new Error(`no ANN device '${id}'; the devices are ${ANN_DEVICES.map((x) => x.id).join(', ')}`);
  const p = annPasses(ws, passes);
  const macs = p.bodyMacs * p.body + p.headMacs * p.head;
  return {
    device: d.id,
    energyJ: macs * d.pJPerMac * 1e-12,
    // The device figures are power ÷ peak rate: no idle power is charged, so all of it is dynamic.
    dynamicJ: macs * d.pJPerMac * 1e-12,
    latencyS: d.macsPerS === null ? null : macs / d.macsPerS,
    weightReads: storedWeights(weights, (node) => (p.headNodes.has(node) ? p.head : p.body)),
    gopsPerW: null,
    otherDevices: ANN_DEVICES.filter((x) => x.id !== d.id).map((x) => ({ device: x.id, energy_per_inference_j: macs * x.pJPerMac * 1e-12, latency_s: x.macsPerS === null ? null : macs / x.macsPerS })),
    notes: [`${d.name}: ${macs.toExponential(3)} MACs per inference (${passesNote(p)}); ${d.source}`],
  };
}

/**
 * Costs one trained system on its device. `passes`: forward passes of one inference for an ANN
 * device. `files`: the file a file-source workspace reads (an N-MNIST recording), which the chip's
 * mapping simulates; without it such a workspace is not mapped (the row says why).
 */
export function systemCost(device: StudyDevice, ws: Workspace, weights: NetworkWeights, engine: Engine, passes: number, signal?: AbortSignalLike, files?: FileResolver): Promise<SystemCost> {
  return device.kind === 'chip' ? chipCost(device.id, ws, weights, engine, signal, files) : Promise.resolve(annCost(device.id, ws, weights, passes));
}
