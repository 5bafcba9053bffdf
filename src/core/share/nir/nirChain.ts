import { quoteInput } from '../../format/inputText.ts';
import { NirError, nodeSubject } from './nirError.ts';
import { checkGraphLimits } from './nirLimits.ts';
import { nirTypeName, type NirEdge, type NirInput, type NirNode, type NirOutput } from './nirGraph.ts';

/** A graph's nodes in the order signals flow, Input first and Output last. */
export interface NirChain {
  readonly input: { readonly name: string; readonly node: NirInput };
  readonly body: readonly { readonly name: string; readonly node: NirNode }[];
  readonly output: { readonly name: string; readonly node: NirOutput } | undefined;
}

interface Flat {
  readonly nodes: Map<string, NirNode>;
  readonly edges: NirEdge[];
}

/**
 * Replaces nested graphs by their nodes (named `outer.inner`), wiring what fed the subgraph to
 * what its Input fed, and what its Output received to what the subgraph fed. snnTorch writes each
 * recurrent layer this way; the loop inside then shows up as a cycle of the flat graph. It recurses
 * once per level of nesting: nirChain has bounded that to MAX_NIR_GRAPH_DEPTH (checkGraphLimits).
 */
function inline(nodes: Readonly<Record<string, NirNode>>, edges: readonly NirEdge[], prefix: string, into: Flat): void {
  const sub = (n: string) => prefix + n;
  const entries = new Map<string, string[]>();
  const exits = new Map<string, string[]>();
  for (const [name, node] of Object.entries(nodes)) {
    if (node.type !== 'NIRGraph') {
      if (into.nodes.has(sub(name))) throw new NirError(nodeSubject(sub(name), nirTypeName(node)), 'the name is used twice once nested graphs are opened');
      into.nodes.set(sub(name), node);
      continue;
    }
    const inner: Flat = { nodes: new Map(), edges: [] };
    inline(node.nodes, node.edges, `${sub(name)}.`, inner);
    const kind = (n: string) => inner.nodes.get(n)?.type;
    entries.set(name, inner.edges.filter(([a]) => kind(a) === 'Input').map(([, b]) => b));
    exits.set(name, inner.edges.filter(([, b]) => kind(b) === 'Output').map(([a]) => a));
    for (const [n, v] of inner.nodes) if (v.type !== 'Input' && v.type !== 'Output') into.nodes.set(n, v);
    for (const e of inner.edges) if (kind(e[0]) !== 'Input' && kind(e[1]) !== 'Output') into.edges.push(e);
  }
  for (const [a, b] of edges) {
    const froms = exits.get(a) ?? [sub(a)];
    const tos = entries.get(b) ?? [sub(b)];
    for (const f of froms) for (const t of tos) into.edges.push([f, t]);
  }
}

/** A cycle of the graph as a path `a → b → a`, if there is one. */
function findCycle(names: readonly string[], next: (n: string) => readonly string[]): string[] | undefined {
  const state = new Map<string, 'open' | 'done'>();
  for (const root of names) {
    if (state.has(root)) continue;
    // Depth-first with an explicit stack (node, index of its next successor): recursing would
    // overflow the call stack on a chain of 10^5 nodes.
    const path: string[] = [root];
    const at: number[] = [0];
    state.set(root, 'open');
    while (path.length > 0) {
      const n = path[path.length - 1] as string;
      const i = at[at.length - 1] as number;
      const succs = next(n);
      if (i >= succs.length) {
        state.set(n, 'done');
        path.pop();
        at.pop();
        continue;
      }
      at[at.length - 1] = i + 1;
      const m = succs[i] as string;
      if (state.get(m) === 'open') return [...path.slice(path.indexOf(m)), m];
      if (!state.has(m)) {
        state.set(m, 'open');
        path.push(m);
        at.push(0);
      }
    }
  }
  return undefined;
}

/** Up to `most` names joined by `sep`, then how many more: messages stay readable for huge graphs. */
function someOf(names: readonly string[], sep: string, most = 8): string {
  const shown = names.slice(0, most).map((n) => quoteInput(n));
  return names.length <= most ? shown.join(sep) : `${shown.join(sep)} … and ${names.length - most} more`;
}

/**
 * The graph as a chain from its Input to its Output. Spikelab networks are feed-forward chains, so
 * a loop (a recurrent layer), a branch, a node with several inputs, several Input nodes or a node
 * off the path is refused with a NirError that names the nodes.
 */
export function nirChain(nodes: Readonly<Record<string, NirNode>>, edges: readonly NirEdge[]): NirChain {
  // Iteratively, before `inline` recurses once per level of nesting.
  checkGraphLimits(nodes, edges);
  const flat: Flat = { nodes: new Map(), edges: [] };
  inline(nodes, edges, '', flat);
  // snnTorch can repeat an edge; a repeated edge is one connection.
  const seen = new Set<string>();
  const unique: NirEdge[] = [];
  for (const e of flat.edges) {
    const key = `${e[0]}\n${e[1]}`;
    if (!seen.has(key)) unique.push(e);
    seen.add(key);
  }
  for (const [a, b] of unique) for (const n of [a, b]) if (!flat.nodes.has(n)) throw new NirError('', `an edge names node '${quoteInput(n)}', which the graph does not have`);
  // Adjacency built once: filtering the edge list per node was quadratic in the graph's size.
  const succs = new Map<string, string[]>();
  const preds = new Map<string, string[]>();
  for (const [a, b] of unique) {
    succs.set(a, [...(succs.get(a) ?? []), b]);
    preds.set(b, [...(preds.get(b) ?? []), a]);
  }
  const succ = (n: string): readonly string[] => succs.get(n) ?? [];
  const pred = (n: string): readonly string[] => preds.get(n) ?? [];
  const type = (n: string) => nirTypeName(flat.nodes.get(n) ?? { type: 'Unsupported', nirType: '?' });
  const cycle = findCycle([...flat.nodes.keys()], succ);
  if (cycle) throw new NirError('', `the graph is recurrent (${someOf(cycle, ' → ')}); Spikelab networks are feed-forward chains`);
  const inputs: [string, NirInput][] = [];
  for (const [name, n] of flat.nodes) if (n.type === 'Input') inputs.push([name, n]);
  const first = inputs[0];
  if (!first) throw new NirError('', 'the graph has no Input node');
  if (inputs.length > 1) throw new NirError('', `the graph has ${inputs.length} Input nodes (${someOf(inputs.map(([n]) => n), ', ')}); a Spikelab network has one input`);
  const hasOutput = [...flat.nodes.values()].some((n) => n.type === 'Output');
  const body: { name: string; node: NirNode }[] = [];
  let output: NirChain['output'];
  for (let cur = first[0]; ; ) {
    const next = succ(cur);
    if (next.length > 1) throw new NirError(nodeSubject(cur, type(cur)), `feeds ${next.length} nodes (${someOf(next, ', ')}); Spikelab networks are chains without branches`);
    const n = next[0];
    if (n === undefined) {
      if (hasOutput) throw new NirError(nodeSubject(cur, type(cur)), 'leads to no Output node');
      break;
    }
    const into = pred(n);
    if (into.length > 1) throw new NirError(nodeSubject(n, type(n)), `has ${into.length} inputs (${someOf(into, ', ')}); Spikelab layers take one input each`);
    const node = flat.nodes.get(n);
    if (!node) break;
    if (node.type === 'Output') {
      output = { name: n, node };
      break;
    }
    body.push({ name: n, node });
    cur = n;
  }
  const onPath = new Set([first[0], ...body.map((b) => b.name), ...(output ? [output.name] : [])]);
  const off = [...flat.nodes.keys()].filter((n) => !onPath.has(n));
  if (off.length > 0) throw new NirError('', `node(s) ${someOf(off.map((n) => `'${n}' (${type(n)})`), ', ')} are not on the path from Input to Output`);
  return { input: { name: first[0], node: first[1] }, body, output };
}
