import type { FileResolver } from '../data/fileSources.ts';
import type { AbortSignalLike } from '../errors.ts';
import type { Engine, SimulationResult } from '../engine/types.ts';
import type { NetworkWeights } from '../network/weights.ts';
import { prepareRun, simulatePrepared, type PreparedRun } from '../pipeline.ts';
import type { Workspace } from '../spec/workspace.ts';
import { CHIP_TARGET_DEFAULT, type ChipTarget } from './chipTarget.ts';
import { resolveChip } from './chips/index.ts';
import type { StepEvents } from './costModel.ts';
import { mapNetwork } from './mapNetwork.ts';
import { assertCanFit } from './mappingPrecheck.ts';
import { checkWorkspaceBudgets } from '../spec/workspaceBudgets.ts';
import type { MappingResult } from './mappingTypes.ts';
import { populationsOf } from './populations.ts';

/** The workspace's chip target, or the default (Loihi). */
export function chipTargetOf(ws: Workspace): ChipTarget {
  return ws.chip ?? CHIP_TARGET_DEFAULT;
}

/** Spike events of a recorded run: the input's non-zero entries (a graded value is one event) and every population's spikes. */
export function stepEventsOf(ws: Workspace, run: PreparedRun, result: SimulationResult): StepEvents {
  const { steps, neurons, values } = run.input;
  const times: number[] = [];
  const ids: number[] = [];
  for (let t = 0; t < steps; t++) {
    const row = t * neurons;
    for (let i = 0; i < neurons; i++) if (values[row + i] !== 0) {
      times.push(t);
      ids.push(i);
    }
  }
  const graph = populationsOf(ws.network);
  const empty = { times: new Uint32Array(0), ids: new Uint32Array(0) };
  const pops = graph.populations.map((p) => {
    const train = result.layers.find((l) => l.name === p.name)?.spikes[0];
    return train ? { times: train.times, ids: train.ids } : empty;
  });
  const inferences = run.source.kind === 'beats' ? Math.max(1, run.source.beats.length) : 1;
  return { steps, inferences, dtMs: run.dtMs, input: { times: Uint32Array.from(times), ids: Uint32Array.from(ids) }, pops };
}

/** True when each inference holds one input vector over its steps (ECG beat windows, images). */
export function inputIsStatic(ws: Workspace, run: PreparedRun): boolean {
  return run.source.kind === 'beats' || run.source.kind === 'image';
}

/** Options of a workspace mapping. */
export interface MapWorkspaceOptions {
  readonly weights?: NetworkWeights;
  readonly files?: FileResolver;
  readonly signal?: AbortSignalLike;
  readonly onProgress?: (stage: string, fraction: number) => void;
}

/**
 * Maps a workspace on its chip: simulates it (with the trained weights when given) to record the
 * spikes, then partitions, places and costs the network from those spikes. A workspace over its
 * budgets (BudgetError), or a network with more neurons than the chip's cores can hold
 * (MappingError), is refused first, before anything is simulated.
 */
export async function mapWorkspace(ws: Workspace, engine: Engine, options: MapWorkspaceOptions = {}): Promise<MappingResult> {
  const target = chipTargetOf(ws);
  const chip = resolveChip(target);
  checkWorkspaceBudgets(ws);
  assertCanFit(ws.network, chip);
  const run = prepareRun(ws, options.weights, options.files);
  options.onProgress?.('simulate', 0);
  const result = await simulatePrepared(run, engine, ws, {
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.onProgress ? { onProgress: (d: number, t: number) => options.onProgress?.('simulate', (0.3 * d) / t) } : {}),
  });
  const mapped = await mapNetwork({
    net: ws.network,
    chip,
    target,
    events: stepEventsOf(ws, run, result),
    staticInput: inputIsStatic(ws, run),
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.onProgress ? { onProgress: (s: string, f: number) => options.onProgress?.(s, 0.3 + 0.7 * f) } : {}),
  });
  // Traffic and energy come from the recorded spikes: a recording cut at its budget undercounts them.
  if (result.notes.length === 0) return mapped;
  return { ...mapped, notes: [...mapped.notes, ...result.notes.map((n) => `the spike traffic counts the recorded spikes only: ${n.message}`)] };
}
