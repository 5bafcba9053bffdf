import { z } from 'zod';
import { neuronSpecSchema } from '../neurons/index.ts';

/** Layer names are identifiers: they key weights, recordings and links. */
export const layerNameSchema = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9_-]{0,63}$/, 'a layer name starts with a letter and has only letters, digits, _ or - (at most 64)')
  // Weights are keyed by layer name; links and files refuse these keys, so a layer may not take them.
  .refine((n) => n !== 'constructor' && n !== 'prototype', 'a layer may not be called constructor or prototype');

const positiveInt = z.number().int().positive();

/**
 * An edge into a node. A name is a forward edge from an earlier node (same step); `{ from,
 * recurrent: true }` delivers `from`'s output of the step before (zeros at the first step), as NIR
 * defines a cycle, and may name the node itself or any node. A loop is only legal through one.
 */
export const inputRefSchema = z.union([layerNameSchema, z.object({ from: layerNameSchema, recurrent: z.literal(true) })]);

/**
 * The node's inputs; absent means the node before it in the list (a chain is the special case).
 * Several inputs are summed element by element (shapes must match), as NIR sums a node's edges.
 */
const inputsField = z.array(inputRefSchema).min(1).max(16).optional();

/** A side, or [rows, columns] for rectangular windows. */
const sideOrPair = (max: number) => z.union([positiveInt.max(max), z.tuple([positiveInt.max(max), positiveInt.max(max)])]);

/** Explicit zero padding [top, bottom, left, right]. */
const explicitPadding = z.tuple([z.number().int().min(0).max(64), z.number().int().min(0).max(64), z.number().int().min(0).max(64), z.number().int().min(0).max(64)]);

/** Input of the network: per-step shape, `[n]` for channels or `[height, width, channels]` (channels last). */
export const inputLayerSchema = z.object({
  kind: z.literal('input'),
  name: layerNameSchema,
  shape: z.union([z.tuple([positiveInt]), z.tuple([positiveInt, positiveInt, positiveInt])]),
});

/** Weight initialisation: uniform in ±gain·sqrt(3/fanIn), drawn from the workspace seed. */
const weightGain = z.number().positive().max(1000).default(1);

/** Fully connected synapses, `I = x·W (+ b)` with W of shape [in, out] and, with `bias`, b of [out]. */
export const denseLayerSchema = z.object({
  kind: z.literal('dense'),
  name: layerNameSchema,
  inputs: inputsField,
  units: positiveInt.max(1_000_000),
  weightGain,
  bias: z.boolean().optional(),
});

/**
 * 2-D convolution on [h, w, c] input, kernel [kh, kw, cIn/groups, filters] (tfjs layout), optional
 * bias [filters]. Padding is 'valid', 'same' (tfjs convention) or explicit [top, bottom, left, right].
 * Geometry is read through network/layerGeometry.ts, the one owner of the defaults.
 */
export const conv2dLayerSchema = z.object({
  kind: z.literal('conv2d'),
  name: layerNameSchema,
  inputs: inputsField,
  filters: positiveInt.max(4096),
  kernel: sideOrPair(15),
  stride: sideOrPair(15).default(1),
  padding: z.union([z.enum(['valid', 'same']), explicitPadding]).default('valid'),
  dilation: sideOrPair(8).optional(),
  groups: positiveInt.max(4096).optional(),
  weightGain,
  bias: z.boolean().optional(),
});

/**
 * Pooling: 'max' (of spikes = OR), 'avg' or 'sum' over windows of size (or [rows, columns]) with
 * the given stride (default: the window), no padding. A [k, 1] window pools rows alone.
 */
export const pool2dLayerSchema = z.object({
  kind: z.literal('pool2d'),
  name: layerNameSchema,
  inputs: inputsField,
  mode: z.enum(['max', 'avg', 'sum']).default('sum'),
  size: sideOrPair(64).default(2),
  stride: sideOrPair(64).optional(),
});

/** Reshapes [h, w, c] to [h·w·c] in channels-last order. */
export const flattenLayerSchema = z.object({ kind: z.literal('flatten'), name: layerNameSchema, inputs: inputsField });

/** A population of spiking neurons fed by the currents of its inputs. */
export const spikingLayerSchema = z.object({
  kind: z.literal('spiking'),
  name: layerNameSchema,
  inputs: inputsField,
  neuron: neuronSpecSchema,
});

/**
 * Non-spiking read-out of its input: 'count' sums it over time (spike counts); 'membrane' is a
 * leaky integrator m[t] = β·m[t−1] + x[t]; 'value' is x[t] itself (the output of an ANN head). Its
 * last, max or mean value over the run is read; every step it also passes m[t] on, so a membrane
 * read-out may feed further nodes (NIR's LI).
 */
export const readoutLayerSchema = z.object({
  kind: z.literal('readout'),
  name: layerNameSchema,
  inputs: inputsField,
  mode: z.enum(['count', 'membrane', 'value']).default('count'),
  beta: z.number().gt(0).lte(1).default(0.9),
  reduce: z.enum(['last', 'max', 'mean']).default('max'),
});

/** Element-wise non-spiking functions of the (summed) inputs: max(0, x), or x itself. */
export const reluLayerSchema = z.object({ kind: z.literal('relu'), name: layerNameSchema, inputs: inputsField });
export const identityLayerSchema = z.object({ kind: z.literal('identity'), name: layerNameSchema, inputs: inputsField });

/** The sum of two or more inputs of one shape (a skip connection's join); an identity that says so. */
export const sumLayerSchema = z.object({
  kind: z.literal('sum'),
  name: layerNameSchema,
  inputs: z.array(inputRefSchema).min(2).max(16),
});

/**
 * Spike counts over a window of steps, the bridge of an SNN → ANN hybrid: at step t it passes on
 * the count of its input since the start of t's window (windows of `window` steps, the whole run
 * when absent), so at a window's last step the nodes after it see the window's full count.
 */
export const accumulatorLayerSchema = z.object({
  kind: z.literal('accumulator'),
  name: layerNameSchema,
  inputs: inputsField,
  window: positiveInt.max(1_000_000).optional(),
});

/**
 * Element-wise multiplication by a vector s of the node's size (NIR's Scale, y = x ⊙ s). s is a
 * weight, not a parameter: NetworkWeights holds it under the node's name in the node's own
 * (channels-last) order, ones at first, and training learns it like a bias.
 */
export const scaleLayerSchema = z.object({ kind: z.literal('scale'), name: layerNameSchema, inputs: inputsField });

/** Most steps a delay node holds back (its buffer is steps + 1 copies of its input). */
export const MAX_DELAY_STEPS = 10_000;

/**
 * Holds its input back by whole steps (NIR's Delay, y[t] = x[t − d], zeros before): one number for
 * every element, or one per element in the node's (channels-last) order. A structural parameter
 * like a kernel size: an integer with no gradient, which sizes the node's buffer.
 */
export const delayLayerSchema = z.object({
  kind: z.literal('delay'),
  name: layerNameSchema,
  inputs: inputsField,
  steps: z.union([z.number().int().min(0).max(MAX_DELAY_STEPS), z.array(z.number().int().min(0).max(MAX_DELAY_STEPS)).min(1).max(1_000_000)]),
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
  reluLayerSchema,
  identityLayerSchema,
  sumLayerSchema,
  accumulatorLayerSchema,
  scaleLayerSchema,
  delayLayerSchema,
]);

/**
 * A network: a graph whose nodes are listed in an order where every forward edge comes from an
 * earlier node (network/graph.ts resolves and checks it). The first node is the only 'input'.
 */
export const networkSchema = z.object({
  layers: z.array(layerSchema).min(2).max(256),
});

export type LayerSpec = z.output<typeof layerSchema>;
export type InputLayerSpec = z.output<typeof inputLayerSchema>;
export type DenseLayerSpec = z.output<typeof denseLayerSchema>;
export type Conv2dLayerSpec = z.output<typeof conv2dLayerSchema>;
export type Pool2dLayerSpec = z.output<typeof pool2dLayerSchema>;
export type SpikingLayerSpec = z.output<typeof spikingLayerSchema>;
export type ReadoutLayerSpec = z.output<typeof readoutLayerSchema>;
export type AccumulatorLayerSpec = z.output<typeof accumulatorLayerSchema>;
export type DelayLayerSpec = z.output<typeof delayLayerSchema>;
export type InputRef = z.output<typeof inputRefSchema>;
export type NetworkSpec = z.output<typeof networkSchema>;
