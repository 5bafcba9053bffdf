import type { Rng } from '../../rng.ts';
import type { Signal } from '../signal.ts';
import { AAMI_CLASSES, AAMI_OF_SYMBOL, type AamiClass } from './aami.ts';

/** How beats are cut: a window around each annotated R peak, in seconds, from `leads` channels starting at `channel`. */
export interface BeatWindow {
  readonly beforeS: number;
  readonly afterS: number;
  readonly channel: number;
  /** Channels cut side by side (1 = `channel` only; 2 = both MIT-BIH leads). */
  readonly leads?: number;
}

/**
 * RR-interval context of a beat, s: the interval from the previous beat, to the next one, and the
 * mean of the (up to) ten intervals before it. Cardiologists read prematurity (S, V beats) from
 * these; the waveform alone cannot show it.
 */
export interface RrContext {
  readonly preS: number;
  readonly postS: number;
  readonly localS: number;
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
  /** Samples of each lead, lead-major: `values[lead·length + k]`. */
  readonly values: Float32Array;
  /** How many leads `values` holds (1 unless the window asked for more). */
  readonly leads: number;
  readonly rr: RrContext;
}

const LOCAL_RR_BEATS = 10;

/** RR context of every beat annotation (first and last beats borrow their one neighbour). */
function rrContexts(samples: readonly number[], hz: number): RrContext[] {
  const rr = samples.slice(1).map((s, i) => (s - (samples[i] as number)) / hz);
  return samples.map((_, i) => {
    const pre = rr[i - 1] ?? rr[i] ?? 1;
    const post = rr[i] ?? pre;
    const past = rr.slice(Math.max(0, i - LOCAL_RR_BEATS), i);
    const localS = past.length > 0 ? past.reduce((a, b) => a + b, 0) / past.length : pre;
    return { preS: pre, postS: post, localS };
  });
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
  const leads = window.leads ?? 1;
  if (window.channel < 0 || window.channel + leads > c) throw new Error(`channel ${window.channel + leads - 1} does not exist; the record has ${c}`);
  const beatsAt = signal.annotations.filter((a) => AAMI_OF_SYMBOL[a.symbol] !== undefined);
  const rr = rrContexts(beatsAt.map((a) => a.sample), signal.samplingHz);
  const n = before + after;
  const out: Beat[] = [];
  beatsAt.forEach((a, i) => {
    const label = AAMI_OF_SYMBOL[a.symbol];
    if (!label || a.sample - before < 0 || a.sample + after > signal.length) return;
    const values = new Float32Array(n * leads);
    for (let l = 0; l < leads; l++) for (let k = 0; k < n; k++) values[l * n + k] = signal.values[(a.sample - before + k) * c + window.channel + l] as number;
    out.push({ record, sample: a.sample, symbol: a.symbol, label, values, leads, rr: rr[i] ?? { preS: 1, postS: 1, localS: 1 } });
  });
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
