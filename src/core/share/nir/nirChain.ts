import { NirError, nodeSubject } from './nirError.ts';
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
 * recurrent layer this way; the loop inside then shows up as a cycle of the flat graph.
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
  const stack: string[] = [];
  const visit = (n: string): string[] | undefined => {
    state.set(n, 'open');
    stack.push(n);
    for (const m of next(n)) {
      if (state.get(m) === 'open') return [...stack.slice(stack.indexOf(m)), m];
      if (!state.has(m)) {
        const found = visit(m);
        if (found) return found;
      }
    }
    stack.pop();
    state.set(n, 'done');
    return undefined;
  };
  for (const n of names) {
    if (state.has(n)) continue;
    const found = visit(n);
    if (found) return found;
  }
  return undefined;
}

/**
 * The graph as a chain from its Input to its Output. Spikelab networks are feed-forward chains, so
 * a loop (a recurrent layer), a branch, a node with several inputs, several Input nodes or a node
 * off the path is refused with a NirError that names the nodes.
 */
export function nirChain(nodes: Readonly<Record<string, NirNode>>, edges: readonly NirEdge[]): NirChain {
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
  for (const [a, b] of unique) for (const n of [a, b]) if (!flat.nodes.has(n)) throw new NirError('', `an edge names node '${n}', which the graph does not have`);
  const succ = (n: string) => unique.filter(([a]) => a === n).map(([, b]) => b);
  const pred = (n: string) => unique.filter(([, b]) => b === n).map(([a]) => a);
  const type = (n: string) => nirTypeName(flat.nodes.get(n) ?? { type: 'Unsupported', nirType: '?' });
  const cycle = findCycle([...flat.nodes.keys()], succ);
  if (cycle) throw new NirError('', `the graph is recurrent (${cycle.join(' → ')}); Spikelab networks are feed-forward chains`);
  const inputs: [string, NirInput][] = [];
  for (const [name, n] of flat.nodes) if (n.type === 'Input') inputs.push([name, n]);
  const first = inputs[0];
  if (!first) throw new NirError('', 'the graph has no Input node');
  if (inputs.length > 1) throw new NirError('', `the graph has ${inputs.length} Input nodes (${inputs.map(([n]) => n).join(', ')}); a Spikelab network has one input`);
  const hasOutput = [...flat.nodes.values()].some((n) => n.type === 'Output');
  const body: { name: string; node: NirNode }[] = [];
  let output: NirChain['output'];
  for (let cur = first[0]; ; ) {
    const next = succ(cur);
    if (next.length > 1) throw new NirError(nodeSubject(cur, type(cur)), `feeds ${next.length} nodes (${next.join(', ')}); Spikelab networks are chains without branches`);
    const n = next[0];
    if (n === undefined) {
      if (hasOutput) throw new NirError(nodeSubject(cur, type(cur)), 'leads to no Output node');
      break;
    }
    const into = pred(n);
    if (into.length > 1) throw new NirError(nodeSubject(n, type(n)), `has ${into.length} inputs (${into.join(', ')}); Spikelab layers take one input each`);
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
  if (off.length > 0) throw new NirError('', `node(s) ${off.map((n) => `'${n}' (${type(n)})`).join(', ')} are not on the path from Input to Output`);
  return { input: { name: first[0], node: first[1] }, body, output };
}
