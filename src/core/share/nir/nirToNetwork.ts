import { inferShapes, shapeSize, type Shape } from '../../network/shapes.ts';
import { firstNonFinite, type LayerWeights, type NetworkWeights } from '../../network/weights.ts';
import { zodIssues } from '../../spec/parseWorkspace.ts';
import { layerNameSchema, networkSchema, type LayerSpec, type NetworkSpec } from '../../spec/network.ts';
import { nirChain } from './nirChain.ts';
import { NirError, nodeSubject } from './nirError.ts';
import { nirTypeName, type NirGraph, type NirNode } from './nirGraph.ts';
import { conv1dImport, conv2dImport, denseImport, poolImport, type LayerImport } from './nirLayerImport.ts';
import { neuronFromNir, readoutFromNir, thresholdedFromNir, withGainInThreshold, type NeuronImportOptions } from './nirNeuronImport.ts';
import { nearlyEqual } from './nirScalars.ts';
import { LAYER_KEY, restoreLayer } from './nirSpikelabMetadata.ts';
import { chooseTimeStep } from './nirTimeStep.ts';
import { scaleWeights, type FlattenedFrom } from './nirWeights.ts';

/** Choices for reading a NIR graph; see NeuronImportOptions for what each decides. */
export interface NirImportOptions {
  /** Time step in ms (default: the file's own if Spikelab wrote it, else inferred or 1 ms). */
  readonly dtMs?: number;
  readonly reset?: 'zero' | 'subtract';
  readonly dropBias?: boolean;
}

/** A network read from NIR: spec, weights, the time step its decays assume, and what was decided. */
export interface NirImport {
  readonly network: NetworkSpec;
  readonly weights: NetworkWeights;
  readonly dtMs: number;
  readonly notes: readonly string[];
}

/** Node types this importer maps (for the message about the others). */
export const SUPPORTED_NIR_TYPES = ['Input', 'Output', 'Affine', 'Linear', 'Conv1d', 'Conv2d', 'SumPool2d', 'AvgPool2d', 'Flatten', 'LIF', 'CubaLIF', 'IF', 'LI', 'I', 'Threshold', 'NIRGraph'];

const isLayerName = (name: string) => layerNameSchema.safeParse(name).success;

/**
 * A layer name from a node name: Spikelab names start with a letter, use [A-Za-z0-9_-] and are
 * not 'constructor' or 'prototype' (the schema's rule); a node name that is not one gets its type
 * in front (`__proto__` → `linear___proto__`, `constructor` → `if_constructor`).
 */
function layerName(node: string, type: string, used: Set<string>): string {
  let base = node.replace(/[^A-Za-z0-9_-]/g, '_');
  if (!isLayerName(base)) base = `${type.toLowerCase()}_${base}`.slice(0, 60);
  let name = base;
  for (let i = 1; used.has(name); i++) name = `${base}_${i}`;
  used.add(name);
  return name;
}

/**
 * Our input shape of a NIR Input: [n] stays, [c, h, w] → [h, w, c], [c, n] (a Conv1d's input) →
 * [n, 1, c]. Leading dimensions of size 1 that the next node cannot take (a batch or time
 * dimension some exporters keep) are dropped.
 */
function inputShape(name: string, shape: readonly number[], next: NirNode | undefined): Shape {
  const rank = next?.type === 'Conv2d' || next?.type === 'SumPool2d' || next?.type === 'AvgPool2d' || next?.type === 'Flatten' ? 3 : next?.type === 'Conv1d' ? 2 : 1;
  const dims = [...shape];
  // [1, n] before a dense layer is a batch of one; [1, h, w] stays a one-channel image.
  while (dims[0] === 1 && dims.length > rank && (dims.length > 3 || (rank === 1 && dims.length === 2))) dims.shift();
  const [a = 0, b = 0, c = 0] = dims;
  if (dims.some((d) => !Number.isInteger(d) || d < 1)) throw new NirError(nodeSubject(name, 'Input'), `has shape [${shape.join(', ')}]`);
  if (dims.length === 1) return [a];
  if (dims.length === 2) return [b, 1, a];
  if (dims.length === 3) return [b, c, a];
  throw new NirError(nodeSubject(name, 'Input'), `has shape [${shape.join(', ')}]; Spikelab inputs are [n] or [channels, height, width]`);
}

/**
 * Reads a NIR graph as a Spikelab network (equations in nirNeuronExport.ts / nirNeuronImport.ts):
 *
 *   Input [n] | [c, h, w] | [c, n]  → input [n] | [h, w, c] | [n, 1, c]
 *   Affine (bias 0) / Linear        → dense (weights transposed; reordered after a Flatten)
 *   Conv2d (square, groups 1)       → conv2d, padding 0 → 'valid', p = our 'same' → 'same'
 *   Conv1d ('same'-like padding)    → conv2d k×k on [n, 1, c] (only the centre column non-zero)
 *   SumPool2d / AvgPool2d           → pool2d 'sum' / 'avg' (square window, no padding)
 *   Flatten                         → flatten (nothing when the input is already flat)
 *   LIF / IF / CubaLIF              → spiking lif / if / cubaLif
 *   LI / Integrator + Threshold     → spiking lif with reset 'none' (β = 1 for the Integrator)
 *   LI / Integrator (last)          → readout 'membrane' / 'count'
 *   NIRGraph                        → its nodes, inlined
 *
 * Throws NirError naming the node for anything without an equivalent: other node types (Delay,
 * Scale, CubaLI, …), branches and loops, biases and v_leak (unless dropBias), per-neuron parameters
 * that differ, paddings and strides Spikelab's conv2d does not have.
 */
export function nirToNetwork(graph: NirGraph, options: NirImportOptions = {}): NirImport {
  const chain = nirChain(graph.nodes, graph.edges);
  const dt = chooseTimeStep(graph, chain.body.map((b) => b.node), options.dtMs);
  const opts: NeuronImportOptions = { dtMs: dt.dtMs, reset: options.reset ?? 'zero', dropBias: options.dropBias ?? false };
  const notes: string[] = dt.note ? [dt.note] : [];
  const used = new Set<string>();
  const layers: LayerSpec[] = [];
  const weights: Record<string, LayerWeights> = {};
  let shape = inputShape(chain.input.name, chain.input.node.shape, chain.body[0]?.node);
  let from: FlattenedFrom;

  const push = (nodeName: string, node: NirNode, derived: LayerSpec, w?: LayerWeights) => {
    const restored = restoreLayer(derived, node.metadata, dt.dtMs);
    if (!restored && node.metadata?.[LAYER_KEY] !== undefined) notes.push(`${nodeSubject(nodeName, nirTypeName(node))}: its Spikelab metadata disagrees with its parameters (edited elsewhere?); read from the parameters`);
    layers.push(restored ?? derived);
    if (w) weights[derived.name] = w;
  };
  /** Folds an imported neuron's input gain into the weights just before it; false if there are none. */
  const foldGain = (gain: number, subject: string): boolean => {
    if (nearlyEqual(gain, 1)) return true;
    const prev = layers[layers.length - 1];
    const w = prev && weights[prev.name];
    if (!prev || !w) return false;
    weights[prev.name] = scaleWeights(w, gain);
    notes.push(`${subject}: its input gain ${+gain.toPrecision(6)} (Δt·R/τ) is folded into the weights of '${prev.name}'`);
    return true;
  };

  push(chain.input.name, chain.input.node, { kind: 'input', name: layerName(chain.input.name, 'Input', used), shape: shape.length === 3 ? [shape[0], shape[1], shape[2]] : [shape[0]] });
  const body = chain.body;
  for (let i = 0; i < body.length; i++) {
    const { name: nodeName, node } = body[i] as (typeof body)[number];
    const name = layerName(nodeName, nirTypeName(node), used);
    const s = nodeSubject(nodeName, nirTypeName(node));
    const names = { layer: name, node: nodeName };
    let made: LayerImport | undefined;
    switch (node.type) {
      case 'Affine':
      case 'Linear':
        made = denseImport(names, node, shape, from, opts.dropBias, notes);
        from = undefined;
        break;
      case 'Conv2d':
        made = conv2dImport(names, node, shape, opts.dropBias, notes);
        break;
      case 'Conv1d':
        made = conv1dImport(names, node, shape, opts.dropBias, notes);
        break;
      case 'SumPool2d':
      case 'AvgPool2d':
        made = poolImport(names, node, shape);
        break;
      case 'Flatten':
        // Spikelab flattens everything (channels last); the dense layer after it is reordered.
        if (shape.length === 3) {
          from = [shape[0], shape[1], shape[2]];
          made = { layer: { kind: 'flatten', name }, shape: [shapeSize(shape)] };
        }
        break;
      case 'LIF':
      case 'IF':
      case 'CubaLIF': {
        const imp = neuronFromNir(nodeName, node, opts);
        notes.push(...imp.notes);
        const neuron = foldGain(imp.inputGain, s) ? imp.neuron : withGainInThreshold(imp);
        made = { layer: { kind: 'spiking', name, neuron }, shape };
        break;
      }
      case 'LI':
      case 'I': {
        const next = body[i + 1]?.node;
        if (next?.type === 'Threshold') {
          const imp = thresholdedFromNir(nodeName, node, next, opts);
          notes.push(...imp.notes);
          const neuron = foldGain(imp.inputGain, s) ? imp.neuron : withGainInThreshold(imp);
          made = { layer: { kind: 'spiking', name, neuron }, shape };
          i++;
          break;
        }
        if (i !== body.length - 1) throw new NirError(s, 'is only supported as the read-out (the last node before Output) or followed by a Threshold');
        const ro = readoutFromNir(nodeName, node, opts);
        notes.push(...ro.notes);
        if (!foldGain(ro.inputGain, s)) notes.push(`${s}: read-out values are 1/${+ro.inputGain.toPrecision(6)} of the file's (the same ranking)`);
        made = { layer: { kind: 'readout', name, mode: ro.mode, beta: ro.mode === 'count' ? 0.9 : ro.beta, reduce: 'max' }, shape };
        break;
      }
      case 'Threshold':
        throw new NirError(s, 'Spikelab has no stateless threshold; a Threshold is supported after an LI or an Integrator (a LIF without reset)');
      default:
        throw new NirError(s, `is not supported; Spikelab maps ${SUPPORTED_NIR_TYPES.join(', ')}`);
    }
    if (!made) continue;
    push(nodeName, node, made.layer, made.weights);
    shape = made.shape;
  }
  // A graph built in memory (not read through the file reader's checks), or a gain folded into
  // weights, may still hold NaN or ±Infinity: refused here, where every import passes.
  for (const [name, w] of Object.entries(weights)) {
    const bad = firstNonFinite(w.values);
    if (bad >= 0) throw new NirError(`layer '${name}'`, `weight ${bad} is ${w.values[bad]}; NIR weights must be finite numbers`);
  }
  return { network: finish(layers, chain.output?.node.shape, chain.output?.name), weights, dtMs: dt.dtMs, notes };
}

/** Validates the layers as a network (schema and shapes) and checks the Output's size. */
function finish(layers: LayerSpec[], outShape: readonly number[] | undefined, outName: string | undefined): NetworkSpec {
  const last = layers[layers.length - 1];
  if (!last || (last.kind !== 'spiking' && last.kind !== 'readout')) {
    throw new NirError('', `the graph ends in ${last ? `'${last.name}' (${last.kind})` : 'its Input'}; a Spikelab network ends in a spiking or read-out layer (LIF, IF, CubaLIF, LI or Integrator)`);
  }
  const parsed = networkSchema.safeParse({ layers });
  if (!parsed.success) throw new NirError('', `the imported network is not valid: ${zodIssues(parsed.error).map((i) => `${i.path}: ${i.message}`).join('; ')}`);
  const { shapes, issues } = inferShapes(parsed.data);
  if (issues.length > 0) throw new NirError('', `the imported network is not valid: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`);
  const size = shapeSize(shapes[shapes.length - 1] ?? [0]);
  const want = outShape ? outShape.reduce((a, b) => a * b, 1) : size;
  if (want !== size) throw new NirError(nodeSubject(outName ?? 'output', 'Output'), `has ${want} elements but the last layer gives ${size}`);
  return parsed.data;
}
