import { quoteInput } from '../../format/inputText.ts';
import { NirError, nodeSubject } from './nirError.ts';
import { checkGraphLimits } from './nirLimits.ts';
import { nirTypeName, type NirEdge, type NirInput, type NirNode, type NirOutput } from './nirGraph.ts';

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

/** Up to `most` names joined by `sep`, then how many more: messages stay readable for huge graphs. */
function someOf(names: readonly string[], sep: string, most = 8): string {
  const shown = names.slice(0, most).map((n) => quoteInput(n));
  return names.length <= most ? shown.join(sep) : `${shown.join(sep)} … and ${names.length - most} more`;
}

/** One node of the flow order with the nodes it reads; `recurrent` edges close a loop (one step late). */
export interface NirFlowNode {
  readonly name: string;
  readonly node: NirNode;
  readonly preds: readonly { readonly name: string; readonly recurrent: boolean }[];
}

/** A graph's nodes in an order signals can flow in: Input first, the node feeding Output last. */
export interface NirFlow {
  readonly input: { readonly name: string; readonly node: NirInput };
  readonly body: readonly NirFlowNode[];
  readonly output: { readonly name: string; readonly node: NirOutput } | undefined;
  /** Successors of every node (Output included), for imports that look ahead (LI → Threshold). */
  readonly succ: (name: string) => readonly string[];
}

/**
 * The graph in flow order. Nested graphs are opened; edges that close a loop, found depth-first
 * from the Input, become recurrent edges (NIR's cycles carry one step of delay); the rest is
 * ordered topologically with the node feeding Output last and, among nodes ready at once, those
 * `preferred` lists in its order first (a Spikelab file comes back in the order it was written). Refused, naming the nodes: several
 * Input nodes, a node the Input does not reach, several nodes feeding Output, and node kinds the
 * caller refuses later.
 */
export function nirFlow(nodes: Readonly<Record<string, NirNode>>, edges: readonly NirEdge[], preferred: readonly string[] = []): NirFlow {
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
    let s = succs.get(a);
    if (!s) succs.set(a, (s = []));
    s.push(b);
    let p = preds.get(b);
    if (!p) preds.set(b, (p = []));
    p.push(a);
  }
  const succ = (n: string): readonly string[] => succs.get(n) ?? [];
  const type = (n: string) => nirTypeName(flat.nodes.get(n) ?? { type: 'Unsupported', nirType: '?' });
  const inputs: [string, NirInput][] = [];
  for (const [name, n] of flat.nodes) if (n.type === 'Input') inputs.push([name, n]);
  const first = inputs[0];
  if (!first) throw new NirError('', 'the graph has no Input node');
  if (inputs.length > 1) throw new NirError('', `the graph has ${inputs.length} Input nodes (${someOf(inputs.map(([n]) => n), ', ')}); a Spikelab network has one input`);
  const back = backEdges(first[0], succ);
  const reached = back.reached;
  const off = [...flat.nodes.keys()].filter((n) => !reached.has(n));
  if (off.length > 0) throw new NirError('', `node(s) ${someOf(off.map((n) => `'${n}' (${type(n)})`), ', ')} are not reached from the Input`);
  const outputs = [...flat.nodes].filter(([, n]) => n.type === 'Output') as [string, NirOutput][];
  if (outputs.length > 1) throw new NirError('', `the graph has ${outputs.length} Output nodes (${someOf(outputs.map(([n]) => n), ', ')}); a Spikelab network has one output`);
  const out = outputs[0];
  const feeding = out ? (preds.get(out[0]) ?? []) : [];
  if (feeding.length > 1) throw new NirError(nodeSubject(out?.[0] ?? '', 'Output'), `is fed by ${feeding.length} nodes (${someOf(feeding, ', ')}); a Spikelab network has one output node`);
  const last = feeding[0];
  // Kahn's algorithm over the forward edges, the node feeding Output held back to the end.
  const isBack = (a: string, b: string) => back.edges.has(`${a}\n${b}`);
  const indeg = new Map<string, number>();
  for (const [a, b] of unique) if (!isBack(a, b)) indeg.set(b, (indeg.get(b) ?? 0) + 1);
  const rank = new Map(preferred.map((n, i) => [n, i]));
  const ready: string[] = [first[0]];
  const order: string[] = [];
  let held: string | undefined;
  while (ready.length > 0 || held !== undefined) {
    let pick = 0;
    for (let k = 1; k < ready.length; k++) if ((rank.get(ready[k] as string) ?? Infinity) < (rank.get(ready[pick] as string) ?? Infinity)) pick = k;
    const n = ready.length > 0 ? (ready.splice(pick, 1)[0] as string) : (held as string);
    if (n === held) held = undefined;
    order.push(n);
    for (const m of succ(n)) {
      if (isBack(n, m)) continue;
      const d = (indeg.get(m) ?? 0) - 1;
      indeg.set(m, d);
      if (d !== 0) continue;
      if (m === last) held = m;
      else ready.push(m);
    }
  }
  const body: NirFlowNode[] = [];
  for (const name of order) {
    const node = flat.nodes.get(name);
    if (!node || node.type === 'Input' || node.type === 'Output') continue;
    body.push({ name, node, preds: (preds.get(name) ?? []).map((p) => ({ name: p, recurrent: isBack(p, name) })) });
  }
  return { input: { name: first[0], node: first[1] }, body, output: out ? { name: out[0], node: out[1] } : undefined, succ };
}

/**
 * Depth-first from the Input (an explicit stack: a chain of 10^5 nodes would overflow the call
 * stack): the edges that reach a node still open on the path close a loop.
 */
function backEdges(root: string, next: (n: string) => readonly string[]): { edges: Set<string>; reached: Set<string> } {
  const edges = new Set<string>();
  const state = new Map<string, 'open' | 'done'>();
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
    const s = state.get(m);
    if (s === 'open') edges.add(`${n}\n${m}`);
    else if (s === undefined) {
      state.set(m, 'open');
      path.push(m);
      at.push(0);
    }
  }
  return { edges, reached: new Set(state.keys()) };
}
