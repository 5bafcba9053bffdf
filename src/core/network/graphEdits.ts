import type { DraftEdge, DraftNode, GraphDraft } from './graphDraft.ts';

/**
 * One edit of a network graph, as the editor makes it. Edits are records, so the same edit can be
 * applied, logged, named in the undo list and tested without a page.
 */
export type GraphEdit =
  /** Adds a node; with `after`, also an edge from that node into it. */
  | { readonly kind: 'add-node'; readonly node: DraftNode; readonly after?: string }
  /** Removes a node and its edges; a node fed by one forward edge is bridged (its consumers read its input). */
  | { readonly kind: 'remove-node'; readonly name: string }
  /** Replaces a node's parameters (same name and kind, or a new kind under the same name). */
  | { readonly kind: 'set-node'; readonly node: DraftNode }
  | { readonly kind: 'rename-node'; readonly name: string; readonly to: string }
  /** Copies a node (parameters and the edges into it) under a new name; nothing reads the copy yet. */
  | { readonly kind: 'duplicate-node'; readonly name: string; readonly as: string }
  /** Connects `from` into `to`: recurrent when it closes a loop of forward edges (or is a self-loop). */
  | { readonly kind: 'connect'; readonly from: string; readonly to: string }
  | { readonly kind: 'disconnect'; readonly edge: DraftEdge }
  /** Replaces the whole graph (a template, "start empty"). */
  | { readonly kind: 'replace'; readonly draft: GraphDraft };

/** Why an edit cannot be applied at all (as opposed to leaving an unfinished graph, which is allowed). */
export class GraphEditError extends Error {}

const sameEdge = (a: DraftEdge, b: DraftEdge): boolean => a.from === b.from && a.to === b.to && a.recurrent === b.recurrent;

/** Whether `to` can reach `from` over forward edges (connecting from → to would close a loop). */
export function reaches(draft: GraphDraft, start: string, goal: string): boolean {
  const seen = new Set<string>();
  const stack = [start];
  while (stack.length > 0) {
    const at = stack.pop() as string;
    if (at === goal) return true;
    if (seen.has(at)) continue;
    seen.add(at);
    for (const e of draft.edges) if (!e.recurrent && e.from === at) stack.push(e.to);
  }
  return false;
}

/** A name not used by any node: `base` followed by the smallest free number from 1. */
export function freeName(draft: GraphDraft, base: string): string {
  const used = new Set(draft.nodes.map((n) => n.name));
  for (let k = 1; ; k++) if (!used.has(`${base}${k}`)) return `${base}${k}`;
}

function node(draft: GraphDraft, name: string): DraftNode {
  const n = draft.nodes.find((x) => x.name === name);
  if (!n) throw new GraphEditError(`there is no node '${name}'`);
  return n;
}

function fresh(draft: GraphDraft, name: string): void {
  if (draft.nodes.some((n) => n.name === name)) throw new GraphEditError(`a node is already called '${name}'`);
}

/** The edges after removing `name`: edges touching it go; consumers of a node fed by one forward edge read that source instead. */
function bridgedEdges(draft: GraphDraft, name: string): DraftEdge[] {
  const into = draft.edges.filter((e) => e.to === name && e.from !== name);
  const source = into.length === 1 && !into[0]?.recurrent ? into[0]?.from : undefined;
  const out: DraftEdge[] = [];
  for (const e of draft.edges) {
    if (e.to === name) continue;
    if (e.from !== name) out.push(e);
    else if (source !== undefined && e.to !== source) {
      const bridged = { from: source, to: e.to, recurrent: e.recurrent };
      if (!out.some((x) => sameEdge(x, bridged)) && !draft.edges.some((x) => sameEdge(x, bridged))) out.push(bridged);
    }
  }
  return out;
}

/** Applies one edit; throws GraphEditError when it refers to what is not there or would repeat an edge or a name. */
export function applyGraphEdit(draft: GraphDraft, edit: GraphEdit): GraphDraft {
  switch (edit.kind) {
    case 'add-node': {
      fresh(draft, edit.node.name);
      const edges = edit.after === undefined ? draft.edges : [...draft.edges, { from: node(draft, edit.after).name, to: edit.node.name, recurrent: false }];
      return { nodes: [...draft.nodes, edit.node], edges };
    }
    case 'remove-node': {
      const gone = node(draft, edit.name);
      if (gone.kind === 'input') throw new GraphEditError('the input node stays: it is where the data comes in');
      return { nodes: draft.nodes.filter((n) => n.name !== edit.name), edges: bridgedEdges(draft, edit.name) };
    }
    case 'set-node': {
      const old = node(draft, edit.node.name);
      if ((old.kind === 'input') !== (edit.node.kind === 'input')) throw new GraphEditError('the input node cannot change kind, and no other node can become one');
      return { nodes: draft.nodes.map((n) => (n.name === edit.node.name ? edit.node : n)), edges: draft.edges };
    }
    case 'rename-node': {
      node(draft, edit.name);
      if (edit.to === edit.name) return draft;
      fresh(draft, edit.to);
      const rename = (s: string): string => (s === edit.name ? edit.to : s);
      return {
        nodes: draft.nodes.map((n) => (n.name === edit.name ? { ...n, name: edit.to } : n)),
        edges: draft.edges.map((e) => ({ from: rename(e.from), to: rename(e.to), recurrent: e.recurrent })),
      };
    }
    case 'duplicate-node': {
      const original = node(draft, edit.name);
      if (original.kind === 'input') throw new GraphEditError('the input node cannot be duplicated: a network has one input');
      fresh(draft, edit.as);
      const copyInputs = draft.edges.filter((e) => e.to === edit.name).map((e) => ({ from: e.from === edit.name ? edit.as : e.from, to: edit.as, recurrent: e.recurrent }));
      return { nodes: [...draft.nodes, { ...original, name: edit.as }], edges: [...draft.edges, ...copyInputs] };
    }
    case 'connect': {
      node(draft, edit.from);
      const target = node(draft, edit.to);
      if (target.kind === 'input') throw new GraphEditError('nothing can feed the input node: the data does');
      const edge = { from: edit.from, to: edit.to, recurrent: edit.from === edit.to || reaches(draft, edit.to, edit.from) };
      if (draft.edges.some((e) => sameEdge(e, edge))) throw new GraphEditError(`'${edit.from}' already feeds '${edit.to}'`);
      return { nodes: draft.nodes, edges: [...draft.edges, edge] };
    }
    case 'disconnect': {
      if (!draft.edges.some((e) => sameEdge(e, edit.edge))) throw new GraphEditError(`there is no edge from '${edit.edge.from}' to '${edit.edge.to}'`);
      return { nodes: draft.nodes, edges: draft.edges.filter((e) => !sameEdge(e, edit.edge)) };
    }
    case 'replace':
      return edit.draft;
  }
}

/** A short name for an edit in the undo list. */
export function graphEditLabel(edit: GraphEdit): string {
  switch (edit.kind) {
    case 'add-node':
      return `add ${edit.node.name}`;
    case 'remove-node':
      return `delete ${edit.name}`;
    case 'set-node':
      return `change ${edit.node.name}`;
    case 'rename-node':
      return `rename ${edit.name} to ${edit.to}`;
    case 'duplicate-node':
      return `duplicate ${edit.name}`;
    case 'connect':
      return `connect ${edit.from} → ${edit.to}`;
    case 'disconnect':
      return `disconnect ${edit.edge.from} → ${edit.edge.to}`;
    case 'replace':
      return 'replace the network';
  }
}
