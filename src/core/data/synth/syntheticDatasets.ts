import type { Rng } from '../../rng.ts';
import { cutBeats, DEFAULT_BEAT_WINDOW, type Beat, type BeatWindow } from '../datasets/ecgBeats.ts';
import type { EventRecord } from '../formats/eventsRecord.ts';
import { syntheticDigit } from './audioSynth.ts';
import { DVS_CLASSES, syntheticDvs, type DvsClass } from './dvsSynth.ts';
import { syntheticEcgSchema } from './ecgSchema.ts';
import { generateSyntheticEcg } from './ecgSynth.ts';

/** Seeded Fisher–Yates shuffle of a copy. */
function shuffled<T>(xs: readonly T[], rng: Rng): T[] {
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/**
 * About `beats` labelled heartbeats (AAMI classes N, S, V, F) cut from one long synthetic ECG at
 * 360 Hz with the given beat mix, as MIT-BIH beats are cut from a record.
 */
export function syntheticEcgBeats(beats: number, rng: Rng, mix = { N: 6, V: 1, A: 1, F: 1 }, window: BeatWindow = DEFAULT_BEAT_WINDOW, samplingHz = 360): Beat[] {
  const out: Beat[] = [];
  // Records of at most 10 minutes (the generator's limit), each from its own stream, like patients.
  for (let k = 0; out.length < beats; k++) {
    const spec = syntheticEcgSchema.parse({ kind: 'synthetic-ecg', samplingHz, durationS: Math.min(600, Math.ceil((beats - out.length) * 0.85) + 2), beatMix: mix, leads: window.leads ?? 1 });
    out.push(...cutBeats(`synthetic${k}`, generateSyntheticEcg(spec, rng.fork(`record${k}`)), window));
  }
  return out.slice(0, beats);
}

/** `perClass` recordings of each DVS scene, shuffled; each recording has its own seed. */
export function syntheticDvsDataset(perClass: number, rng: Rng): { label: DvsClass; events: EventRecord }[] {
  const labels = shuffled(DVS_CLASSES.flatMap((c) => Array.from({ length: perClass }, () => c)), rng);
  return labels.map((label, i) => ({ label, events: syntheticDvs(label, rng.fork(`dvs${i}`)) }));
}

/** `perDigit` utterances of each digit 0–9 (8 kHz), shuffled; every utterance a different "speaker". */
export function syntheticDigitDataset(perDigit: number, rng: Rng): { label: number; wave: Float32Array }[] {
  const labels = shuffled(Array.from({ length: 10 * perDigit }, (_, i) => i % 10), rng);
  return labels.map((label, i) => ({ label, wave: syntheticDigit(label, rng.fork(`digit${i}`)) }));
}
