import { convGeometry, poolGeometry } from '../../network/layerGeometry.ts';
import { inferShapes, type Shape } from '../../network/shapes.ts';
import { biasKey, checkWeights, type LayerWeights, type NetworkWeights } from '../../network/weights.ts';
import { SpecError } from '../../errors.ts';
import type { NetworkGraph } from '../../network/graph.ts';
import type { Conv2dLayerSpec, LayerSpec, NetworkSpec, ReadoutLayerSpec } from '../../spec/network.ts';
import { delayToNir, nirShape, scaleToNir } from './nirElementwise.ts';
import { NirError } from './nirError.ts';
import { filledTensor, NIR_VERSION, type NirEdge, type NirGraph, type NirNode, type NirPadding, type NirPair, type NirTensor } from './nirGraph.ts';
import { cubaReadoutToNir, neuronToNir, readoutToNir } from './nirNeuronExport.ts';
import { CURRENT_KEY, DT_KEY, layerMetadata, ORDER_KEY } from './nirSpikelabMetadata.ts';
import { convToNir, denseToNir, type FlattenedFrom } from './nirWeights.ts';

/** A network written as NIR, and what the NIR form cannot say (for the user). */
export interface NirExport {
  readonly graph: NirGraph;
  readonly notes: readonly string[];
}

/**
 * NIR's padding for one of our conv2d layers: PyTorch's symmetric padding per axis. Our 'same'
 * (tfjs: the odd pixel padded after) is written as the string 'same' when it is not symmetric,
 * which NIR allows but PyTorch-based tools may refuse, and the caller is told; explicit padding
 * that differs before and after cannot be written.
 */
function convPadding(layer: Conv2dLayerSpec, h: number, w: number): NirPadding<NirPair> {
  const [t, b, l, r] = convGeometry(layer, h, w).pads;
  if (t === b && l === r) return [t, l];
  if (layer.padding === 'same') return 'same';
  throw new NirError(`layer '${layer.name}'`, `pads [${t}, ${b}, ${l}, ${r}] (top, bottom, left, right); NIR pads each axis the same on both sides`);
}

function biasTensor(weights: NetworkWeights, name: string): NirTensor {
  const b = weights[biasKey(name)];
  if (!b) throw new NirError(`layer '${name}'`, 'has no bias values');
  return { shape: [...b.shape], values: b.values };
}

function weightsOf(weights: NetworkWeights, name: string): LayerWeights {
  const w = weights[name];
  if (!w) throw new NirError(`layer '${name}'`, 'has no weights');
  return w;
}

/** The NIR node(s) of one layer; `inShape`/`outShape` are ours. */
function layerNodes(layer: LayerSpec, inShape: Shape, outShape: Shape, weights: NetworkWeights, from: FlattenedFrom, dtMs: number, notes: string[]): NirNode[] {
  const where = `layer '${layer.name}'`;
  switch (layer.kind) {
    case 'input':
      return [{ type: 'Input', shape: nirShape(outShape) }];
    case 'dense': {
      const weight = denseToNir(weightsOf(weights, layer.name), from);
      return [layer.bias ? { type: 'Affine', weight, bias: biasTensor(weights, layer.name) } : { type: 'Linear', weight }];
    }
    case 'conv2d': {
      const [h = 1, w = 1] = inShape;
      const padding = convPadding(layer, h, w);
      if (padding === 'same') notes.push(`${where} pads 'same' with stride ${JSON.stringify(layer.stride)} (TensorFlow's rule: the odd pixel after), which PyTorch's symmetric padding cannot express; the file says padding 'same', whose output size NIR's reference reader gets wrong (read it with nir.read(file, type_check=False))`);
      const g = convGeometry(layer, h, w);
      const bias = layer.bias ? biasTensor(weights, layer.name) : filledTensor([layer.filters], 0);
      return [{ type: 'Conv2d', weight: convToNir(weightsOf(weights, layer.name)), bias, stride: [g.sh, g.sw], padding, dilation: [g.dh, g.dw], groups: g.groups, inputShape: [h, w] }];
    }
    case 'pool2d': {
      if (layer.mode === 'max') throw new NirError(where, "NIR has no max pooling (only SumPool2d and AvgPool2d); use mode 'sum' or 'avg'");
      const [h = 1, w = 1] = inShape;
      const g = poolGeometry(layer, h, w);
      return [{ type: layer.mode === 'sum' ? 'SumPool2d' : 'AvgPool2d', kernelSize: [g.kh, g.kw], stride: [g.sh, g.sw], padding: [0, 0] }];
    }
    case 'flatten':
      return [{ type: 'Flatten', startDim: 0, endDim: -1, inputType: nirShape(inShape) }];
    case 'spiking': {
      const { nodes, losses } = neuronToNir(layer.name, layer.neuron, nirShape(outShape), dtMs);
      for (const loss of losses) notes.push(`${where} ${loss} (Spikelab restores it from the node's metadata)`);
      return [...nodes];
    }
    case 'readout':
      return [readoutToNir(layer, nirShape(outShape), dtMs)];
    case 'scale':
      return [scaleToNir(weightsOf(weights, layer.name), outShape)];
    case 'delay':
      return [delayToNir(layer, outShape, dtMs)];
    case 'relu':
    case 'identity':
    case 'sum':
    case 'accumulator':
      throw new NirError(where, `is a ${layer.kind} node, which the NIR export does not write yet`);
  }
}

const leaky = (l: LayerSpec | undefined): l is ReadoutLayerSpec => l?.kind === 'readout' && l.mode === 'membrane' && Math.fround(l.beta) < 1;

/**
 * The membrane read-outs that are a CubaLI's current, by the index of the membrane read-out they
 * feed: `<name>_syn` read by nothing but the membrane read-out `<name>`, which reads nothing else
 * (what importing a CubaLI makes). Such a pair is written as one CubaLI node.
 */
function cubaCurrents(spec: NetworkSpec, graph: NetworkGraph): Map<number, number> {
  const out = new Map<number, number>();
  spec.layers.forEach((l, i) => {
    const ins = graph.inputsOf[i] ?? [];
    const j = ins[0]?.from;
    if (!leaky(l) || ins.length !== 1 || ins[0]?.recurrent || j === undefined) return;
    const current = spec.layers[j];
    if (leaky(current) && current.name === `${l.name}_syn` && (graph.consumersOf[j] ?? []).length === 1) out.set(i, j);
  });
  return out;
}

/**
 * Writes a network and its weights as a NIR graph: one node per layer (two for a LIF without
 * reset: LI + Threshold), named after the layer, with an edge for every input of every node — a
 * recurrent input is an edge like any other, since NIR gives every cycle one step of delay — and
 * the last node into Output; a membrane read-out `<name>_syn` read only by the membrane read-out
 * `<name>` is written with it as one CubaLI (as an imported CubaLI comes back). `dtMs` is the time
 * step the network runs at; NIR's time constants and delays are computed for it
 * (nirNeuronExport.ts, nirElementwise.ts) and it is kept in the graph metadata. Throws NirError for
 * a node NIR cannot express (max pooling, relu, identity, sum, accumulators, neurons other than
 * LIF, IF and CubaLIF).
 */
export function networkToNir(spec: NetworkSpec, weights: NetworkWeights, dtMs: number): NirExport {
  if (!(dtMs > 0) || !Number.isFinite(dtMs)) throw new NirError('', `the time step must be a positive number of ms, got ${dtMs}`);
  const { shapes, inShapes, graph, issues } = inferShapes(spec);
  if (issues.length > 0) throw new SpecError(issues);
  checkWeights(spec, weights);
  const nodes: Record<string, NirNode> = {};
  const edges: NirEdge[] = [];
  const notes: string[] = [];
  // Layer names are unique; extra nodes (a LIF without reset is LI + Threshold) and Output take
  // a name no layer has.
  const taken = new Set(spec.layers.map((l) => l.name));
  const unique = (base: string): string => {
    let name = base;
    for (let i = 1; taken.has(name); i++) name = `${base}_${i}`;
    taken.add(name);
    return name;
  };
  /** The NIR node that carries each layer's output (the last of its nodes). */
  const exitOf: string[] = [];
  const currentOf = cubaCurrents(spec, graph);
  const currents = new Set(currentOf.values());
  /** The NIR node each layer's inputs go into: its own, or for a CubaLI's current the CubaLI. */
  const entryOf = spec.layers.map((l) => l.name);
  for (const [membrane, current] of currentOf) entryOf[current] = spec.layers[membrane]?.name as string;
  spec.layers.forEach((layer, i) => {
    // A CubaLI's current is written with its membrane, as one node; nothing else reads it.
    if (currents.has(i)) {
      exitOf.push(layer.name);
      return;
    }
    const current = spec.layers[currentOf.get(i) ?? -1];
    if (leaky(current) && leaky(layer)) {
      nodes[layer.name] = { ...cubaReadoutToNir(current, layer, nirShape(shapes[i] ?? [1]), dtMs), metadata: { ...layerMetadata(layer), [CURRENT_KEY]: JSON.stringify(current) } };
      exitOf.push(layer.name);
      return;
    }
    const inShape = inShapes[i] ?? shapes[0] ?? [1];
    const outShape = shapes[i] ?? [1];
    // A dense layer reads through a flatten: its weights are reordered to PyTorch's flattening.
    const ins = graph.inputsOf[i] ?? [];
    const src = ins.length === 1 ? spec.layers[ins[0]?.from ?? -1] : undefined;
    const srcIn = ins.length === 1 ? inShapes[ins[0]?.from ?? -1] : undefined;
    const from: FlattenedFrom = src?.kind === 'flatten' && srcIn?.length === 3 ? [srcIn[0], srcIn[1], srcIn[2]] : undefined;
    const made = layerNodes(layer, inShape, outShape, weights, from, dtMs, notes);
    let prev: string | undefined;
    made.forEach((node, k) => {
      const name = k === 0 ? layer.name : unique(`${layer.name}_${node.type.toLowerCase()}`);
      nodes[name] = k === 0 ? { ...node, metadata: layerMetadata(layer) } : node;
      if (prev !== undefined) edges.push([prev, name]);
      prev = name;
    });
    exitOf.push(prev ?? layer.name);
  });
  graph.edges.forEach((e) => {
    // The edge from a CubaLI's current to its membrane is inside the CubaLI.
    if (!currents.has(e.from)) edges.push([exitOf[e.from] as string, entryOf[e.to] as string]);
  });
  const output = unique('output');
  nodes[output] = { type: 'Output', shape: nirShape(shapes[shapes.length - 1] ?? [1]) };
  edges.push([exitOf[exitOf.length - 1] as string, output]);
  return { graph: { version: NIR_VERSION, nodes, edges, metadata: { [DT_KEY]: dtMs, [ORDER_KEY]: JSON.stringify(spec.layers.filter((_l, i) => !currents.has(i)).map((l) => l.name)) } }, notes };
}
