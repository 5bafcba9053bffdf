import type { SpecIssue } from '../errors.ts';
import { zodIssues } from '../spec/parseWorkspace.ts';
import { layerSchema, networkSchema, type InputRef, type LayerSpec, type NetworkSpec } from '../spec/network.ts';
import { inputRefsOf, isRecurrentRef, refName } from './graph.ts';
import { inferShapes, type Shape } from './shapes.ts';

/** A node of a draft: a layer without its `inputs` (the draft's edges say what feeds it). */
export type DraftNode = LayerSpec extends infer L ? (L extends LayerSpec ? Omit<L, 'inputs'> : never) : never;

/** An edge of a draft: `from`'s output into `to`, in the same step or (recurrent) one step late. */
export interface DraftEdge {
  readonly from: string;
  readonly to: string;
  readonly recurrent: boolean;
}

/**
 * A network as an editor holds it: nodes in the order they were made and explicit edges, in the
 * order each node sums them. Unlike a NetworkSpec it may be unfinished (a node with no input, a
 * dead end, one node only): the editor shows such a draft with its problems while the last valid
 * network keeps running, and `networkFromDraft` turns a finished one into a spec.
 */
export interface GraphDraft {
  readonly nodes: readonly DraftNode[];
  readonly edges: readonly DraftEdge[];
}

/** What is wrong with a draft, on the node or edge it concerns (or the whole graph). */
export interface DraftProblem {
  readonly node?: string;
  readonly edge?: DraftEdge;
  readonly message: string;
}

/** A layer without its inputs field. */
export function stripInputs(layer: LayerSpec): DraftNode {
  if (!('inputs' in layer)) return layer;
  const node: Record<string, unknown> = { ...layer };
  delete node['inputs'];
  return node as DraftNode;
}

/** The draft of a valid network: its nodes in list order and every edge, implicit ones made explicit. */
export function draftFromNetwork(net: NetworkSpec): GraphDraft {
  const edges: DraftEdge[] = [];
  net.layers.forEach((layer, i) => {
    for (const ref of inputRefsOf(net, i)) edges.push({ from: refName(ref), to: layer.name, recurrent: isRecurrentRef(ref) });
  });
  return { nodes: net.layers.map(stripInputs), edges };
}

/**
 * The nodes in an order where every forward edge goes from an earlier node to a later one (what a
 * NetworkSpec needs), as close to the draft's own order as that allows: among the nodes ready to
 * be placed, the one made first goes first, and the input node always leads. Undefined when the
 * forward edges form a cycle (the editor marks an edge that closes a loop as recurrent, so only a
 * hand-made draft can have one).
 */
export function forwardOrder(draft: GraphDraft): DraftNode[] | undefined {
  const byName = new Map(draft.nodes.map((n, i) => [n.name, i] as const));
  const waiting = draft.nodes.map(() => 0);
  const next: number[][] = draft.nodes.map(() => []);
  for (const e of draft.edges) {
    const from = byName.get(e.from);
    const to = byName.get(e.to);
    if (e.recurrent || from === undefined || to === undefined) continue;
    waiting[to] = (waiting[to] ?? 0) + 1;
    next[from]?.push(to);
  }
  const placed: DraftNode[] = [];
  const done = draft.nodes.map(() => false);
  const rank = (i: number): number => (draft.nodes[i]?.kind === 'input' ? -1 : i);
  for (;;) {
    let pick = -1;
    for (let i = 0; i < draft.nodes.length; i++) {
      if (!done[i] && waiting[i] === 0 && (pick < 0 || rank(i) < rank(pick))) pick = i;
    }
    if (pick < 0) break;
    done[pick] = true;
    const node = draft.nodes[pick];
    if (node) placed.push(node);
    for (const to of next[pick] ?? []) waiting[to] = (waiting[to] ?? 0) - 1;
  }
  return placed.length === draft.nodes.length ? placed : undefined;
}

/** Problems a draft has before it can be written as a spec at all (checked first, named by node). */
function draftShapeProblems(draft: GraphDraft): DraftProblem[] {
  const problems: DraftProblem[] = [];
  const names = new Set(draft.nodes.map((n) => n.name));
  const inputs = draft.nodes.filter((n) => n.kind === 'input');
  if (inputs.length === 0) problems.push({ message: 'the network has no input node' });
  for (const extra of inputs.slice(1)) problems.push({ node: extra.name, message: `only one input node is allowed; '${extra.name}' is a second` });
  if (draft.nodes.length < 2) {
    const message = 'add a node after the input: drag one from the palette and connect the input to it';
    problems.push(inputs[0] ? { node: inputs[0].name, message } : { message });
  }
  for (const e of draft.edges) {
    if (!names.has(e.from) || !names.has(e.to)) problems.push({ edge: e, message: `an edge joins '${e.from}' to '${e.to}', but one of them does not exist` });
  }
  for (const node of draft.nodes) {
    if (node.kind === 'input') continue;
    const into = draft.edges.filter((e) => e.to === node.name);
    if (into.length === 0) problems.push({ node: node.name, message: `'${node.name}' has no input: drag a connection into it from the node that should feed it` });
    else if (node.kind === 'sum' && into.length < 2) problems.push({ node: node.name, message: `'${node.name}' sums its inputs and needs at least two; it has one` });
    else if (into.length > 16) problems.push({ node: node.name, message: `'${node.name}' has ${into.length} inputs; at most 16 are summed` });
  }
  return problems;
}

/** The node an issue path `<prefix>.layers[i]…` is about, and the edge when it names `inputs[k]`. */
function issueTarget(issue: SpecIssue, ordered: readonly LayerSpec[], prefix: string): Omit<DraftProblem, 'message'> {
  const m = new RegExp(`^${prefix.replace('.', '\\.')}\\.?layers\\[(\\d+)\\](?:\\.inputs\\[(\\d+)\\])?`).exec(issue.path);
  const layer = m ? ordered[Number(m[1])] : undefined;
  if (!layer) return {};
  const k = m?.[2];
  if (k !== undefined && 'inputs' in layer && layer.inputs) {
    const ref = layer.inputs[Number(k)];
    if (ref !== undefined) return { node: layer.name, edge: { from: refName(ref), to: layer.name, recurrent: isRecurrentRef(ref) } };
  }
  return { node: layer.name };
}

/** Maps an issue of the network written from a draft back to the draft's node or edge. */
export function draftProblemOf(issue: SpecIssue, network: NetworkSpec, prefix = 'network'): DraftProblem {
  return { ...issueTarget(issue, network.layers, prefix), message: issue.message };
}

/** The nodes in `order` as layers, each with the inputs its edges give (none written where it reads the node before). */
function writeLayers(draft: GraphDraft, order: readonly DraftNode[]): Record<string, unknown>[] {
  return order.map((node, i): Record<string, unknown> => {
    if (node.kind === 'input') return { ...node };
    const refs: InputRef[] = draft.edges.filter((e) => e.to === node.name).map((e) => (e.recurrent ? { from: e.from, recurrent: true as const } : e.from));
    const prev = order[i - 1];
    const implicit = node.kind !== 'sum' && refs.length === 1 && refs[0] === prev?.name;
    return implicit ? { ...node } : { ...node, inputs: refs };
  });
}

/**
 * The output shape of every node whose shape can be worked out, even in an unfinished draft (a node
 * with no input has none; the nodes it does not feed still do), so the editor shows sizes as the
 * user builds.
 */
export function draftShapes(draft: GraphDraft): ReadonlyMap<string, Shape> {
  const out = new Map<string, Shape>();
  const order = forwardOrder(draft);
  if (!order) return out;
  // Keep the nodes whose every forward input is kept, starting from the input: the rest have no shape yet.
  const kept = new Set<string>();
  for (const node of order) {
    const into = draft.edges.filter((e) => e.to === node.name && !e.recurrent);
    if (node.kind === 'input' || (into.length > 0 && into.every((e) => kept.has(e.from)))) kept.add(node.name);
  }
  const sub = { nodes: order.filter((n) => kept.has(n.name)), edges: draft.edges.filter((e) => kept.has(e.from) && kept.has(e.to)) };
  const layers = writeLayers(sub, sub.nodes).map((l) => {
    const parsed = layerSchema.safeParse(l);
    return parsed.success ? parsed.data : l;
  });
  try {
    const spec = { layers } as unknown as NetworkSpec;
    const { shapes } = inferShapes(spec);
    spec.layers.forEach((l, i) => {
      const shape = shapes[i];
      if (shape) out.set(l.name, shape);
    });
  } catch {
    // A draft whose parameters are not valid yet has no shapes to show; its problems say why.
  }
  return out;
}

/** The result of writing a draft as a network: the spec, or why it cannot be one yet. */
export type DraftResult = { readonly ok: true; readonly network: NetworkSpec } | { readonly ok: false; readonly problems: readonly DraftProblem[] };

/**
 * Writes a draft as a network spec and checks it (schema, graph, shapes). Nodes are ordered by
 * `forwardOrder`; a node whose only input is the node just before it gets no `inputs` field, so a
 * chain drawn in the editor is written exactly as a hand-written chain (and runs identically).
 */
export function networkFromDraft(draft: GraphDraft): DraftResult {
  const early = draftShapeProblems(draft);
  if (early.length > 0) return { ok: false, problems: early };
  const order = forwardOrder(draft);
  if (!order) return { ok: false, problems: [{ message: 'the forward edges form a loop: make one edge of it recurrent (a step late)' }] };
  const layers = writeLayers(draft, order);
  const parsed = networkSchema.safeParse({ layers });
  if (!parsed.success) {
    const asSpec = { layers: layers as unknown as LayerSpec[] };
    return { ok: false, problems: zodIssues(parsed.error).map((issue) => draftProblemOf(issue, asSpec, '')) };
  }
  const { issues } = inferShapes(parsed.data);
  if (issues.length > 0) return { ok: false, problems: issues.map((issue) => draftProblemOf(issue, parsed.data)) };
  return { ok: true, network: parsed.data };
}
