import type { Rng } from '../../rng.ts';
import type { Signal } from '../signal.ts';
import { AAMI_CLASSES, AAMI_OF_SYMBOL, type AamiClass } from './aami.ts';

/** How beats are cut: a window around each annotated R peak, in seconds, from one channel. */
export interface BeatWindow {
  readonly beforeS: number;
  readonly afterS: number;
  readonly channel: number;
}

/** Default window: 250 ms before and 450 ms after the R peak (P wave to end of T), channel 0. */
export const DEFAULT_BEAT_WINDOW: BeatWindow = { beforeS: 0.25, afterS: 0.45, channel: 0 };

/** One heartbeat: its samples around the R peak, its AAMI class and where it came from. */
export interface Beat {
  readonly record: string;
  /** Sample index of the R peak in the record. */
  readonly sample: number;
  readonly symbol: string;
  readonly label: AamiClass;
  readonly values: Float32Array;
}

/**
 * Cuts every annotated beat of a record whose window lies inside it. Non-beat annotations
 * (rhythm '+', noise '~', artefacts '|', comments) are skipped, as are beats too close to either
 * end for a full window.
 */
export function cutBeats(record: string, signal: Signal, window: BeatWindow = DEFAULT_BEAT_WINDOW): Beat[] {
  const before = Math.round(window.beforeS * signal.samplingHz);
  const after = Math.round(window.afterS * signal.samplingHz);
  const c = signal.channels.length;
  if (window.channel < 0 || window.channel >= c) throw new Error(`channel ${window.channel} does not exist; the record has ${c}`);
  const out: Beat[] = [];
  for (const a of signal.annotations) {
    const label = AAMI_OF_SYMBOL[a.symbol];
    if (!label || a.sample - before < 0 || a.sample + after > signal.length) continue;
    const values = new Float32Array(before + after);
    for (let k = 0; k < values.length; k++) values[k] = signal.values[(a.sample - before + k) * c + window.channel] as number;
    out.push({ record, sample: a.sample, symbol: a.symbol, label, values });
  }
  return out;
}

/** Number of beats per AAMI class (every class present, zeros included). */
export function classCounts(beats: readonly { label: AamiClass }[]): Record<AamiClass, number> {
  const out = Object.fromEntries(AAMI_CLASSES.map((k) => [k, 0])) as Record<AamiClass, number>;
  for (const b of beats) out[b.label] += 1;
  return out;
}

/** A train/test split of beats. */
export interface BeatSplit {
  readonly train: readonly Beat[];
  readonly test: readonly Beat[];
}

/**
 * Intra-patient split: all beats shuffled together (seeded Fisher–Yates), the first `trainFraction`
 * for training. Beats of one patient land on both sides, which is why this split scores higher.
 */
export function splitIntraPatient(beats: readonly Beat[], rng: Rng, trainFraction = 0.8): BeatSplit {
  const order = beats.map((_, i) => i);
  for (let i = order.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [order[i], order[j]] = [order[j] as number, order[i] as number];
  }
  const cut = Math.round(order.length * trainFraction);
  return { train: order.slice(0, cut).map((i) => beats[i] as Beat), test: order.slice(cut).map((i) => beats[i] as Beat) };
}

/** Inter-patient split: whole records on either side (no patient in both). */
export function splitInterPatient(beats: readonly Beat[], testRecords: readonly string[]): BeatSplit {
  const test = new Set(testRecords);
  return { train: beats.filter((b) => !test.has(b.record)), test: beats.filter((b) => test.has(b.record)) };
}
