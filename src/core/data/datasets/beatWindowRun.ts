import { cutBeats } from './ecgBeats.ts';
import type { Signal } from '../signal.ts';
import type { EncodedInput } from '../../encoders/index.ts';
import type { Rng } from '../../rng.ts';
import type { Workspace } from '../../spec/workspace.ts';
import { ecgDataset, trainingSchema } from '../../spec/trainingConfig.ts';
import { beatsOf, beatWindowOf, encodeBeats } from './beatEncoding.ts';
import { sampleInput } from './labelledSet.ts';
import { beatVector, decimateBeat } from './beatVector.ts';

/** The beats of a signal as the network sees them in 'window' mode, one after the other. */
export interface BeatWindowRun {
  /** Beat vectors, row by row: `vectors[k·width + i]`. */
  readonly vectors: Float32Array;
  readonly width: number;
  /** R-peak sample and beat code of each row. */
  readonly beats: readonly { readonly sample: number; readonly symbol: string }[];
  readonly stepsPerBeat: number;
  readonly input: EncodedInput;
}

/** True when a workspace feeds its network whole beat windows rather than samples. */
export function usesBeatWindows(ws: Pick<Workspace, 'training'>): boolean {
  return ecgDataset(ws.training)?.input === 'window';
}

/**
 * Cuts every beat of the signal with the workspace's training window and encodes each one exactly
 * as training does (beatSet), then lays the beats one after the other, each held for `steps`
 * steps. One run carries the membranes over from beat to beat (a remainder of β^steps, 0.43 for
 * β = 0.9 over 8 steps), where training starts every beat at rest: the raster shows the network's
 * activity beat by beat, while the exact per-beat answers are in the test samples behind the
 * confusion matrix.
 */
export function beatWindowRun(ws: Workspace, signal: Signal, rng: Rng): BeatWindowRun {
  const cfg = ws.training ?? trainingSchema.parse({});
  const d = beatsOf(cfg);
  const beats = cutBeats('source', signal, beatWindowOf(cfg));
  if (beats.length === 0) throw new Error(`the signal has no annotated beat with ${d.beforeS} s before and ${d.afterS} s after it inside the window`);
  const set = encodeBeats(ws, beats, rng);
  const rows = beats.map((b) => beatVector(decimateBeat(b, d.decimate).x, b, d.rrFeatures, ws.encoder.kind === 'direct'));
  const width = rows[0]?.length ?? 0;
  const vectors = new Float32Array(rows.length * width);
  rows.forEach((r, k) => vectors.set(r, k * width));
  const perBeat = set.steps * set.neurons;
  const values = new Float32Array(beats.length * perBeat);
  beats.forEach((_, k) => values.set(sampleInput(set, k), k * perBeat));
  return {
    vectors,
    width,
    beats: beats.map((b) => ({ sample: b.sample, symbol: b.symbol })),
    stepsPerBeat: set.steps,
    input: { steps: beats.length * set.steps, neurons: set.neurons, values },
  };
}
