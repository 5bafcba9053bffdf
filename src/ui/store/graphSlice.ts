import type { StateCreator } from 'zustand';
import type { SpecIssue } from '../../core/errors.ts';
import { draftFromNetwork, networkFromDraft, type DraftEdge, type DraftNode, type GraphDraft } from '../../core/network/graphDraft.ts';
import { applyGraphEdit, GraphEditError, graphEditLabel, type GraphEdit } from '../../core/network/graphEdits.ts';
import { zodIssues } from '../../core/spec/parseWorkspace.ts';
import { layerSchema, type NetworkSpec } from '../../core/spec/network.ts';
import type { Workspace } from '../../core/spec/workspace.ts';
import type { Store } from './index.ts';
import type { WorkspaceDraft } from './workspaceSlice.ts';

/** A point on the editor's canvas. */
export interface CanvasPoint {
  readonly x: number;
  readonly y: number;
}

/**
 * The network editor's state. An unfinished graph (a node without input, a sum of mismatched
 * shapes) is held as a draft over the workspace it was drawn on, while that workspace's last valid
 * network keeps running; a finished one becomes the workspace's network at once.
 */
export interface GraphSlice {
  /** The unfinished graph and the workspace it was drawn over (a replaced workspace drops it). */
  pendingGraph: { readonly draft: GraphDraft; readonly over: Workspace } | null;
  selectedNode: string | null;
  selectedEdge: DraftEdge | null;
  /** Where the user put nodes (by name); the others are laid out automatically. */
  nodePositions: Readonly<Record<string, CanvasPoint>>;
  /** Why the last graph edit could not be made at all (e.g. an edge that exists already). */
  graphRefusal: string | null;
  /** Applies an edit: returns undefined when made (finished or not), else why it was refused. */
  editGraph(edit: GraphEdit): string | undefined;
  select(target: { node: string } | { edge: DraftEdge } | null): void;
  placeNode(name: string, at: CanvasPoint): void;
}

/** The unfinished graph over the workspace shown now, if any. */
export function pendingDraft(s: Pick<GraphSlice, 'pendingGraph'> & { workspace: Workspace | null }): GraphDraft | null {
  return s.pendingGraph && s.pendingGraph.over === s.workspace ? s.pendingGraph.draft : null;
}

/** The graph the editor shows: the unfinished draft, or the workspace's network. */
export function shownDraft(s: Pick<GraphSlice, 'pendingGraph'> & { workspace: Workspace | null }): GraphDraft | null {
  return pendingDraft(s) ?? (s.workspace ? draftFromNetwork(s.workspace.network) : null);
}

/** The first problem of a node's own parameters, with the JSON path its field shows errors by. */
function nodeParameterIssue(node: DraftNode, network: NetworkSpec): SpecIssue | undefined {
  const parsed = layerSchema.safeParse(node.kind === 'sum' ? { ...node, inputs: ['a', 'a'] } : node);
  if (parsed.success) return undefined;
  const index = network.layers.findIndex((l) => l.name === node.name);
  return zodIssues(parsed.error, `network.layers[${index}]`)[0];
}

/** Membrane probes follow a renamed node and are dropped with a deleted one (else the workspace would refuse). */
function followProbes(draft: WorkspaceDraft, network: NetworkSpec, renamed: Readonly<Record<string, string>>): void {
  const sim = draft['simulation'] as { record?: { membrane?: { layer: string }[] } } | undefined;
  const probes = sim?.record?.membrane;
  if (!sim?.record || !probes) return;
  const names = new Set(network.layers.map((l) => l.name));
  sim.record.membrane = probes.map((p) => ({ ...p, layer: renamed[p.layer] ?? p.layer })).filter((p) => names.has(p.layer));
}

export const createGraphSlice: StateCreator<Store, [], [], GraphSlice> = (set, get) => ({
  pendingGraph: null,
  selectedNode: null,
  selectedEdge: null,
  nodePositions: {},
  graphRefusal: null,
  editGraph(edit) {
    const s = get();
    const ws = s.workspace;
    if (!ws) return 'no workspace is open';
    const before = pendingDraft(s);
    let next: GraphDraft;
    try {
      next = applyGraphEdit(before ?? draftFromNetwork(ws.network), edit);
    } catch (e) {
      if (!(e instanceof GraphEditError)) throw e;
      set({ graphRefusal: e.message });
      return e.message;
    }
    // A value a node cannot take is refused on its field; only the graph's shape may be left unfinished.
    const issue = edit.kind === 'set-node' ? nodeParameterIssue(edit.node, ws.network) : undefined;
    if (issue) {
      set({ editError: issue, graphRefusal: null });
      return issue.message;
    }
    const label = graphEditLabel(edit);
    const renamed = edit.kind === 'rename-node' ? { [edit.name]: edit.to } : {};
    const selection = edit.kind === 'rename-node' && s.selectedNode === edit.name ? { selectedNode: edit.to } : edit.kind === 'remove-node' && s.selectedNode === edit.name ? { selectedNode: null } : {};
    const positions = edit.kind === 'rename-node' && s.nodePositions[edit.name] ? { nodePositions: { ...s.nodePositions, [edit.to]: s.nodePositions[edit.name] as CanvasPoint } } : {};
    const result = networkFromDraft(next);
    if (result.ok) {
      const made = s.edit(label, (d) => {
        d.network = result.network as unknown as WorkspaceDraft['network'];
        followProbes(d, result.network, renamed);
      });
      if (!made) return get().editError?.message ?? 'the workspace refused this network';
      set({ pendingGraph: null, graphRefusal: null, selectedEdge: null, ...selection, ...positions });
      return undefined;
    }
    set((st) => ({
      pendingGraph: { draft: next, over: ws },
      past: [...st.past.slice(-99), { label, workspace: ws, ...(before ? { draft: before } : {}) }],
      future: [],
      editError: null,
      graphRefusal: null,
      selectedEdge: null,
      ...selection,
      ...positions,
    }));
    return undefined;
  },
  select: (target) => set(target === null ? { selectedNode: null, selectedEdge: null } : 'node' in target ? { selectedNode: target.node, selectedEdge: null } : { selectedNode: null, selectedEdge: target.edge }),
  placeNode: (name, at) => set((s) => ({ nodePositions: { ...s.nodePositions, [name]: at } })),
});
