import { prepareSource, type PreparedInput } from './data/sources/index.ts';
import type { FileResolver } from './data/fileSources.ts';
import type { CompiledNetwork, Engine, SimOptions, SimulationResult } from './engine/types.ts';
import { compileNetwork } from './network/compile.ts';
import type { NetworkWeights } from './network/weights.ts';
import type { Workspace } from './spec/workspace.ts';
import { checkWorkspaceBudgets } from './spec/workspaceBudgets.ts';

export type { PreparedInput, RunSource } from './data/sources/index.ts';

/** Everything a run of a workspace needs, prepared from the workspace (and its files) alone. */
export interface PreparedRun extends PreparedInput {
  readonly network: CompiledNetwork;
}

/** Loads and encodes the data and compiles the network; same workspace and files => same bits. */
export function prepareRun(ws: Workspace, weights?: NetworkWeights, files?: FileResolver): PreparedRun {
  return { ...prepareInput(ws, files), network: compileNetwork(ws.network, weights, ws.seed) };
}

/**
 * Loads (or generates) the workspace's data and encodes it; no network is built. Refuses a
 * workspace over its budgets (BudgetError) before generating anything; prepareRun relies on it.
 */
export function prepareInput(ws: Workspace, files?: FileResolver): PreparedInput {
  checkWorkspaceBudgets(ws);
  return prepareSource(ws, files);
}

/** Runs a prepared workspace on an engine, recording what the workspace asks for. */
export function simulatePrepared(
  run: PreparedRun,
  engine: Engine,
  ws: Workspace,
  extra: Pick<SimOptions, 'signal' | 'onProgress'> = {},
): Promise<SimulationResult> {
  return engine.simulate(run.network, run.input, { dtMs: run.dtMs, membrane: ws.simulation.record.membrane, ...extra });
}
