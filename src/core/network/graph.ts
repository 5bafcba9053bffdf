import type { SpecIssue } from '../errors.ts';
import type { InputRef, LayerSpec, NetworkSpec } from '../spec/network.ts';

/** One resolved edge into a node: the index of its source and whether it arrives a step late. */
export interface GraphEdge {
  readonly from: number;
  readonly to: number;
  readonly recurrent: boolean;
}

/**
 * A network read as a graph: the node list of the spec with every edge resolved to indices. Nodes
 * keep the spec's order, in which every forward edge goes from an earlier node to a later one, so
 * engines step nodes in list order and read recurrent sources from the step before.
 */
export interface NetworkGraph {
  readonly nodes: readonly LayerSpec[];
  /** Edges into each node, in the order its `inputs` lists them. */
  readonly inputsOf: readonly (readonly GraphEdge[])[];
  /** Edges out of each node. */
  readonly consumersOf: readonly (readonly GraphEdge[])[];
  /** Nodes whose output some recurrent edge reads (their previous step must be kept). */
  readonly recurrentSources: ReadonlySet<number>;
  /** True when the graph is a plain chain: every node reads exactly the node before it. */
  readonly isChain: boolean;
  readonly edges: readonly GraphEdge[];
}

/** The source name of an input reference. */
export const refName = (ref: InputRef): string => (typeof ref === 'string' ? ref : ref.from);

/** Whether an input reference is a recurrent (one step late) edge. */
export const isRecurrentRef = (ref: InputRef): boolean => typeof ref !== 'string';

/** The input references of a node as written, or the default: the node before it. */
export function inputRefsOf(net: NetworkSpec, index: number): readonly InputRef[] {
  const node = net.layers[index];
  if (!node || node.kind === 'input') return [];
  if (node.inputs) return node.inputs;
  const prev = net.layers[index - 1];
  return prev ? [prev.name] : [];
}

/**
 * Resolves the edges of a network and checks the graph: every named source exists, a forward edge
 * comes from an earlier node (a loop needs a recurrent edge), and every node but the last feeds
 * something (no dead ends). Issues name the node and the edge; the graph is returned regardless so
 * callers can report every issue at once.
 */
export function resolveGraph(net: NetworkSpec, prefix = 'network'): { graph: NetworkGraph; issues: SpecIssue[] } {
  const issues: SpecIssue[] = [];
  const index = new Map<string, number>();
  net.layers.forEach((l, i) => {
    if (!index.has(l.name)) index.set(l.name, i);
  });
  const inputsOf: GraphEdge[][] = net.layers.map(() => []);
  const consumersOf: GraphEdge[][] = net.layers.map(() => []);
  const edges: GraphEdge[] = [];
  const recurrentSources = new Set<number>();
  let isChain = true;
  net.layers.forEach((node, to) => {
    const refs = inputRefsOf(net, to);
    refs.forEach((ref, k) => {
      const name = refName(ref);
      const recurrent = isRecurrentRef(ref);
      const path = 'inputs' in node && node.inputs ? `${prefix}.layers[${to}].inputs[${k}]` : `${prefix}.layers[${to}]`;
      const from = index.get(name);
      if (from === undefined) {
        issues.push({ path, message: `'${node.name}' reads from '${name}', but no node has that name` });
        return;
      }
      if (!recurrent && from >= to) {
        issues.push({
          path,
          message:
            from === to
              ? `'${node.name}' reads its own output in the same step: a loop needs a recurrent edge ({ "from": "${name}", "recurrent": true })`
              : `'${node.name}' reads '${name}', which comes after it: list '${name}' first, or make the edge recurrent ({ "from": "${name}", "recurrent": true }) if this is a loop`,
        });
        return;
      }
      if (net.layers[from]?.kind === 'input' && recurrent) {
        issues.push({ path, message: `'${node.name}' reads the input '${name}' a step late: a recurrent edge must come from a computed node` });
        return;
      }
      const edge = { from, to, recurrent };
      inputsOf[to]?.push(edge);
      consumersOf[from]?.push(edge);
      edges.push(edge);
      if (recurrent) recurrentSources.add(from);
      if (recurrent || from !== to - 1) isChain = false;
    });
    if (refs.length !== (to === 0 ? 0 : 1)) isChain = false;
    if (to > 0 && node.kind !== 'input' && refs.length > 0 && refs.every(isRecurrentRef) && node.kind !== 'dense' && node.kind !== 'conv2d') {
      // Only weighted nodes may hang off a loop alone: anything else would have no shape of its own to start from.
      issues.push({ path: `${prefix}.layers[${to}].inputs`, message: `'${node.name}' has only recurrent inputs; it needs at least one forward input` });
    }
  });
  const last = net.layers.length - 1;
  consumersOf.forEach((outs, i) => {
    if (i !== last && outs.length === 0) {
      const node = net.layers[i];
      issues.push({ path: `${prefix}.layers[${i}]`, message: `'${node?.name ?? i}' is a dead end: nothing reads its output and it is not the last node` });
    }
  });
  return { graph: { nodes: net.layers, inputsOf, consumersOf, recurrentSources, isChain, edges }, issues };
}

/** Kinds the chain-era code paths (wasm kernels, chip rules) know. */
export const CHAIN_KINDS: ReadonlySet<LayerSpec['kind']> = new Set(['input', 'dense', 'conv2d', 'pool2d', 'flatten', 'spiking', 'readout']);

/**
 * Why code that steps layers in list order, each reading the one before, cannot run `net` exactly
 * (undefined when it can): a graph with skips, sums or loops, a node kind it does not know, a bias,
 * a non-square or padded window, or a read-out of kind 'value'. Callers fall back and show this.
 */
export function chainOnlyReason(net: NetworkSpec): string | undefined {
  const { graph } = resolveGraph(net);
  if (!graph.isChain) {
    const e = graph.edges.find((x) => x.recurrent || x.from !== x.to - 1) ?? graph.edges[0];
    const to = e ? net.layers[e.to]?.name : undefined;
    return `the network is a graph, not a chain (${e?.recurrent ? 'a recurrent edge' : 'a skip or a sum'} into '${to ?? '?'}')`;
  }
  return layerReason(net, CHAIN_KINDS);
}

/**
 * Why one of the nodes of `net` is beyond the chain-era kernels, whatever the graph's shape (undefined
 * when none is): a kind outside `kinds`, a bias (on a dense node too unless `denseBias`), a
 * non-square or padded window, or a read-out of kind 'value'. The wasm engine, which runs sums and
 * loops of these nodes and dense biases, asks this alone.
 */
export function layerReason(net: NetworkSpec, kinds: ReadonlySet<LayerSpec['kind']>, denseBias = false): string | undefined {
  for (const l of net.layers) {
    if (!kinds.has(l.kind)) return `'${l.name}' is ${/^[aeiou]/.test(l.kind) ? 'an' : 'a'} ${l.kind} node`;
    if (((l.kind === 'dense' && !denseBias) || l.kind === 'conv2d') && l.bias) return `'${l.name}' has a bias`;
    if (l.kind === 'conv2d' && !(typeof l.kernel === 'number' && typeof l.stride === 'number' && typeof l.padding === 'string' && (l.dilation ?? 1) === 1 && (l.groups ?? 1) === 1))
      return `'${l.name}' has a rectangular, dilated, grouped or explicitly padded window`;
    if (l.kind === 'pool2d' && !(typeof l.size === 'number' && (l.stride === undefined || typeof l.stride === 'number'))) return `'${l.name}' pools over a rectangular window`;
    if (l.kind === 'readout' && l.mode === 'value') return `'${l.name}' reads a value, not a count or a membrane`;
  }
  return undefined;
}
