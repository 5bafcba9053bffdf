import type { FileResolver } from './data/fileSources.ts';
import { prepareSource, sourceClassOf, type PreparedInput } from './data/sources/index.ts';
import { readoutOverTime, type ReadoutOverTime } from './engine/readout/readoutOverTime.ts';
import type { CompiledNetwork, Engine, SimOptions, SimulationResult } from './engine/types.ts';
import { compileNetwork } from './network/compile.ts';
import type { NetworkWeights } from './network/weights.ts';
import type { Workspace } from './spec/workspace.ts';
import { checkWorkspaceBudgets } from './spec/workspaceBudgets.ts';
import { workspaceClassNames } from './data/classNames.ts';

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
  const precision = ws.simulation.precision;
  return engine.simulate(run.network, run.input, { dtMs: run.dtMs, membrane: ws.simulation.record.membrane, ...(precision ? { precision } : {}), ...extra });
}

/** What the network decided on the input shown: its read-out over time, the class names and the true class. */
export interface RunReadout {
  readonly readout: ReadoutOverTime;
  /** Class names in label order; undefined when the workspace does not name them (then they are numbered). */
  readonly classes: readonly string[] | undefined;
  /** The class the input is, when it is known (a built-in source's class, a test sample's label). */
  readonly truth: string | undefined;
}

/** The read-out over time of a workspace's run (its first sample, decided as its training decides). */
export function readoutOfRun(ws: Workspace, run: PreparedRun, result: SimulationResult): RunReadout {
  return {
    readout: readoutOverTime(run.network, run.input, result, { loss: ws.training?.loss }),
    classes: workspaceClassNames(ws),
    truth: sourceClassOf(ws),
  };
}
