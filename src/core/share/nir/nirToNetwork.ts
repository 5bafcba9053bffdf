import { inferShapes, shapeSize, type Shape } from '../../network/shapes.ts';
import { biasKey, firstNonFinite, type LayerWeights, type NetworkWeights } from '../../network/weights.ts';
import { zodIssues } from '../../spec/parseWorkspace.ts';
import { layerNameSchema, networkSchema, type LayerSpec, type NetworkSpec } from '../../spec/network.ts';
import { nirFlow } from './nirFlow.ts';
import { NirError, nodeSubject } from './nirError.ts';
import { nirTypeName, type NirGraph, type NirNode } from './nirGraph.ts';
import { conv1dImport, conv2dImport, denseImport, poolImport, type LayerImport } from './nirLayerImport.ts';
import { delayImport, scaleImport } from './nirElementwise.ts';
import { cubaReadoutFromNir, neuronFromNir, readoutFromNir, thresholdedFromNir, withGainInThreshold, type NeuronImportOptions } from './nirNeuronImport.ts';
import { nearlyEqual } from './nirScalars.ts';
import { CURRENT_KEY, LAYER_KEY, metadataOrder, restoreLayer } from './nirSpikelabMetadata.ts';
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
export const SUPPORTED_NIR_TYPES = ['Input', 'Output', 'Affine', 'Linear', 'Conv1d', 'Conv2d', 'SumPool2d', 'AvgPool2d', 'Flatten', 'LIF', 'CubaLIF', 'IF', 'LI', 'CubaLI', 'I', 'Threshold', 'Scale', 'Delay', 'NIRGraph'];

/**
 * Key in `carried` of the current half of an imported CubaLI: a NUL cannot occur in a NIR node
 * name (HDF5 link names end at one), so it never meets a node of the file.
 */
const synapseKey = (node: string): string => `\u0000${node}`;

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
 *   Affine / Linear                 → dense (weights transposed; reordered after a Flatten; bias)
 *   Conv2d                          → conv2d (any kernel, stride, padding, dilation, groups, bias)
 *   Conv1d                          → conv2d with a k×1 kernel on [n, 1, c]
 *   SumPool2d / AvgPool2d           → pool2d 'sum' / 'avg' (any window, no padding)
 *   Flatten                         → flatten (nothing when the input is already flat)
 *   LIF / IF / CubaLIF              → spiking lif / if / cubaLif
 *   LI / Integrator + Threshold     → spiking lif with reset 'none' (β = 1 for the Integrator)
 *   LI / Integrator (otherwise)     → readout 'membrane' / 'count'
 *   CubaLI                          → readout 'membrane' (β = α) `<name>_syn` → readout 'membrane' `<name>`
 *   Scale                           → scale (its factors as the node's weights)
 *   Delay                           → delay (seconds as whole steps of Δt)
 *   NIRGraph                        → its nodes, inlined
 *   several edges into a node       → its inputs, summed
 *   an edge that closes a loop      → a recurrent input (one step late, as NIR defines cycles)
 *
 * Throws NirError naming the node for anything without an equivalent: other node types, v_leak
 * (unless dropBias), per-neuron parameters that differ, pooling with padding, a delay that is not
 * a whole number of steps, several Inputs or Outputs.
 */
export function nirToNetwork(graph: NirGraph, options: NirImportOptions = {}): NirImport {
  const flow = nirFlow(graph.nodes, graph.edges, metadataOrder(graph.metadata) ?? []);
  const dt = chooseTimeStep(graph, flow.body.map((b) => b.node), options.dtMs);
  const opts: NeuronImportOptions = { dtMs: dt.dtMs, reset: options.reset ?? 'zero', dropBias: options.dropBias ?? false };
  const notes: string[] = dt.note ? [dt.note] : [];
  const used = new Set<string>();
  const layers: LayerSpec[] = [];
  const weights: Record<string, LayerWeights> = {};
  /** Per NIR node: the layer that carries its output, that layer's shape, and how it was flattened. */
  const carried = new Map<string, { layer: string; shape: Shape; flat?: FlattenedFrom }>();
  /** Input gains of neurons still to be folded into weights not yet read (a loop's own synapses). */
  const pendingGain = new Map<string, number>();
  /** The NIR edges into each layer, resolved to layer names once every node is read (a loop names a later one). */
  const layerPreds: (readonly { readonly name: string; readonly recurrent: boolean }[])[] = [];
  let currentPreds: readonly { readonly name: string; readonly recurrent: boolean }[] = [];
  const nirType = (n: string) => flow.body.find((b) => b.name === n)?.node.type;
  // Nodes whose weights an input gain after them may be folded into (a Scale's factors are weights too).
  const weighted = (n: string) => ['Affine', 'Linear', 'Conv2d', 'Conv1d', 'Scale'].includes(nirType(n) ?? '');

  const push = (nodeName: string, node: NirNode, derived: LayerSpec, imp?: { weights?: LayerWeights; bias?: LayerWeights }) => {
    let restored = restoreLayer(derived, node.metadata, dt.dtMs);
    // A bias of zeros reads as none; metadata that says "no bias" over a file with one is stale.
    const biased = (l: LayerSpec | undefined) => (l?.kind === 'dense' || l?.kind === 'conv2d') && l.bias === true;
    if (restored && !biased(restored) && imp?.bias) restored = undefined;
    if (!restored && node.metadata?.[LAYER_KEY] !== undefined) notes.push(`${nodeSubject(nodeName, nirTypeName(node))}: its Spikelab metadata disagrees with its parameters (edited elsewhere?); read from the parameters`);
    layers.push(restored ?? derived);
    layerPreds.push(currentPreds);
    const gain = pendingGain.get(nodeName);
    if (imp?.weights) weights[derived.name] = gain === undefined ? imp.weights : scaleWeights(imp.weights, gain);
    if (imp?.bias) weights[biasKey(derived.name)] = gain === undefined ? imp.bias : scaleWeights(imp.bias, gain);
    else if (biased(restored) && (restored?.kind === 'dense' || restored?.kind === 'conv2d')) {
      const n = restored.kind === 'dense' ? restored.units : restored.filters;
      weights[biasKey(derived.name)] = { shape: [n], values: new Float32Array(n) };
    }
  };
  /**
   * Folds an imported neuron's input gain into the synapses that feed it, when every input is a
   * weighted node feeding this neuron alone; false otherwise (the gain then goes into the threshold).
   */
  const foldGain = (gain: number, subject: string, preds: readonly string[], self: string): boolean => {
    if (nearlyEqual(gain, 1)) return true;
    if (preds.length === 0 || !preds.every((p) => weighted(p) && flow.succ(p).every((q) => q === self))) return false;
    for (const p of preds) {
      const layer = carried.get(p)?.layer;
      const w = layer === undefined ? undefined : weights[layer];
      if (layer !== undefined && w) {
        weights[layer] = scaleWeights(w, gain);
        const b = weights[biasKey(layer)];
        if (b) weights[biasKey(layer)] = scaleWeights(b, gain);
      } else pendingGain.set(p, gain);
    }
    notes.push(`${subject}: its input gain ${+gain.toPrecision(6)} (Δt·R/τ) is folded into the weights of ${preds.map((p) => `'${carried.get(p)?.layer ?? p}'`).join(', ')}`);
    return true;
  };

  const inShape = inputShape(flow.input.name, flow.input.node.shape, flow.body[0]?.node);
  const inLayer = layerName(flow.input.name, 'Input', used);
  push(flow.input.name, flow.input.node, { kind: 'input', name: inLayer, shape: inShape.length === 3 ? [inShape[0], inShape[1], inShape[2]] : [inShape[0]] });
  carried.set(flow.input.name, { layer: inLayer, shape: inShape });
  const fused = new Set<string>();
  for (const { name: nodeName, node, preds } of flow.body) {
    if (fused.has(nodeName)) continue;
    const name = layerName(nodeName, nirTypeName(node), used);
    const s = nodeSubject(nodeName, nirTypeName(node));
    // What the node reads: its forward inputs' shapes (recurrent ones are checked by the network's own shape inference).
    const forward = preds.filter((p) => !p.recurrent).map((p) => carried.get(p.name));
    const first = forward[0];
    if (!first) throw new NirError(s, 'reads nothing but a loop; a node needs one input that comes before it');
    const shape = first.shape;
    currentPreds = preds;
    const from = forward.length === 1 ? first.flat : undefined;
    let made: LayerImport | undefined;
    switch (node.type) {
      case 'Affine':
      case 'Linear':
        made = denseImport({ layer: name, node: nodeName }, node, shape, from, opts.dropBias, notes);
        break;
      case 'Conv2d':
        made = conv2dImport({ layer: name, node: nodeName }, node, shape, opts.dropBias, notes);
        break;
      case 'Conv1d':
        made = conv1dImport({ layer: name, node: nodeName }, node, shape, opts.dropBias, notes);
        break;
      case 'SumPool2d':
      case 'AvgPool2d':
        made = poolImport({ layer: name, node: nodeName }, node, shape);
        break;
      case 'Flatten':
        // Spikelab flattens everything (channels last); the dense layer after it is reordered.
        if (shape.length === 3 && forward.length === 1 && preds.length === 1) {
          made = { layer: { kind: 'flatten', name }, shape: [shapeSize(shape)] };
          push(nodeName, node, made.layer);
          carried.set(nodeName, { layer: name, shape: made.shape, flat: [shape[0], shape[1], shape[2]] });
          continue;
        }
        if (shape.length === 3) throw new NirError(s, 'flattens the sum of several inputs; Spikelab flattens one');
        // Already flat: the Flatten is nothing, its reader reads what it read.
        used.delete(name);
        carried.set(nodeName, first);
        continue;
      case 'LIF':
      case 'IF':
      case 'CubaLIF': {
        const imp = neuronFromNir(nodeName, node, opts);
        notes.push(...imp.notes);
        const neuron = foldGain(imp.inputGain, s, preds.map((p) => p.name), nodeName) ? imp.neuron : withGainInThreshold(imp);
        made = { layer: { kind: 'spiking', name, neuron }, shape };
        break;
      }
      case 'LI':
      case 'I': {
        const after = flow.succ(nodeName);
        const next = after.length === 1 ? flow.body.find((b) => b.name === after[0]) : undefined;
        if (next?.node.type === 'Threshold' && next.preds.length === 1) {
          const imp = thresholdedFromNir(nodeName, node, next.node, opts);
          notes.push(...imp.notes);
          const neuron = foldGain(imp.inputGain, s, preds.map((p) => p.name), nodeName) ? imp.neuron : withGainInThreshold(imp);
          made = { layer: { kind: 'spiking', name, neuron }, shape };
          fused.add(next.name);
          carried.set(next.name, { layer: name, shape });
          break;
        }
        const ro = readoutFromNir(nodeName, node, opts);
        notes.push(...ro.notes);
        if (!foldGain(ro.inputGain, s, preds.map((p) => p.name), nodeName)) notes.push(`${s}: read-out values are 1/${+ro.inputGain.toPrecision(6)} of the file's (the same ranking)`);
        made = { layer: { kind: 'readout', name, mode: ro.mode, beta: ro.mode === 'count' ? 0.9 : ro.beta, reduce: 'max' }, shape };
        break;
      }
      case 'CubaLI': {
        const ro = cubaReadoutFromNir(nodeName, node, opts);
        notes.push(...ro.notes);
        if (!foldGain(ro.inputGain, s, preds.map((p) => p.name), nodeName)) notes.push(`${s}: read-out values are 1/${+ro.inputGain.toPrecision(6)} of the file's (the same ranking)`);
        // The synaptic current is a leaky integrator of its own, read by the membrane's.
        const syn = layerName(`${nodeName}_syn`, node.type, used);
        // Spikelab's own CubaLI keeps the current's layer in its metadata (restored if the parameters agree).
        const currentLayer = node.metadata?.[CURRENT_KEY];
        const synNode: NirNode = { type: node.type, tauSyn: node.tauSyn, tauMem: node.tauMem, r: node.r, vLeak: node.vLeak, wIn: node.wIn, ...(currentLayer === undefined ? {} : { metadata: { [LAYER_KEY]: currentLayer } }) };
        push(nodeName, synNode, { kind: 'readout', name: syn, mode: 'membrane', beta: ro.alpha, reduce: 'max' });
        carried.set(synapseKey(nodeName), { layer: syn, shape });
        currentPreds = [{ name: synapseKey(nodeName), recurrent: false }];
        made = { layer: { kind: 'readout', name, mode: 'membrane', beta: ro.beta, reduce: 'max' }, shape };
        if (currentLayer === undefined) notes.push(`${s}: read as two membrane read-outs, '${syn}' (the current, β = ${+ro.alpha.toPrecision(6)}) into '${name}' (the membrane)`);
        break;
      }
      case 'Scale':
        made = scaleImport(name, nodeName, node, shape);
        break;
      case 'Delay':
        made = delayImport(name, nodeName, node, shape, dt.dtMs);
        break;
      case 'Threshold':
        throw new NirError(s, 'Spikelab has no stateless threshold; a Threshold is supported after an LI or an Integrator (a LIF without reset)');
      default:
        throw new NirError(s, `is not supported; Spikelab maps ${SUPPORTED_NIR_TYPES.join(', ')}`);
    }
    push(nodeName, node, made.layer, made);
    carried.set(nodeName, { layer: name, shape: made.shape });
  }
  wireInputs(layers, layerPreds, (n) => carried.get(n)?.layer);
  // A graph built in memory (not read through the file reader's checks), or a gain folded into
  // weights, may still hold NaN or ±Infinity: refused here, where every import passes.
  for (const [name, w] of Object.entries(weights)) {
    const bad = firstNonFinite(w.values);
    if (bad >= 0) throw new NirError(`layer '${name}'`, `weight ${bad} is ${w.values[bad]}; NIR weights must be finite numbers`);
  }
  return { network: finish(layers, flow.output?.node.shape, flow.output?.name), weights, dtMs: dt.dtMs, notes };
}

/**
 * Gives each layer the inputs its NIR edges name, as layer names; a layer that reads just the one
 * before it keeps none (a chain stays a chain, as Spikelab writes and older files have it).
 */
function wireInputs(layers: LayerSpec[], preds: readonly (readonly { readonly name: string; readonly recurrent: boolean }[])[], layerOf: (node: string) => string | undefined): void {
  layers.forEach((layer, i) => {
    if (i === 0 || layer.kind === 'input') return;
    const refs = (preds[i] ?? []).map((p) => {
      const from = layerOf(p.name);
      if (from === undefined) throw new NirError(`layer '${layer.name}'`, `reads NIR node '${p.name}', which became no layer`);
      return p.recurrent ? { from, recurrent: true as const } : from;
    });
    const chainLike = refs.length === 1 && refs[0] === layers[i - 1]?.name;
    // Inputs restored from a layer's metadata named the writer's layers: the edges decide.
    const bare: Record<string, unknown> = { ...layer };
    delete bare['inputs'];
    layers[i] = (chainLike ? bare : { ...bare, inputs: refs }) as LayerSpec;
  });
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
