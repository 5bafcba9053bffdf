import { MITBIH_HZ } from '../data/datasets/aami.ts';
import { weightShapes } from '../network/weights.ts';
import type { Workspace } from '../spec/workspace.ts';
import { ecgDataset, type EcgBeatsDataset } from '../spec/trainingConfig.ts';

/**
 * The page's quick size for heartbeat training: the MIT-BIH preset asks for up to 200,000 beats
 * and 30 epochs (the CLI's figures), about 50 minutes in a page. 10,000 beats for 5 epochs train
 * in about half a minute on one kernel thread (plus reading and cutting the records) and reach
 * about 98 % test accuracy on the intra-patient split of the 44 MIT-BIH records (98.1 % after 2
 * epochs with `spikelab train`, 2026-12-05).
 */
export const PAGE_BEATS = 10_000;
export const PAGE_EPOCHS = 5;

/**
 * Kernel BPTT cost per synapse per step per beat, ms, validation included: an epoch of the MIT-BIH
 * preset (66,816 synapses × 8 steps; 8,000 beats trained, 2,000 validated) took about 4.5 s on one
 * kernel thread in Chromium on this 2-core machine (test/e2e/trainingStop.e2e.ts, 2026-12-05).
 * Used only for the estimate shown before starting; the ETA while training is measured.
 */
const MS_PER_SYNAPSE_STEP = 1.0e-6;

/** The size a page run trains at: the workspace's own, or its quick size. */
export interface PageTrainingSize {
  readonly beats: number;
  readonly epochs: number;
  /** True when the workspace asks for more than the quick size (the page offers both). */
  readonly capped: boolean;
}

/** The quick size of a heartbeat workspace (the whole set when `full` or when it is small already); undefined for other data. */
export function pageTrainingSize(ws: Workspace, full: boolean): PageTrainingSize | undefined {
  const d = ecgDataset(ws.training);
  if (!d || !ws.training) return undefined;
  const big = d.beats > PAGE_BEATS || ws.training.epochs > PAGE_EPOCHS;
  const capped = big && !full;
  return { beats: capped ? Math.min(d.beats, PAGE_BEATS) : d.beats, epochs: capped ? Math.min(ws.training.epochs, PAGE_EPOCHS) : ws.training.epochs, capped };
}

/** The workspace a page run sends to the worker: its training resized to `size` (the workspace itself is not edited). */
export function withTrainingSize(ws: Workspace, size: PageTrainingSize | undefined): Workspace {
  const d = ecgDataset(ws.training);
  if (!size || !d || !ws.training) return ws;
  return { ...ws, training: { ...ws.training, epochs: size.epochs, dataset: { ...d, beats: size.beats } satisfies EcgBeatsDataset } };
}

/** Steps one beat takes through the network: the held window's steps, or the decimated samples of a 360 Hz window. */
function beatSteps(d: EcgBeatsDataset): number {
  return d.input === 'window' ? d.steps : Math.round(((d.beforeS + d.afterS) * MITBIH_HZ) / d.decimate);
}

/**
 * Seconds the training epochs of `size` take on the page's kernel, estimated from the network's
 * synapses and steps: at most `size.beats` beats, 80 % of them trained and 20 % validated (intra).
 * Reading the files, building the beats and scoring the test set come on top (they show progress).
 */
export function estimateTrainingSeconds(ws: Workspace, size: PageTrainingSize): number {
  const d = ecgDataset(ws.training);
  if (!d) return NaN;
  const synapses = Object.values(weightShapes(ws.network)).reduce((a, s) => a + s.reduce((x, y) => x * y, 1), 0);
  return (size.epochs * size.beats * synapses * beatSteps(d) * MS_PER_SYNAPSE_STEP) / 1000;
}
