import type { TrainClient } from '../../workers/trainClient.ts';
import type { TrainPhase } from '../../workers/trainApi.ts';
import { CancelledError } from '../core/errors.ts';
import type { NamedBytes } from '../core/data/formats/loadFiles.ts';
import { pageTrainingSize, withTrainingSize } from '../core/train/pageTrainingSize.ts';
import type { useStore } from './store/index.ts';
import { weightArtifacts } from './runController.ts';
import { explainError } from '../../workers/explainError.ts';
import type { SimClient } from '../../workers/client.ts';
import type { Workspace } from '../core/spec/workspace.ts';
import { recordRun } from './runRecorder.ts';

/** What a Stop before the first finished epoch leaves: the weights the page had. */
export const STOPPED_BEFORE_EPOCH = 'Stopped before the first epoch finished: no new weights, the previous ones stay.';

/** Records a progress report: a new phase restarts the clock its ETA counts from. */
function progress(store: typeof useStore, done: number, total: number, phase: TrainPhase): void {
  const st = store.getState();
  const prev = st.trainProgress;
  const since = prev?.phase === phase ? prev.since : Date.now();
  st.setTrain({ trainProgress: { phase, done, total, since }, ...(phase === 'train' ? { batchProgress: done / total } : {}) });
}

/** Choices of one training: the seed (default the workspace's), the workspace (default the current one), the mapper for its energy. */
export interface TrainingOptions {
  readonly seed?: number;
  readonly workspace?: Workspace;
  /** The simulation worker, whose mapper costs the trained network's energy for the run log. */
  readonly sim?: SimClient;
}

/** How a training ended: with weights ('done'; 'stopped' when Stop cut it short after an epoch), or without. */
export type TrainingOutcome = 'done' | 'stopped' | 'error';

/**
 * Trains the current workspace in the worker at the page's size (pageTrainingSize.ts) and adopts
 * the result: the best finished epoch's weights, and the network with learned neuron parameters
 * (only if the network was not edited meanwhile). A Stop before any finished epoch changes nothing.
 * A training that returned weights is recorded in the workspace's run log (runRecorder.ts).
 */
export async function startTraining(store: typeof useStore, client: TrainClient, jobId: string, files: () => Promise<readonly NamedBytes[] | undefined>, options: TrainingOptions = {}): Promise<TrainingOutcome> {
  const current = options.workspace ?? store.getState().workspace;
  if (!current) return 'error';
  const ws = options.seed === undefined ? current : { ...current, seed: options.seed };
  const { setTrain } = store.getState();
  setTrain({ trainStatus: 'training', epochs: [], batchProgress: 0, trainProgress: { phase: 'prepare', done: 0, total: 1, since: Date.now() }, trainStartedAt: Date.now(), trainError: null, trainErrorDetail: null, testMetrics: null, testCoverage: null, trainInfo: null });
  const startedAt = Date.now();
  try {
    const sized = withTrainingSize(ws, pageTrainingSize(ws, store.getState().trainFull));
    const reply = await client.train(jobId, sized, (r) => setTrain({ epochs: [...store.getState().epochs, r], trainProgress: null }), (d, t, phase) => progress(store, d, t, phase), await files());
    const weightsId = weightArtifacts.put(reply.weights);
    // Learned decays / thresholds live in the network spec: adopt it (undoable), then the
    // weights fit the network as it now reads.
    // Only if the network was not edited meanwhile: the weights fit the trained network, not an edited one.
    const trained = JSON.stringify(reply.network);
    const unchanged = JSON.stringify(store.getState().workspace?.network) === JSON.stringify(ws.network);
    let weightsNetwork = trained;
    // The store re-validates the adopted network (key order as the schema gives it): compare with that.
    if (unchanged && trained !== JSON.stringify(ws.network) && store.getState().edit('learned neuron parameters', (d) => void (d.network = structuredClone(reply.network) as unknown as typeof d.network)))
      weightsNetwork = JSON.stringify(store.getState().workspace?.network);
    const stopped = reply.cancelled ? ` (stopped; the best finished epoch, ${reply.bestEpoch + 1}, kept)` : '';
    setTrain({
      trainStatus: 'done',
      trainProgress: null,
      testMetrics: reply.test,
      testCoverage: reply.testCoverage,
      testClasses: reply.classes,
      trainInfo: `${reply.description} on ${reply.backend}${stopped}`,
      trainBackend: reply.backend,
      weightsId,
      weightsNetwork,
    });
    // Not awaited: the next training of a sequence starts while the mapper costs this one.
    void recordRun(store, options.sim, { sent: sized, reply, startedAt });
    return reply.cancelled ? 'stopped' : 'done';
  } catch (e) {
    if (e instanceof CancelledError) {
      setTrain({ trainStatus: 'stopped', trainProgress: null, trainInfo: STOPPED_BEFORE_EPOCH });
      return 'stopped';
    }
    const shown = explainError(e, 'training');
    setTrain({ trainStatus: 'error', trainProgress: null, trainError: shown.message, trainErrorDetail: shown.detail ?? null });
    return 'error';
  }
}
