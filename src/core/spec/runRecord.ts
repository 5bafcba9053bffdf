import { z } from 'zod';

/**
 * The workspace keeps its last MAX_RUNS training runs (older ones drop off as new ones arrive): a
 * run is under 4 KB of JSON with a full curve, so 50 runs keep the autosaved workspace well under a
 * quarter of a megabyte, while covering a few seed sweeps of several settings.
 */
export const MAX_RUNS = 50;

/** Epochs of a run's curve kept; a longer run keeps this many, evenly spaced, the last included. */
export const MAX_CURVE_POINTS = 200;

/**
 * The settings a run was trained with: what it is compared on. `network` and `input` are
 * fingerprints (runFingerprint.ts) of the network and of data + encoder, so an edit there shows as
 * "other network" without storing a copy of it. `engine` is where it trained (the worker's report).
 */
export const runSettingsSchema = z.object({
  epochs: z.number().int().min(1),
  batchSize: z.number().int().min(1),
  learningRate: z.number().positive(),
  lrDecay: z.number().positive(),
  optimizer: z.string().max(40),
  loss: z.string().max(40),
  rateRegularization: z.number().min(0),
  /** Weight of the chip energy term (energyLoss); absent when off (and in runs recorded before it existed). */
  energyLoss: z.number().min(0).optional(),
  weightDecay: z.number().min(0),
  classWeighting: z.string().max(40),
  /** Neuron parameters learned with the weights ('decay+threshold'), or 'none'. */
  learned: z.string().max(60),
  /** Training size: heartbeats, or samples per class of a built-in source (the other absent). */
  beats: z.number().int().min(1).optional(),
  perClass: z.number().int().min(1).optional(),
  network: z.string().max(16),
  input: z.string().max(16),
  engine: z.string().max(300),
});

/** One epoch of a run's curve (accuracies are fractions, 0–1). */
export const runCurvePointSchema = z.object({
  epoch: z.number().int().min(1),
  loss: z.number(),
  valLoss: z.number(),
  trainAccuracy: z.number().min(0).max(1),
  valAccuracy: z.number().min(0).max(1),
});

/**
 * Energy per inference of the trained network on the workspace's chip, from the chip tab's mapper
 * (hardware/): `joules` null when the network could not be mapped, with the mapper's reason.
 */
export const runEnergySchema = z.object({
  chip: z.string().max(60),
  joules: z.number().min(0).nullable(),
  reason: z.string().max(500).optional(),
});

/** One finished (or stopped, with a best epoch) training run of the workspace. */
export const runRecordSchema = z.object({
  id: z.string().min(1).max(60),
  seed: z.number().int().min(0).max(0xffffffff),
  /** When it started, ms since 1970 (Date.now()). */
  startedAt: z.number().int().min(0),
  settings: runSettingsSchema,
  /** Stop cut it short: its figures are of the best finished epoch, or of a random part of the test set. */
  stopped: z.boolean(),
  /** The epoch (from 1) whose weights were kept: the best by validation accuracy. */
  bestEpoch: z.number().int().min(1),
  curve: z.array(runCurvePointSchema).max(MAX_CURVE_POINTS),
  testAccuracy: z.number().min(0).max(1),
  macroF1: z.number().min(0).max(1),
  /** Spikes per validation sample at the best epoch, all spiking layers. */
  spikesPerSample: z.number().min(0),
  energy: runEnergySchema,
});

export type RunSettings = z.output<typeof runSettingsSchema>;
export type RunCurvePoint = z.output<typeof runCurvePointSchema>;
export type RunEnergy = z.output<typeof runEnergySchema>;
export type RunRecord = z.output<typeof runRecordSchema>;
