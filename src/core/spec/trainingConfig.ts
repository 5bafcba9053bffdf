import { z } from 'zod';

/** Heartbeats cut around R peaks: synthetic, or MIT-BIH records given with --data. */
export const ecgBeatsDatasetSchema = z.object({
  kind: z.literal('ecg-beats'),
  beats: z.number().int().min(10).max(200_000).default(1200),
  decimate: z.number().int().min(1).max(32).default(4),
  /** Window around each R peak, s: a long pre-R window shows the previous beat (prematurity). */
  beforeS: z.number().min(0.05).max(3).default(0.25),
  afterS: z.number().min(0.05).max(3).default(0.45),
  split: z.enum(['intra', 'inter']).default('intra'),
  /**
   * 'sequence': the beat's samples enter one per step through the encoder (a temporal SNN).
   * 'window': the whole decimated window of every lead, plus the RR features, is one vector
   * held for `steps` steps and encoded (rate or direct): a few steps instead of ~80.
   */
  input: z.enum(['sequence', 'window']).default('sequence'),
  /** Leads cut side by side (MIT-BIH has two: MLII and V1/V2/V4/V5). */
  leads: z.number().int().min(1).max(2).default(1),
  /** Add the RR intervals (previous, next, local mean, and their ratios) as inputs ('window' only). */
  rrFeatures: z.boolean().default(false),
  /** Steps the window vector is held for ('window' only). */
  steps: z.number().int().min(1).max(1000).default(8),
});

export const ECG_BEATS_DEFAULT = { kind: 'ecg-beats', beats: 1200, decimate: 4, beforeS: 0.25, afterS: 0.45, split: 'intra', input: 'sequence', leads: 1, rrFeatures: false, steps: 8 } as const;

/**
 * Labelled samples of the workspace's own built-in source (event camera scenes, EEG classes,
 * spoken digits): the class parameter of the source is varied and every sample is generated with
 * its own seed, then encoded exactly as the page encodes the source. Test samples use other seeds.
 */
export const sourceClassesDatasetSchema = z.object({
  kind: z.literal('source-classes'),
  perClass: z.number().int().min(1).max(10_000).default(20),
  testPerClass: z.number().int().min(1).max(10_000).default(10),
  /** With recordings (--data, spoken digits only): 'inter' holds out a whole speaker, 'intra' takes FSDD's split. */
  split: z.enum(['intra', 'inter']).default('inter'),
  /** The speaker 'inter' holds out (absent: the last by name), so each fold of a leave-one-speaker-out study can be run. */
  heldOut: z.string().min(1).max(100).optional(),
});

/** Training configuration stored in the workspace (`training`). */
export const trainingSchema = z.object({
  epochs: z.number().int().min(1).max(10_000).default(20),
  batchSize: z.number().int().min(1).max(4096).default(32),
  learningRate: z.number().positive().max(10).default(2e-3),
  /** Multiply the learning rate by this after every epoch (exponential schedule). */
  lrDecay: z.number().positive().max(1).default(1),
  optimizer: z.enum(['adam', 'sgd']).default('adam'),
  momentum: z.number().min(0).max(1).default(0.9),
  /** L2 weight decay added to the loss (λ/2·Σw²). */
  weightDecay: z.number().min(0).default(0),
  /** Clip gradients to this global norm (0 = off). */
  clipNorm: z.number().min(0).default(5),
  loss: z.enum(['ceCount', 'ceMaxMembrane', 'ceMeanMembrane', 'mseCount']).default('ceCount'),
  surrogate: z.object({ name: z.enum(['fastSigmoid', 'arctan', 'triangle']).default('fastSigmoid'), slope: z.number().positive().default(25) }).default({ name: 'fastSigmoid', slope: 25 }),
  /** Neuron parameters learned with the weights, one scalar per spiking layer (as snnTorch's learn_beta). */
  trainable: z
    .object({ decay: z.boolean().default(false), threshold: z.boolean().default(false), adaptation: z.boolean().default(false) })
    .default({ decay: false, threshold: false, adaptation: false }),
  /** Weight of the firing-rate penalty: mean spikes per neuron per step (spikes cost energy). */
  rateRegularization: z.number().min(0).default(0),
  /**
   * Hardware-aware training (NeuEdge): adds weight × the estimated energy per sample in nJ on the
   * workspace's chip (train/energyLoss.ts: spikes × fan-out × energy per synaptic op, plus neuron
   * updates) to the loss. Trained on tfjs (the BPTT kernel has no such term).
   */
  energyLoss: z.object({ weight: z.number().min(0).max(1000) }).optional(),
  /**
   * Knowledge distillation (ECC-SNN: the edge SNN learns from the cloud ANN): the loss becomes
   * (1 − weight)·CE(labels) + weight·temperature²·KL(teacher ‖ student), both softened by the
   * temperature (train/distillation.ts). The teacher is a trained workspace given with the
   * training (a study's `teacher`); without one, training refuses. Trains on tfjs (the BPTT
   * kernel has no such term); a cross-entropy loss only.
   */
  distillation: z.object({ temperature: z.number().min(1).max(50).default(4), weight: z.number().min(0).max(1).default(0.5) }).optional(),
  /** 'balanced' weights each class by N/(classes·count): rare arrhythmias count as much as N. */
  classWeighting: z.enum(['none', 'balanced']).default('none'),
  validationFraction: z.number().min(0).max(0.5).default(0.2),
  /** Stop when validation accuracy has not improved for this many epochs (0 = never). */
  patience: z.number().int().min(0).default(5),
  /**
   * Quantisation-aware training: every weight tensor (biases too) is fake-quantised in the forward
   * pass to `weightBits` on a symmetric per-layer grid (network/weightGrid.ts) with a
   * straight-through gradient, and the returned weights lie on that grid. Trains on tfjs (the BPTT
   * kernel refuses it). Spike counts of SSF neurons are quantised by their own maxSpikes clamp.
   */
  quantization: z.object({ weightBits: z.union([z.literal(4), z.literal(8)]) }).optional(),
  /** What is trained on: heartbeats (synthetic, or MIT-BIH from --data), or classes of a built-in source. */
  dataset: z.discriminatedUnion('kind', [ecgBeatsDatasetSchema, sourceClassesDatasetSchema]).default(ECG_BEATS_DEFAULT),
});

export type TrainingConfig = z.output<typeof trainingSchema>;

export type EcgBeatsDataset = z.output<typeof ecgBeatsDatasetSchema>;
export type SourceClassesDataset = z.output<typeof sourceClassesDatasetSchema>;

/** The heartbeat dataset of a config, or undefined when it trains on something else. */
export function ecgDataset(cfg: Pick<TrainingConfig, 'dataset'> | undefined): EcgBeatsDataset | undefined {
  return cfg?.dataset.kind === 'ecg-beats' ? cfg.dataset : undefined;
}
