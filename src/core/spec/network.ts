import { z } from 'zod';
import { neuronSpecSchema } from '../neurons/index.ts';

/** Layer names are identifiers: they key weights, recordings and links. */
export const layerNameSchema = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9_-]{0,63}$/, 'a layer name starts with a letter and has only letters, digits, _ or - (at most 64)')
  // Weights are keyed by layer name; links and files refuse these keys, so a layer may not take them.
  .refine((n) => n !== 'constructor' && n !== 'prototype', 'a layer may not be called constructor or prototype');

const positiveInt = z.number().int().positive();

/** Input of the network: per-step shape, `[n]` for channels or `[height, width, channels]` (channels last). */
export const inputLayerSchema = z.object({
  kind: z.literal('input'),
  name: layerNameSchema,
  shape: z.union([z.tuple([positiveInt]), z.tuple([positiveInt, positiveInt, positiveInt])]),
});

/** Weight initialisation: uniform in ±gain·sqrt(3/fanIn), drawn from the workspace seed. */
const weightGain = z.number().positive().max(1000).default(1);

/** Fully connected synapses, `I = x·W` with W of shape [in, out]; no bias. */
export const denseLayerSchema = z.object({
  kind: z.literal('dense'),
  name: layerNameSchema,
  units: positiveInt.max(1_000_000),
  weightGain,
});

/** 2-D convolution on [h, w, c] input, kernel [k, k, cIn, filters]; no bias. */
export const conv2dLayerSchema = z.object({
  kind: z.literal('conv2d'),
  name: layerNameSchema,
  filters: positiveInt.max(4096),
  kernel: positiveInt.max(15),
  stride: positiveInt.max(15).default(1),
  padding: z.enum(['valid', 'same']).default('valid'),
  weightGain,
});

/** Spatial pooling: 'max' (of spikes = OR), 'avg' or 'sum', window size × size. */
export const pool2dLayerSchema = z.object({
  kind: z.literal('pool2d'),
  name: layerNameSchema,
  mode: z.enum(['max', 'avg', 'sum']).default('sum'),
  size: positiveInt.max(16).default(2),
  stride: positiveInt.max(16).optional(),
});

/** Reshapes [h, w, c] to [h·w·c] in channels-last order. */
export const flattenLayerSchema = z.object({ kind: z.literal('flatten'), name: layerNameSchema });

/** A population of spiking neurons fed by the currents of the layer before. */
export const spikingLayerSchema = z.object({
  kind: z.literal('spiking'),
  name: layerNameSchema,
  neuron: neuronSpecSchema,
});

/**
 * Non-spiking read-out of the layer before: 'count' sums its input over time (spike counts);
 * 'membrane' is a leaky integrator m[t] = β·m[t−1] + x[t] whose last, max or mean value is read.
 */
export const readoutLayerSchema = z.object({
  kind: z.literal('readout'),
  name: layerNameSchema,
  mode: z.enum(['count', 'membrane']).default('count'),
  beta: z.number().gt(0).lte(1).default(0.9),
  reduce: z.enum(['last', 'max', 'mean']).default('max'),
});

/** Any layer, discriminated by `kind`. */
export const layerSchema = z.discriminatedUnion('kind', [
  inputLayerSchema,
  denseLayerSchema,
  conv2dLayerSchema,
  pool2dLayerSchema,
  flattenLayerSchema,
  spikingLayerSchema,
  readoutLayerSchema,
]);

/** A feed-forward network: layers in order, the first of kind 'input'. */
export const networkSchema = z.object({
  layers: z.array(layerSchema).min(2).max(64),
});

export type LayerSpec = z.output<typeof layerSchema>;
export type InputLayerSpec = z.output<typeof inputLayerSchema>;
export type DenseLayerSpec = z.output<typeof denseLayerSchema>;
export type Conv2dLayerSpec = z.output<typeof conv2dLayerSchema>;
export type Pool2dLayerSpec = z.output<typeof pool2dLayerSchema>;
export type SpikingLayerSpec = z.output<typeof spikingLayerSchema>;
export type ReadoutLayerSpec = z.output<typeof readoutLayerSchema>;
export type NetworkSpec = z.output<typeof networkSchema>;
