import { AAMI_CLASSES } from './aami.ts';
import type { Beat } from './ecgBeats.ts';
import { encodeSamples, encodeStatic } from '../../encoders/index.ts';
import type { EncoderSpec } from '../../encoders/schema.ts';
import type { Rng } from '../../rng.ts';
import { beatVector, decimateBeat } from './beatVector.ts';
import type { LabelledSet } from './labelledSet.ts';

/** How beats become network input. */
export interface BeatEncoding {
  /** Keep every `decimate`-th sample (a 700 ms window at 360 Hz is 252 samples). */
  readonly decimate: number;
  readonly encoder: EncoderSpec;
  /** 'sequence': one sample per step; 'window': the whole beat as one vector held for `steps`. */
  readonly input?: 'sequence' | 'window';
  readonly rrFeatures?: boolean;
  readonly steps?: number;
}

/**
 * Encodes heartbeats as a labelled set over the 5 AAMI classes (N S V F Q → 0…4). Each beat is
 * decimated (BPTT cost grows with steps) and encoded on its own, as a device would see each beat:
 * in 'sequence' mode sample by sample (amplitude normalised per beat), in 'window' mode as the
 * vector of `beatVector` held for `steps` steps.
 */
export function beatSet(beats: readonly Beat[], enc: BeatEncoding, rng: Rng): LabelledSet {
  const labels = Int32Array.from(beats, (b) => AAMI_CLASSES.indexOf(b.label));
  let steps = 0;
  let neurons = 0;
  // A window under direct coding is the same current every step: keep one step (held).
  const held = enc.input === 'window' && enc.encoder.kind === 'direct';
  const inputs = beats.map((b, i) => {
    const d = decimateBeat(b, enc.decimate);
    const e =
      enc.input === 'window'
        ? encodeStatic(beatVector(d.x, b, enc.rrFeatures ?? false, enc.encoder.kind === 'direct'), held ? 1 : (enc.steps ?? 8), enc.encoder, rng.fork(`beat${i}`))
        : encodeSamples({ steps: d.steps, channels: b.leads, x: d.x }, enc.encoder, rng.fork(`beat${i}`), false);
    steps = held ? (enc.steps ?? 8) : e.steps;
    neurons = e.neurons;
    return e.values;
  });
  return { inputs, labels, steps, neurons, classes: AAMI_CLASSES.length, held };
}
