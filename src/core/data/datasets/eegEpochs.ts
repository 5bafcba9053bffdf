import { quoteInput } from '../../format/inputText.ts';
import type { EdfRecord } from '../formats/edfReader.ts';

/** A labelled fixed-length EEG epoch: values[t·channels + c] in the file's physical units. */
export interface EegEpoch {
  readonly label: string;
  readonly onsetS: number;
  readonly channels: readonly string[];
  readonly samplingHz: number;
  readonly values: Float32Array;
}

/** Options of epoching. */
export interface EpochOptions {
  readonly epochS: number;
  /** Channel labels to keep (default: every signal at the most common rate). */
  readonly channels?: readonly string[];
  /** Annotation texts to epoch (default: all); others are skipped. */
  readonly labels?: readonly string[];
  /** Seconds after the annotation onset where the epoch starts. */
  readonly offsetS?: number;
}

/**
 * Cuts an epoch of `epochS` at each annotation (EDF+ TAL) onset, labelled by its text, across the
 * chosen channels (which must share one sampling rate). Epochs running past the end are dropped.
 */
export function epochsFromAnnotations(r: EdfRecord, o: EpochOptions): EegEpoch[] {
  const rates = new Map<number, number>();
  for (const s of r.signals) rates.set(s.samplingHz, (rates.get(s.samplingHz) ?? 0) + 1);
  const rate = [...rates.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 0;
  const signals = o.channels ? o.channels.map((c) => r.signals.find((s) => s.label === c)) : r.signals.filter((s) => s.samplingHz === rate);
  const missing = o.channels?.filter((_, i) => !signals[i]);
  if (missing && missing.length > 0) throw new Error(`${quoteInput(r.file)} has no channel ${missing.map((m) => `'${quoteInput(m)}'`).join(', ')}`);
  const chosen = signals.filter((s): s is NonNullable<typeof s> => s !== undefined);
  const hz = chosen[0]?.samplingHz ?? rate;
  if (chosen.some((s) => s.samplingHz !== hz)) throw new Error('epoch channels must share one sampling rate');
  const n = Math.round(o.epochS * hz);
  const C = chosen.length;
  const out: EegEpoch[] = [];
  for (const a of r.annotations) {
    if (o.labels && !o.labels.includes(a.text)) continue;
    const start = Math.round((a.onsetS + (o.offsetS ?? 0)) * hz);
    if (start < 0 || start + n > (chosen[0]?.values.length ?? 0)) continue;
    const values = new Float32Array(n * C);
    chosen.forEach((s, c) => {
      for (let t = 0; t < n; t++) values[t * C + c] = s.values[start + t] as number;
    });
    out.push({ label: a.text, onsetS: a.onsetS, channels: chosen.map((s) => s.label), samplingHz: hz, values });
  }
  return out;
}

/**
 * A label from a file name by a rule: the first capture group of `pattern` (e.g. /R(\d\d)\.edf$/
 * → run number, or /^(\d)_/ → FSDD digit). Files that do not match get undefined.
 */
export function labelFromFileName(name: string, pattern: RegExp): string | undefined {
  return pattern.exec(name.replace(/^.*[\\/]/, ''))?.[1];
}
