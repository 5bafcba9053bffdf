import { figureStamp, type FigureStamp } from '../../../core/share/figureStamp.ts';
import type { SimClient } from '../../../../workers/client.ts';
import { SPIKELAB_VERSION } from '../../appVersion.ts';
import { mappingArtifacts } from '../../mappingController.ts';
import { currentWeights } from '../../runController.ts';
import { shareUrl } from '../../share/shareLink.ts';
import { useStore, type Store } from '../../store/index.ts';

/** Which engine produced what a figure shows: the last run, the last training, or the chip mapping. */
export type StampEngine = 'run' | 'train' | 'chip';

/** The engine's words for each kind of figure (looked up, one owner per kind). */
const ENGINE_OF: Readonly<Record<StampEngine, (s: Store) => string>> = {
  run: (s) => (s.summary ? `${s.summary.engine.name} (${s.summary.engine.backend})` : 'no run yet'),
  train: (s) => s.trainBackend ?? (s.trainStatus === 'training' || s.trainStatus === 'paused' ? 'training (engine reported at the end)' : 'not trained'),
  // The mapper counts spikes with the event engine (workers/simApi.ts map), then applies the chip's model.
  chip: (s) => {
    const r = s.mapping ? mappingArtifacts.get(s.mapping.id) : undefined;
    return r ? `events (typed-arrays) spike counts, ${r.chipName} cost model` : 'no mapping yet';
  },
};

/**
 * The stamp of a figure exported now: the share link of the workspace as the Share button makes it
 * (trained weights in it when they fit; encoded in the worker, as a large network's weights take
 * longer than a frame), the workspace's seed, the engine behind the figure and Spikelab's version.
 */
export async function currentStamp(client: SimClient, engine: StampEngine): Promise<FigureStamp> {
  const s = useStore.getState();
  const ws = s.workspace;
  if (!ws) throw new Error('no workspace is open');
  const reply = await client.encodeLink(ws, s.weightsId ? currentWeights(useStore, ws) : undefined);
  const link = reply.ok ? shareUrl(reply.link, location).url : { refused: reply.reason };
  return figureStamp({ link, seed: ws.seed, engine: ENGINE_OF[engine](s), version: SPIKELAB_VERSION });
}
