import { AAMI_CLASSES } from '../data/datasets/aami.ts';
import type { Beat } from '../data/datasets/ecgBeats.ts';
import { encodeSamples } from '../encoders/index.ts';
import type { EncoderSpec } from '../encoders/schema.ts';
import type { Rng } from '../rng.ts';
import type { LabelledSet } from './trainer.ts';

/** How beats become network input: every `decimate`-th sample, then the encoder (per beat). */
export interface BeatEncoding {
  readonly decimate: number;
  readonly encoder: EncoderSpec;
}

/**
 * Encodes heartbeats as a labelled set over the 5 AAMI classes (N S V F Q → 0…4). Each beat is
 * decimated (a 700 ms window at 360 Hz is 252 samples; BPTT cost grows with steps) and encoded on
 * its own, so amplitude normalisation is per beat, as a device would see each beat.
 */
export function beatSet(beats: readonly Beat[], enc: BeatEncoding, rng: Rng): LabelledSet {
  const labels = Int32Array.from(beats, (b) => AAMI_CLASSES.indexOf(b.label));
  let steps = 0;
  let neurons = 0;
  const inputs = beats.map((b, i) => {
    const n = Math.floor(b.values.length / enc.decimate);
    const x = Float32Array.from({ length: n }, (_, k) => b.values[k * enc.decimate] as number);
    const e = encodeSamples({ steps: n, channels: 1, x }, enc.encoder, rng.fork(`beat${i}`), false);
    steps = e.steps;
    neurons = e.neurons;
    return e.values;
  });
  return { inputs, labels, steps, neurons, classes: AAMI_CLASSES.length };
}
