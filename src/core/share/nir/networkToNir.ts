import { padBefore, convOutSide, inferShapes, type Shape, windowOf } from '../../network/shapes.ts';
import { checkWeights, type LayerWeights, type NetworkWeights } from '../../network/weights.ts';
import { SpecError } from '../../errors.ts';
import type { Conv2dLayerSpec, LayerSpec, NetworkSpec } from '../../spec/network.ts';
import { NirError } from './nirError.ts';
import { filledTensor, NIR_VERSION, type NirEdge, type NirGraph, type NirNode, type NirPadding, type NirPair } from './nirGraph.ts';
import { neuronToNir, readoutToNir } from './nirNeuronExport.ts';
import { DT_KEY, layerMetadata } from './nirSpikelabMetadata.ts';
import { convToNir, denseToNir, type FlattenedFrom } from './nirWeights.ts';

/** A network written as NIR, and what the NIR form cannot say (for the user). */
export interface NirExport {
  readonly graph: NirGraph;
  readonly notes: readonly string[];
}

/** NIR's (PyTorch's) shape of one of our per-step shapes: [n] stays, [h, w, c] becomes [c, h, w]. */
export function nirShape(s: Shape): number[] {
  return s.length === 3 ? [s[2], s[0], s[1]] : [s[0]];
}

/**
 * NIR's padding for one of our conv2d layers. 'valid' is no padding. Our 'same' (tfjs: ceil(n/s)
 * outputs, the odd pixel padded after) is written as PyTorch's symmetric padding p when that gives
 * the same windows on both axes (odd kernel, stride 1, and more); otherwise as the string 'same',
 * which NIR allows but PyTorch-based tools may refuse, and the caller is told.
 */
function convPadding(layer: Conv2dLayerSpec, h: number, w: number): NirPadding<NirPair> {
  const win = windowOf(layer);
  if (win.padding === 'valid') return [0, 0];
  const axis = (n: number): number | undefined => {
    const p = padBefore(n, win.k, win.stride, 'same');
    const torchOut = Math.floor((n + 2 * p - win.k) / win.stride) + 1;
    return torchOut === convOutSide(n, win.k, win.stride, 'same') ? p : undefined;
  };
  const ph = axis(h);
  const pw = axis(w);
  return ph === undefined || pw === undefined ? 'same' : [ph, pw];
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
    case 'dense':
      return [{ type: 'Linear', weight: denseToNir(weightsOf(weights, layer.name), from) }];
    case 'conv2d': {
      const [h = 1, w = 1] = inShape;
      const padding = convPadding(layer, h, w);
      if (padding === 'same') notes.push(`${where} pads 'same' with stride ${windowOf(layer).stride} (TensorFlow's rule: the odd pixel after), which PyTorch's symmetric padding cannot express; the file says padding 'same', whose output size NIR's reference reader gets wrong (read it with nir.read(file, type_check=False))`);
      const stride = windowOf(layer).stride;
      const s: NirPair = [stride, stride];
      return [{ type: 'Conv2d', weight: convToNir(weightsOf(weights, layer.name)), bias: filledTensor([layer.filters], 0), stride: s, padding, dilation: [1, 1], groups: 1, inputShape: [h, w] }];
    }
    case 'pool2d': {
      if (layer.mode === 'max') throw new NirError(where, "NIR has no max pooling (only SumPool2d and AvgPool2d); use mode 'sum' or 'avg'");
      const { k, stride: st } = windowOf(layer);
      return [{ type: layer.mode === 'sum' ? 'SumPool2d' : 'AvgPool2d', kernelSize: [k, k], stride: [st, st], padding: [0, 0] }];
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
    case 'relu':
    case 'identity':
    case 'sum':
    case 'accumulator':
      throw new NirError(where, `is a ${layer.kind} node, which the NIR export does not write yet`);
  }
}

/**
 * Writes a network and its weights as a NIR graph: one node per layer, named after the layer, in a
 * chain Input → … → Output. `dtMs` is the time step the network runs at; NIR's time constants are
 * computed for it (nirNeuronExport.ts) and it is kept in the graph metadata. Throws NirError for a
 * layer NIR cannot express (max pooling, neurons other than LIF, IF and CubaLIF).
 */
export function networkToNir(spec: NetworkSpec, weights: NetworkWeights, dtMs: number): NirExport {
  if (!(dtMs > 0) || !Number.isFinite(dtMs)) throw new NirError('', `the time step must be a positive number of ms, got ${dtMs}`);
  const { shapes, issues } = inferShapes(spec);
  if (issues.length > 0) throw new SpecError(issues);
  checkWeights(spec, weights);
  const nodes: Record<string, NirNode> = {};
  const order: string[] = [];
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
  let from: FlattenedFrom;
  spec.layers.forEach((layer, i) => {
    const inShape = shapes[i - 1] ?? shapes[0] ?? [1];
    const outShape = shapes[i] ?? [1];
    const made = layerNodes(layer, inShape, outShape, weights, from, dtMs, notes);
    made.forEach((node, k) => {
      const name = k === 0 ? layer.name : unique(`${layer.name}_${node.type.toLowerCase()}`);
      nodes[name] = k === 0 ? { ...node, metadata: layerMetadata(layer) } : node;
      order.push(name);
    });
    if (layer.kind === 'flatten') from = inShape.length === 3 ? [inShape[0], inShape[1], inShape[2]] : undefined;
    if (layer.kind === 'dense') from = undefined;
  });
  const output = unique('output');
  nodes[output] = { type: 'Output', shape: nirShape(shapes[shapes.length - 1] ?? [1]) };
  order.push(output);
  const edges: NirEdge[] = order.slice(1).map((name, i) => [order[i] as string, name]);
  return { graph: { version: NIR_VERSION, nodes, edges, metadata: { [DT_KEY]: dtMs } }, notes };
}
