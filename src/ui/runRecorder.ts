import type { SimClient } from '../../workers/client.ts';
import type { TrainReply } from '../../workers/trainApi.ts';
import { explainError } from '../../workers/explainError.ts';
import { CHIP_TARGET_DEFAULT } from '../core/hardware/chipTarget.ts';
import type { NetworkWeights } from '../core/network/weights.ts';
import type { RunEnergy } from '../core/spec/runRecord.ts';
import type { Workspace } from '../core/spec/workspace.ts';
import { makeRunRecord } from '../core/train/runLog.ts';
import { runSettingsOf } from '../core/train/runSettings.ts';
import type { useStore } from './store/index.ts';

/**
 * Energy per inference of the trained network on the workspace's chip, from the mapper the chip
 * tab uses (its energy model over the spikes of the workspace's input). A network the chip cannot
 * hold gives null with the mapper's reason.
 */
async function measureEnergy(sim: SimClient, ws: Workspace, weights: NetworkWeights, jobId: string): Promise<RunEnergy> {
  const chip = (ws.chip ?? CHIP_TARGET_DEFAULT).id;
  try {
    const m = await sim.map(jobId, ws, undefined, weights);
    return { chip: m.chip, joules: m.energyPerInferenceJ };
  } catch (e) {
    return { chip, joules: null, reason: explainError(e, 'mapping the trained network').message.slice(0, 500) };
  }
}

/** What startTraining knows of a training that returned weights. */
export interface TrainedRun {
  /** The workspace as sent to the worker (its seed and the page's size). */
  readonly sent: Workspace;
  readonly reply: TrainReply;
  readonly startedAt: number;
}

/**
 * Records a training in the workspace's run log: its settings, curve and test figures, and its
 * energy per inference once the chip mapper has costed the trained network (the run appears then;
 * `runsMeasuring` counts the ones waiting). The next training may start meanwhile: the mapper runs
 * in the simulation worker, the training in its own.
 */
export async function recordRun(store: typeof useStore, sim: SimClient | undefined, run: TrainedRun): Promise<void> {
  const { sent, reply, startedAt } = run;
  const settings = runSettingsOf(sent, reply.backend);
  if (!settings || reply.history.length === 0) return;
  const id = `${startedAt.toString(36)}-${sent.seed}-${Math.random().toString(36).slice(2, 6)}`;
  store.getState().setRuns({ runsMeasuring: store.getState().runsMeasuring + 1 });
  try {
    const trained = { ...sent, network: reply.network };
    const energy: RunEnergy = sim ? await measureEnergy(sim, trained, reply.weights, `run-energy-${id}`) : { chip: (sent.chip ?? CHIP_TARGET_DEFAULT).id, joules: null, reason: 'no simulation worker to map it' };
    store.getState().recordRun(makeRunRecord({ id, seed: sent.seed, startedAt, settings, history: reply.history, bestEpoch: reply.bestEpoch, test: reply.test, energy, cancelled: reply.cancelled }));
  } finally {
    store.getState().setRuns({ runsMeasuring: Math.max(0, store.getState().runsMeasuring - 1) });
  }
}
