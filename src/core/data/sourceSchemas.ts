import { z } from 'zod';

/**
 * A window of one channel of a signal file the user dropped (WFDB record named by its .hea, EDF,
 * BDF, WAV, CSV). The file itself is not in the workspace: `checksum` identifies it, and whoever
 * opens the workspace is asked for the same file.
 */
export const signalFileSourceSchema = z.object({
  kind: z.literal('signal-file'),
  file: z.string().min(1).max(300),
  checksum: z.string().max(100),
  channel: z.number().int().min(0).default(0),
  /** How many consecutive channels from `channel` (2 = both MIT-BIH leads). */
  channels: z.number().int().min(1).max(64).default(1),
  startS: z.number().min(0).default(0),
  durationS: z.number().positive().max(600).default(4),
  /** 'mel': the window goes through a log-mel filterbank first (audio), one channel per band. */
  frontEnd: z.enum(['none', 'mel']).default('none'),
  bands: z.number().int().min(4).max(128).default(32),
});

/**
 * A time window of an event-camera file, fed to the network as events: one step per `stepUs`,
 * input neuron ((y·W + x)·2 + polarity) after `downsample`. width/height are the sensor's, copied
 * from the file when it was chosen so the input layer can be checked without the file.
 */
export const eventFileSourceSchema = z.object({
  kind: z.literal('event-file'),
  file: z.string().min(1).max(300),
  checksum: z.string().max(100),
  width: z.number().int().positive().max(4096),
  height: z.number().int().positive().max(4096),
  downsample: z.number().int().min(1).max(64).default(1),
  stepUs: z.number().positive().max(1_000_000).default(1000),
  startUs: z.number().min(0).default(0),
  durationUs: z.number().positive().max(60_000_000).default(300_000),
});

export type SignalFileSource = z.output<typeof signalFileSourceSchema>;
export type EventFileSource = z.output<typeof eventFileSourceSchema>;

/** Input neurons of an event source: 2 polarities per (downsampled) pixel. */
export function eventSourceWidth(s: Pick<EventFileSource, 'width' | 'height' | 'downsample'>): number {
  return Math.ceil(s.width / s.downsample) * Math.ceil(s.height / s.downsample) * 2;
}

/** Built-in EEG: one epoch of a band-power class over the 8-channel montage (data/synth/eegSynth.ts). */
export const syntheticEegSourceSchema = z.object({
  kind: z.literal('synthetic-eeg'),
  eegClass: z.enum(['rest', 'left', 'right', 'focus']).default('rest'),
  epochS: z.number().positive().max(60).default(2),
  samplingHz: z.number().positive().max(2000).default(160),
});

/** Built-in event camera: a moving-shape scene rendered as DVS events (data/synth/dvsSynth.ts). */
export const syntheticDvsSourceSchema = z.object({
  kind: z.literal('synthetic-dvs'),
  scene: z.enum(['bar-right', 'bar-left', 'bar-down', 'bar-up', 'disk-circle', 'square-zigzag']).default('bar-right'),
  width: z.number().int().min(4).max(256).default(32),
  height: z.number().int().min(4).max(256).default(32),
  durationMs: z.number().int().min(10).max(10_000).default(300),
  noiseHz: z.number().min(0).max(100).default(0.5),
  stepUs: z.number().positive().max(100_000).default(1000),
});

/** Built-in audio: a spoken-digit-like formant sweep through a log-mel front end (one channel per band). */
export const syntheticAudioSourceSchema = z.object({
  kind: z.literal('synthetic-audio'),
  digit: z.number().int().min(0).max(9).default(3),
  durationS: z.number().positive().max(10).default(0.5),
  bands: z.number().int().min(4).max(128).default(32),
});

/**
 * Built-in delayed-cue task (data/synth/cueSynth.ts): channel A or B pulses early, a cue fires
 * `delay` steps later, and the class is which channel pulsed. Already spikes: fed without an encoder.
 */
export const syntheticCueSourceSchema = z.object({
  kind: z.literal('synthetic-cue'),
  cue: z.enum(['A', 'B']).default('A'),
  /** Neurons per channel group (A, B, cue). */
  width: z.number().int().min(1).max(64).default(4),
  /** Steps from the last step a pulse may fall on to the cue. */
  delay: z.number().int().min(1).max(2000).default(36),
  /** Background spike probability per neuron per step. */
  noise: z.number().min(0).max(0.5).default(0.01),
});

export type SyntheticEegSource = z.output<typeof syntheticEegSourceSchema>;
export type SyntheticCueSource = z.output<typeof syntheticCueSourceSchema>;
export type SyntheticDvsSource = z.output<typeof syntheticDvsSourceSchema>;
export type SyntheticAudioSource = z.output<typeof syntheticAudioSourceSchema>;

/** One image of an image file (IDX), held for `steps` steps and encoded (rate, latency, …). */
export const imageFileSourceSchema = z.object({
  kind: z.literal('image-file'),
  file: z.string().min(1).max(300),
  checksum: z.string().max(100),
  /** Image size, copied from the file when chosen, so the input layer can be checked without it. */
  width: z.number().int().positive().max(4096),
  height: z.number().int().positive().max(4096),
  index: z.number().int().min(0).default(0),
  steps: z.number().int().min(1).max(10_000).default(50),
});

export type ImageFileSource = z.output<typeof imageFileSourceSchema>;
