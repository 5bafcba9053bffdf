import { NirError, nodeSubject } from './nirError.ts';
import type { NirEdge, NirNode } from './nirGraph.ts';

/**
 * Limits on the shape of a NIR graph, checked before a graph is read or walked: a file can
 * declare 20,000 nodes or graphs nested 250 deep in a few megabytes, and no Spikelab network
 * (at most 64 layers, a few NIR nodes each) comes near either.
 */

/** Most levels of NIRGraph inside NIRGraph (snnTorch nests one level per recurrent layer). */
export const MAX_NIR_GRAPH_DEPTH = 16;

/** Most nodes of one file, counting those of nested graphs (64 layers take under 300). */
export const MAX_NIR_NODES = 4096;

/** Most edges of one graph (a chain of n nodes has n − 1; snnTorch may repeat some). */
export const MAX_NIR_EDGES = 4 * MAX_NIR_NODES;

/** Nodes counted so far in one file or graph, shared by every nested graph of it. */
export interface NodeCount {
  nodes: number;
}

/**
 * Counts the `n` nodes of a graph at nesting `depth` (0 for the top graph), refusing a depth past
 * MAX_NIR_GRAPH_DEPTH or a count past MAX_NIR_NODES; `where` names the graph ('' for the top one).
 */
export function countNodes(count: NodeCount, n: number, depth: number, where: string): void {
  if (depth > MAX_NIR_GRAPH_DEPTH) throw new NirError(where, `is a graph nested ${depth} deep; at most ${MAX_NIR_GRAPH_DEPTH} levels of NIRGraph are read`);
  count.nodes += n;
  if (count.nodes > MAX_NIR_NODES) throw new NirError(where, `the graph has more than ${MAX_NIR_NODES} nodes (${count.nodes} counted so far, nested graphs included); at most ${MAX_NIR_NODES} are read, far more than a Spikelab network of 64 layers needs`);
}

/** Refuses a graph of more than MAX_NIR_EDGES edges; `where` names it as in countNodes. */
export function checkEdgeCount(n: number, where: string): void {
  if (n > MAX_NIR_EDGES) throw new NirError(where, `the graph has ${n} edges; at most ${MAX_NIR_EDGES} are read`);
}

/**
 * Checks a graph held in memory against the limits with an explicit stack (no recursion on its
 * depth), so that the walks after it may recurse at most MAX_NIR_GRAPH_DEPTH levels.
 */
export function checkGraphLimits(nodes: Readonly<Record<string, NirNode>>, edges: readonly NirEdge[]): void {
  const count: NodeCount = { nodes: 0 };
  const stack: { nodes: Readonly<Record<string, NirNode>>; edges: readonly NirEdge[]; depth: number; where: string; path: string }[] = [{ nodes, edges, depth: 0, where: '', path: '' }];
  for (let g = stack.pop(); g !== undefined; g = stack.pop()) {
    const entries = Object.entries(g.nodes);
    countNodes(count, entries.length, g.depth, g.where);
    checkEdgeCount(g.edges.length, g.where);
    for (const [name, node] of entries) {
      if (node.type === 'NIRGraph') stack.push({ nodes: node.nodes, edges: node.edges, depth: g.depth + 1, where: nodeSubject(`${g.path}${name}`, 'NIRGraph'), path: `${g.path}${name}.` });
    }
  }
}
