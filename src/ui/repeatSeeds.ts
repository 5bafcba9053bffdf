import type { TrainClient } from '../../workers/trainClient.ts';
import type { SimClient } from '../../workers/client.ts';
import type { NamedBytes } from '../core/data/formats/loadFiles.ts';
import type { useStore } from './store/index.ts';
import { startTraining } from './trainController.ts';

/** Seeds a "repeat over N seeds" may ask for: one seed is not a result, ten take long enough. */
export const REPEAT_MIN = 2;
export const REPEAT_MAX = 10;
export const REPEAT_DEFAULT = 3;

/** The training jobs of one panel: each training gets a new id, and Stop reaches the current one. */
export interface TrainJobs {
  next(): string;
  /** The id of the training started last (Pause and Resume reach it). */
  current(): string;
  /** Stops the current training and, in a sequence, the runs after it. */
  stop(): void;
  /** True once stop() was called during the current sequence. */
  readonly stopped: boolean;
  /** Starts a sequence: stop() from now on also ends it. */
  begin(): void;
}

/** The job ids `train1`, `train2`, … of one panel, stopped through `client`. */
export function trainJobs(client: TrainClient): TrainJobs {
  let n = 0;
  let stopped = false;
  return {
    next: () => `train${++n}`,
    current: () => `train${n}`,
    stop: () => {
      stopped = true;
      client.stop(`train${n}`);
    },
    get stopped() {
      return stopped;
    },
    begin: () => {
      stopped = false;
    },
  };
}

/**
 * Trains the workspace as it reads now `count` times, with seeds s, s + 1, … (s: the workspace's
 * seed), one after another in the training worker; each finished run goes into the run log. Stop
 * ends the sequence after the run in progress (kept if it finished an epoch); so does an error.
 */
export async function repeatOverSeeds(store: typeof useStore, client: TrainClient, sim: SimClient, count: number, jobs: TrainJobs, files: () => Promise<readonly NamedBytes[] | undefined>): Promise<void> {
  const ws = store.getState().workspace;
  if (!ws?.training) return;
  const total = Math.min(REPEAT_MAX, Math.max(REPEAT_MIN, Math.round(count)));
  jobs.begin();
  try {
    for (let k = 0; k < total; k++) {
      store.getState().setRuns({ repeat: { index: k + 1, total } });
      const outcome = await startTraining(store, client, jobs.next(), files, { seed: (ws.seed + k) % 0x1_0000_0000, workspace: ws, sim });
      if (outcome !== 'done' || jobs.stopped) break;
    }
  } finally {
    store.getState().setRuns({ repeat: null });
  }
}
