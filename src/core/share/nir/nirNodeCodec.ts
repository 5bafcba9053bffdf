import { quoteInput } from '../../format/inputText.ts';
import { firstNonFinite } from '../../network/weights.ts';
import { NirError } from './nirError.ts';
import { checkEdgeCount, countNodes, MAX_NIR_GRAPH_DEPTH, type NodeCount } from './nirLimits.ts';
import type { NirEdge, NirMetadata, NirNode, NirPadding, NirPair, NirTensor } from './nirGraph.ts';
import { h5Ints, h5Number, h5String, newGroup, type H5Dataset, type H5Group, type H5GroupBuilder } from './nirHdf5Tree.ts';

/**
 * NIR nodes ↔ HDF5 groups, in the layout of NIR's reference writer (`nir/serialization.py`): a
 * group per node with a `type` string and one dataset per field (snake_case), an optional
 * `metadata` group, and for graphs a `nodes` group and an `edges` dataset of [n, 2] strings.
 * Optional fields the reference reader fills in (v_reset = 0, w_in = 1, also CubaLI's) are filled in here too.
 */

/** Tensor fields of the node types that have only tensors: our name → NIR dataset name (for writing). */
const TENSORS = {
  Affine: { weight: 'weight', bias: 'bias' },
  Linear: { weight: 'weight' },
  LIF: { tau: 'tau', r: 'r', vLeak: 'v_leak', vThreshold: 'v_threshold', vReset: 'v_reset' },
  CubaLIF: { tauSyn: 'tau_syn', tauMem: 'tau_mem', r: 'r', vLeak: 'v_leak', vThreshold: 'v_threshold', vReset: 'v_reset', wIn: 'w_in' },
  IF: { r: 'r', vThreshold: 'v_threshold', vReset: 'v_reset' },
  LI: { tau: 'tau', r: 'r', vLeak: 'v_leak' },
  CubaLI: { tauSyn: 'tau_syn', tauMem: 'tau_mem', r: 'r', vLeak: 'v_leak', wIn: 'w_in' },
  Scale: { scale: 'scale' },
  Delay: { delay: 'delay' },
  I: { r: 'r' },
  Threshold: { threshold: 'threshold' },
} as const;
type TensorType = keyof typeof TENSORS;
const isTensorType = (t: string): t is TensorType => t in TENSORS;

/** Reads the fields of one node group; every failure names the dataset. */
class FieldReader {
  constructor(
    readonly group: H5Group,
    readonly where: string,
  ) {}
  has(name: string): boolean {
    return this.group.datasetNames.includes(name);
  }
  private get(name: string): H5Dataset {
    const d = this.group.dataset(name);
    if (!d) throw new NirError(this.where, `has no dataset '${name}'`);
    return d;
  }
  /**
   * A tensor, refused when it holds NaN or ±Infinity (naming the dataset, the flat index and the
   * value): weights and neuron parameters run with them and silently change every spike after.
   * The byte offset in the file is not given: HDF5 may store a dataset in compressed chunks.
   */
  tensor(name: string): NirTensor {
    const d = this.get(name);
    if (d.kind === 'string') throw new NirError(this.where, `'${name}' holds text, not numbers`);
    const t: NirTensor = d.kind === 'float' ? { shape: d.shape, values: d.values } : { shape: d.shape, values: Float64Array.from(d.values) };
    const bad = firstNonFinite(t.values);
    if (bad >= 0) throw new NirError(this.where, `'${name}' holds ${t.values[bad]} at index ${bad} (of shape [${t.shape.join(', ')}]); NIR weights and parameters must be finite numbers`);
    return t;
  }
  /** A tensor that the reference reader defaults when absent (v_reset = 0, w_in = 1). */
  tensorOr(name: string, like: NirTensor, value: number): NirTensor {
    return this.has(name) ? this.tensor(name) : { shape: like.shape, values: new Float64Array(like.values.length).fill(value) };
  }
  ints(name: string): number[] {
    const d = this.get(name);
    if (d.kind === 'string') throw new NirError(this.where, `'${name}' holds text, not integers`);
    const out = Array.from(d.values, Number);
    if (out.some((v) => !Number.isInteger(v))) throw new NirError(this.where, `'${name}' must hold integers`);
    return out;
  }
  int(name: string): number {
    const [v, ...rest] = this.ints(name);
    if (v === undefined || rest.length > 0) throw new NirError(this.where, `'${name}' must be one integer`);
    return v;
  }
  pair(name: string): NirPair {
    const v = this.ints(name);
    const [a, b] = v;
    if (a === undefined || v.length > 2) throw new NirError(this.where, `'${name}' must be one or two integers`);
    return [a, b ?? a];
  }
  text(name: string): string | undefined {
    const d = this.group.dataset(name);
    return d?.kind === 'string' && d.values.length === 1 ? d.values[0] : undefined;
  }
  padding(name: string): NirPadding<NirPair> {
    const s = this.text(name);
    if (s === 'same' || s === 'valid') return s;
    if (s !== undefined) throw new NirError(this.where, `padding '${quoteInput(s)}' is neither 'same', 'valid' nor a number`);
    return this.pair(name);
  }
  padding1d(name: string): NirPadding<number> {
    const s = this.text(name);
    if (s === 'same' || s === 'valid') return s;
    if (s !== undefined) throw new NirError(this.where, `padding '${quoteInput(s)}' is neither 'same', 'valid' nor a number`);
    return this.int(name);
  }
}

function readMetadata(group: H5Group): NirMetadata | undefined {
  const meta = group.group('metadata');
  if (!meta) return undefined;
  // No prototype: a key named `__proto__` is metadata like any other.
  const out: Record<string, string | number> = Object.create(null) as Record<string, string | number>;
  // Only scalars are metadata here; arrays are not even read.
  for (const k of meta.datasetNames) {
    if (meta.shape(k)?.length !== 0) continue;
    const v = meta.dataset(k)?.values[0];
    if (v !== undefined) out[k] = typeof v === 'string' ? v : Number(v);
  }
  return out;
}

/** Reads the `[n, 2]` string dataset of a graph's edges. */
function readEdges(group: H5Group, where: string): NirEdge[] {
  const d = group.dataset('edges');
  if (!d) return [];
  if (d.kind !== 'string' || d.values.length % 2 !== 0) throw new NirError(where, "'edges' must be pairs of node names");
  const out: NirEdge[] = [];
  for (let i = 0; i < d.values.length; i += 2) out.push([d.values[i] as string, d.values[i + 1] as string]);
  return out;
}

/**
 * The nodes, edges and metadata of a graph group (the file's `node` at depth 0, or a nested
 * graph). Its node count and edge count are read from the file's index and checked against the
 * limits (nirLimits.ts) before any node is read; recursion is at most MAX_NIR_GRAPH_DEPTH deep
 * (an HDF5 soft link can make a graph contain itself). Nodes go into an object without a
 * prototype, so a node named `__proto__` or `constructor` is a node like any other.
 */
export function readGraphGroup(group: H5Group, where: string, depth = 0, count: NodeCount = { nodes: 0 }): { nodes: Record<string, NirNode>; edges: NirEdge[]; metadata: NirMetadata } {
  const nodesGroup = depth > MAX_NIR_GRAPH_DEPTH ? undefined : group.group('nodes');
  countNodes(count, nodesGroup?.entryCount ?? 0, depth, where);
  if (!nodesGroup) throw new NirError(where, "has no 'nodes' group");
  checkEdgeCount(group.shape('edges')?.[0] ?? 0, where);
  const nodes: Record<string, NirNode> = Object.create(null) as Record<string, NirNode>;
  for (const name of nodesGroup.groupNames) {
    const g = nodesGroup.group(name);
    if (g) nodes[name] = readNode(g, `${where} node '${quoteInput(name)}'`, depth, count);
  }
  return { nodes, edges: readEdges(group, where), metadata: readMetadata(group) ?? {} };
}

/** One node from its group; `depth` is that of the graph holding it. */
export function readNode(group: H5Group, where: string, depth = 0, count: NodeCount = { nodes: 0 }): NirNode {
  const type = new FieldReader(group, where).text('type');
  if (type === undefined) throw new NirError(where, "has no 'type' string");
  const metadata = readMetadata(group);
  const node = readFields(type, group, `${where} (${quoteInput(type)})`, depth, count);
  return metadata ? { ...node, metadata } : node;
}

function readFields(type: string, group: H5Group, where: string, depth: number, count: NodeCount): NirNode {
  const f = new FieldReader(group, where);
  switch (type) {
    case 'Input':
    case 'Output':
      return { type, shape: f.ints('shape') };
    case 'Affine':
      return { type, weight: f.tensor('weight'), bias: f.tensor('bias') };
    case 'Linear':
      return { type, weight: f.tensor('weight') };
    case 'Conv1d':
      return { type, weight: f.tensor('weight'), bias: f.tensor('bias'), stride: f.int('stride'), padding: f.padding1d('padding'), dilation: f.int('dilation'), groups: f.int('groups'), ...(f.has('input_shape') ? { inputShape: f.int('input_shape') } : {}) };
    case 'Conv2d':
      return { type, weight: f.tensor('weight'), bias: f.tensor('bias'), stride: f.pair('stride'), padding: f.padding('padding'), dilation: f.pair('dilation'), groups: f.int('groups'), ...(f.has('input_shape') ? { inputShape: f.pair('input_shape') } : {}) };
    case 'SumPool2d':
    case 'AvgPool2d':
      return { type, kernelSize: f.pair('kernel_size'), stride: f.pair('stride'), padding: f.pair('padding') };
    case 'Flatten':
      return { type, startDim: f.int('start_dim'), endDim: f.int('end_dim'), ...(f.has('input_type') ? { inputType: f.ints('input_type') } : {}) };
    case 'NIRGraph': {
      const { nodes, edges } = readGraphGroup(group, where, depth + 1, count);
      return { type, nodes, edges };
    }
    case 'LIF': {
      const vThreshold = f.tensor('v_threshold');
      return { type, tau: f.tensor('tau'), r: f.tensor('r'), vLeak: f.tensor('v_leak'), vThreshold, vReset: f.tensorOr('v_reset', vThreshold, 0) };
    }
    case 'IF': {
      const vThreshold = f.tensor('v_threshold');
      return { type, r: f.tensor('r'), vThreshold, vReset: f.tensorOr('v_reset', vThreshold, 0) };
    }
    case 'CubaLIF': {
      const vThreshold = f.tensor('v_threshold');
      return { type, tauSyn: f.tensor('tau_syn'), tauMem: f.tensor('tau_mem'), r: f.tensor('r'), vLeak: f.tensor('v_leak'), vThreshold, vReset: f.tensorOr('v_reset', vThreshold, 0), wIn: f.tensorOr('w_in', vThreshold, 1) };
    }
    case 'LI':
      return { type, tau: f.tensor('tau'), r: f.tensor('r'), vLeak: f.tensor('v_leak') };
    case 'CubaLI': {
      const r = f.tensor('r');
      return { type, tauSyn: f.tensor('tau_syn'), tauMem: f.tensor('tau_mem'), r, vLeak: f.tensor('v_leak'), wIn: f.tensorOr('w_in', r, 1) };
    }
    case 'Scale':
      return { type, scale: f.tensor('scale') };
    case 'Delay':
      return { type, delay: f.tensor('delay') };
    case 'I':
      return { type, r: f.tensor('r') };
    case 'Threshold':
      return { type, threshold: f.tensor('threshold') };
    default:
      return { type: 'Unsupported', nirType: type };
  }
}

const floatSet = (t: NirTensor): H5Dataset => ({ kind: 'float', shape: t.shape, values: t.values });
const pairSet = (p: NirPair): H5Dataset => h5Ints([p[0], p[1]]);
const paddingSet = (p: NirPadding<NirPair> | NirPadding<number>): H5Dataset => (typeof p === 'string' ? h5String(p) : typeof p === 'number' ? h5Ints([p], []) : pairSet(p));

/** The group of one node (the inverse of readNode). */
export function writeNode(node: NirNode): H5GroupBuilder {
  const g = newGroup();
  const set = (name: string, d: H5Dataset) => g.datasets.set(name, d);
  if (node.type === 'Unsupported') throw new NirError('', `cannot write a node of unsupported type ${node.nirType}`);
  set('type', h5String(node.type));
  if (isTensorType(node.type)) {
    const fields = node as unknown as Record<string, NirTensor>;
    for (const [ours, theirs] of Object.entries(TENSORS[node.type])) {
      const t = fields[ours];
      if (t) set(theirs, floatSet(t));
    }
  }
  switch (node.type) {
    case 'Input':
    case 'Output':
      set('shape', h5Ints(node.shape));
      break;
    case 'Conv1d':
    case 'Conv2d':
      set('weight', floatSet(node.weight));
      set('bias', floatSet(node.bias));
      set('stride', typeof node.stride === 'number' ? h5Ints([node.stride], []) : pairSet(node.stride));
      set('padding', paddingSet(node.padding));
      set('dilation', typeof node.dilation === 'number' ? h5Ints([node.dilation], []) : pairSet(node.dilation));
      set('groups', h5Ints([node.groups], []));
      if (node.inputShape !== undefined) set('input_shape', typeof node.inputShape === 'number' ? h5Ints([node.inputShape], []) : pairSet(node.inputShape));
      break;
    case 'SumPool2d':
    case 'AvgPool2d':
      set('kernel_size', pairSet(node.kernelSize));
      set('stride', pairSet(node.stride));
      set('padding', pairSet(node.padding));
      break;
    case 'Flatten':
      set('start_dim', h5Ints([node.startDim], []));
      set('end_dim', h5Ints([node.endDim], []));
      if (node.inputType) set('input_type', h5Ints(node.inputType));
      break;
    case 'NIRGraph':
      writeGraphInto(g, node.nodes, node.edges, node.metadata);
      return g;
    default:
      break;
  }
  if (node.metadata && Object.keys(node.metadata).length > 0) g.groups.set('metadata', writeMetadata(node.metadata));
  return g;
}

function writeMetadata(meta: NirMetadata): H5GroupBuilder {
  const g = newGroup();
  for (const [k, v] of Object.entries(meta)) g.datasets.set(k, typeof v === 'string' ? h5String(v) : h5Number(v));
  return g;
}

/** Fills a graph group: `type`, `nodes`, `edges` and, when there is any, `metadata`. */
export function writeGraphInto(g: H5GroupBuilder, nodes: Readonly<Record<string, NirNode>>, edges: readonly NirEdge[], metadata: NirMetadata | undefined): void {
  g.datasets.set('type', h5String('NIRGraph'));
  const nodesGroup = newGroup();
  for (const [name, node] of Object.entries(nodes)) nodesGroup.groups.set(name, writeNode(node));
  g.groups.set('nodes', nodesGroup);
  g.datasets.set('edges', { kind: 'string', shape: [edges.length, 2], values: edges.flat() });
  if (metadata && Object.keys(metadata).length > 0) g.groups.set('metadata', writeMetadata(metadata));
}
