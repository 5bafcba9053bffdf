import type { AbortSignalLike } from '../errors.ts';
import type { SetScore } from './inference.ts';

/** Samples scored between two looks at the stop signal: a few hundred ms on the page's kernel. */
export const SCORE_CHUNK = 512;

/**
 * Scores `idx` chunk by chunk with `score`, giving the event loop a turn and looking at `signal`
 * between chunks, so that Stop is heard during a long validation or test pass. Returns the merged
 * score (predictions in `idx` order; loss and spikes per sample averaged over all samples), or
 * undefined when the signal fired before the last chunk was scored.
 */
export async function scoreInChunks(
  score: (idx: readonly number[]) => SetScore | Promise<SetScore>,
  idx: readonly number[],
  options: { readonly signal?: AbortSignalLike | undefined; readonly chunk?: number; onProgress?(done: number, total: number): void } = {},
): Promise<SetScore | undefined> {
  const chunk = Math.max(1, options.chunk ?? SCORE_CHUNK);
  const pred = new Int32Array(idx.length);
  const spikes: Record<string, number> = {};
  let lossSum = 0;
  for (let at = 0; at < idx.length; at += chunk) {
    if (options.signal?.aborted) return undefined;
    const part = idx.slice(at, at + chunk);
    const s = await score(part);
    pred.set(s.pred, at);
    lossSum += s.loss * part.length;
    for (const [name, v] of Object.entries(s.layerSpikes)) spikes[name] = (spikes[name] ?? 0) + v * part.length;
    options.onProgress?.(at + part.length, idx.length);
    // Let pause, stop and progress messages through before the next chunk.
    await new Promise<void>((r) => setTimeout(r, 0));
  }
  const n = Math.max(1, idx.length);
  return { pred, loss: lossSum / n, layerSpikes: Object.fromEntries(Object.entries(spikes).map(([k, v]) => [k, v / n])) };
}
