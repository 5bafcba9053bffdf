import { cutBeats } from '../data/datasets/ecgBeats.ts';
import type { Signal } from '../data/signal.ts';
import { encodeStatic, type EncodedInput } from '../encoders/index.ts';
import type { Rng } from '../rng.ts';
import type { Workspace } from '../spec/workspace.ts';
import { ecgDataset, trainingSchema } from './config.ts';
import { beatsOf, beatWindowOf } from './ecgTraining.ts';
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
export function usesBeatWindows(ws: Workspace): boolean {
  return ecgDataset(ws.training)?.input === 'window';
}

/**
 * Cuts every beat of the signal with the workspace's training window and encodes each beat's
 * vector (exactly as training does) held for `steps` steps, beat after beat: what the raster shows
 * is what the trained network answers for each beat.
 */
export function beatWindowRun(ws: Workspace, signal: Signal, rng: Rng): BeatWindowRun {
  const cfg = ws.training ?? trainingSchema.parse({});
  const d = beatsOf(cfg);
  const beats = cutBeats('source', signal, beatWindowOf(cfg));
  if (beats.length === 0) throw new Error(`the signal has no annotated beat with ${d.beforeS} s before and ${d.afterS} s after it inside the window`);
  const rows = beats.map((b) => {
    return beatVector(decimateBeat(b, d.decimate).x, b, d.rrFeatures, ws.encoder.kind === 'direct');
  });
  const width = rows[0]?.length ?? 0;
  const vectors = new Float32Array(rows.length * width);
  rows.forEach((r, k) => vectors.set(r, k * width));
  const parts = rows.map((r, k) => encodeStatic(r, d.steps, ws.encoder, rng.fork(`beat${k}`)));
  const values = new Float32Array(parts.length * d.steps * width);
  parts.forEach((p, k) => values.set(p.values, k * d.steps * p.neurons));
  return {
    vectors,
    width,
    beats: beats.map((b) => ({ sample: b.sample, symbol: b.symbol })),
    stepsPerBeat: d.steps,
    input: { steps: parts.length * d.steps, neurons: parts[0]?.neurons ?? width, values },
  };
}
