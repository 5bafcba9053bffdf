import * as tf from '@tensorflow/tfjs';
import type { CompiledNetwork } from '../engine/types.ts';
import type { AbortSignalLike } from '../errors.ts';
import type { Rng } from '../rng.ts';
import type { TrainingConfig } from '../spec/trainingConfig.ts';
import { createVariables } from './forward.ts';
import { predict, shuffle } from './inference.ts';
import { classMetrics, type ClassMetrics } from './metrics.ts';
import type { LabelledSet } from './trainer.ts';
import { subsetOf } from '../data/datasets/labelledSet.ts';

/** How much of the test set was scored: all of it, or a random subset because training was stopped. */
export interface TestCoverage {
  readonly scored: number;
  readonly total: number;
  /** True when Stop cut scoring short: the metrics are those of a uniform random subset. */
  readonly stopped: boolean;
}

/** The test set as scored: metrics, the scored samples (in set order) and their predictions. */
export interface ScoredTestSet {
  readonly metrics: ClassMetrics;
  readonly set: LabelledSet;
  readonly predictions: Int32Array;
  readonly coverage: TestCoverage;
}

/** How long scoring may still run once Stop was pressed, ms: Stop must end within a second or two. */
export const STOPPED_SCORING_MS = 1000;
/** Samples predicted between two looks at the stop signal and the clock. */
export const TEST_CHUNK = 256;

/** Options of scoreTestSet. */
export interface TestScoringOptions {
  /** Stop: when it fired before scoring began, scoring runs `stoppedBudgetMs`; when it fires during, scoring ends after the chunk. */
  readonly signal?: AbortSignalLike | undefined;
  /** Orders the samples: any prefix of the order is a uniform random subset. */
  readonly rng: Rng;
  readonly stoppedBudgetMs?: number;
  readonly chunk?: number;
  /** Milliseconds now (Date.now unless a test gives its own clock). */
  readonly clock?: () => number;
  onProgress?(done: number, total: number): void;
}

/**
 * Predicts the test set chunk by chunk in a seeded random order, giving the event loop a turn and
 * reporting progress between chunks, so a 50,000-beat test set neither hides its progress nor
 * holds a Stop for minutes. Stopped, it scores what it has (at least one chunk): a uniform random
 * subset whose size `coverage` reports, so the page can say that the figure is a subset's.
 */
export async function scoreTestSet(net: CompiledNetwork, set: LabelledSet, dtMs: number, cfg: TrainingConfig, options: TestScoringOptions): Promise<ScoredTestSet> {
  const vars = createVariables(net);
  try {
    return await scoreInOrder(set, (idx) => predict(net, vars, set, idx, dtMs, cfg), options);
  } finally {
    tf.dispose(Object.values(vars));
  }
}

/** scoreTestSet with any predictor of a chunk's classes (tfjs above, or the kernel that trained). */
export async function scoreInOrder(set: LabelledSet, predictChunk: (idx: readonly number[]) => Int32Array | Promise<Int32Array>, options: TestScoringOptions): Promise<ScoredTestSet> {
  const { signal, onProgress } = options;
  const clock = options.clock ?? Date.now;
  const chunk = Math.max(1, options.chunk ?? TEST_CHUNK);
  const budget = options.stoppedBudgetMs ?? STOPPED_SCORING_MS;
  const total = set.labels.length;
  const order = shuffle(total, options.rng);
  // A function, not a property read: the signal changes under the loop while it awaits.
  const stopPressed = (): boolean => signal?.aborted === true;
  const stoppedBefore = stopPressed();
  const t0 = clock();
  const predictedAt = new Int32Array(total).fill(-1);
  let done = 0;
  let stopped = false;
  while (done < total) {
    if (done > 0 && (stoppedBefore ? clock() - t0 >= budget : stopPressed())) {
      stopped = true;
      break;
    }
    const part = order.slice(done, done + chunk);
    const pred = await predictChunk(part);
    part.forEach((i, k) => (predictedAt[i] = pred[k] as number));
    done += part.length;
    onProgress?.(done, total);
    // Let Stop and progress messages through before the next chunk.
    await new Promise<void>((r) => setTimeout(r, 0));
  }
  const kept = order.slice(0, done).sort((a, b) => a - b);
  const labels = Int32Array.from(kept, (i) => set.labels[i] as number);
  const predictions = Int32Array.from(kept, (i) => predictedAt[i] as number);
  const scoredSet: LabelledSet = done === total ? set : subsetOf(set, kept);
  return { metrics: classMetrics(labels, predictions, set.classes), set: scoredSet, predictions, coverage: { scored: done, total, stopped } };
}
