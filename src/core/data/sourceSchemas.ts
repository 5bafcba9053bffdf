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
  startS: z.number().min(0).default(0),
  durationS: z.number().positive().max(600).default(4),
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
