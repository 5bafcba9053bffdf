import { Background, Controls, MarkerType, ReactFlow, ReactFlowProvider, useReactFlow, type Connection, type EdgeChange, type NodeChange, type OnEdgesChange, type OnNodesChange } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useCallback, useEffect, useMemo, useRef, type DragEvent, type ReactNode } from 'react';
import { freeName } from '../../core/network/graphEdits.ts';
import { NODE_KINDS } from '../../core/network/nodeKinds.ts';
import type { LayerSpec } from '../../core/spec/network.ts';
import { shownDraft } from '../store/graphSlice.ts';
import { useStore } from '../store/index.ts';
import { autoLayout, withPlaced } from './graphLayout.ts';
import { edgeId, graphView } from './graphView.ts';
import { GraphToolbar, PALETTE_DRAG_TYPE } from './GraphToolbar.tsx';
import { NetworkEdge, type NetworkFlowEdge } from './LoopEdge.tsx';
import { NetworkNode, type NetworkFlowNode } from './NetworkNode.tsx';

const nodeTypes = { network: NetworkNode };

/**
 * Delete (or Backspace) removes the selected node or edge, Enter on a selected node moves focus to
 * the inspector. Listened for on the document: selecting an edge re-draws it, which can leave the
 * focus on the page itself; keys typed into a field are never taken.
 */
function useGraphKeys(): void {
  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => {
      const t = e.target;
      if (t instanceof HTMLInputElement || t instanceof HTMLSelectElement || t instanceof HTMLTextAreaElement || e.ctrlKey || e.metaKey || e.altKey) return;
      if (!(t === document.body || (t instanceof Element && t.closest('.graph-editor')))) return;
      const st = useStore.getState();
      if (e.key === 'Delete' || e.key === 'Backspace') {
        if (st.selectedNode) st.editGraph({ kind: 'remove-node', name: st.selectedNode });
        else if (st.selectedEdge) st.editGraph({ kind: 'disconnect', edge: st.selectedEdge });
        else return;
        e.preventDefault();
      } else if (e.key === 'Enter' && st.selectedNode && t instanceof Element && t.closest('.react-flow__node')) {
        // Enter inspects: focus moves to the first field of the selected node (after xyflow has selected it).
        requestAnimationFrame(() => document.querySelector<HTMLElement>('#inspector input, #inspector select, #inspector button')?.focus());
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
}
const edgeTypes = { network: NetworkEdge };
const isKind = (k: string): k is LayerSpec['kind'] => k in NODE_KINDS;

function GraphCanvas() {
  const workspace = useStore((s) => s.workspace);
  const pendingGraph = useStore((s) => s.pendingGraph);
  const summary = useStore((s) => s.summary);
  const positions = useStore((s) => s.nodePositions);
  const selectedNode = useStore((s) => s.selectedNode);
  const selectedEdge = useStore((s) => s.selectedEdge);
  const flow = useReactFlow();
  const draft = useMemo(() => shownDraft({ workspace, pendingGraph }), [workspace, pendingGraph]);
  const view = useMemo(() => (draft && workspace ? graphView(draft, workspace, summary, pendingGraph?.over === workspace) : null), [draft, workspace, summary, pendingGraph]);
  const auto = useMemo(() => (draft ? autoLayout(draft) : {}), [draft]);
  const laid = useMemo(() => withPlaced(auto, positions), [auto, positions]);
  // One data object per node for as long as the view holds: a drag then re-renders no node's content.
  const nodeData = useMemo(() => new Map((view?.nodes ?? []).map((v) => [v.name, { view: v }] as const)), [view]);
  // A node object is kept while its position, data and selection hold: during a drag only the
  // dragged node is new, so xyflow re-renders one node a frame rather than all of them.
  const lastNodes = useRef<ReadonlyMap<string, NetworkFlowNode>>(new Map());
  const nodes = useMemo<NetworkFlowNode[]>(() => {
    const kept = new Map<string, NetworkFlowNode>();
    const list = (view?.nodes ?? []).map((v) => {
      const position = laid[v.name] ?? { x: 0, y: 0 };
      const data = nodeData.get(v.name) ?? { view: v };
      const selected = v.name === selectedNode;
      const old = lastNodes.current.get(v.name);
      const node: NetworkFlowNode =
        old && old.data === data && old.selected === selected && old.position.x === position.x && old.position.y === position.y
          ? old
          : { id: v.name, type: 'network', position, data, selected, ariaLabel: `${v.kindLabel} ${v.name}, ${v.size}${v.problem ? `: ${v.problem}` : ''}` };
      kept.set(v.name, node);
      return node;
    });
    lastNodes.current = kept;
    return list;
  }, [view, nodeData, laid, selectedNode]);
  const edges = useMemo<NetworkFlowEdge[]>(
    () =>
      (view?.edges ?? []).map((e) => ({
        id: e.id,
        source: e.edge.from,
        target: e.edge.to,
        type: 'network',
        data: { view: e },
        selected: selectedEdge !== null && e.edge.from === selectedEdge.from && e.edge.to === selectedEdge.to && e.edge.recurrent === selectedEdge.recurrent,
        markerEnd: { type: MarkerType.ArrowClosed, width: 14, height: 14 },
        ariaLabel: `${e.edge.recurrent ? 'recurrent edge' : 'edge'} from ${e.edge.from} to ${e.edge.to}`,
      })),
    [view, selectedEdge],
  );

  // Fit the view when the set of nodes changes and some node was laid out (a template, a node added
  // from the keyboard); a node dropped by hand stays where it was dropped. A canvas with the input
  // alone shows it on the left, life-size, with room to drop the rest to its right.
  const names = (view?.nodes ?? []).map((n) => n.name).join('|');
  const shownNames = useRef<ReadonlySet<string>>(new Set());
  const newcomersPlaced = (view?.nodes ?? []).every((n) => shownNames.current.has(n.name) || positions[n.name] !== undefined);
  const host = useRef<HTMLDivElement>(null);
  const userMoved = useRef(false);
  useEffect(() => {
    const allPlaced = newcomersPlaced && shownNames.current.size > 0;
    shownNames.current = new Set((view?.nodes ?? []).map((n) => n.name));
    const id = requestAnimationFrame(() => {
      const only = view?.nodes.length === 1 ? view.nodes[0] : undefined;
      const at = only ? laid[only.name] : undefined;
      if (only && at) void flow.setViewport({ x: 24 - at.x * 0.75, y: (host.current?.clientHeight ?? 200) / 2 - (at.y + 33) * 0.75, zoom: 0.75 });
      else if (!allPlaced) {
        userMoved.current = false;
        void flow.fitView({ padding: 0.15, duration: 0, maxZoom: 1.1 });
      }
    });
    return () => cancelAnimationFrame(id);
    // Only a change of the node set re-fits; `laid` and `view` follow from it.
  }, [names, flow]);

  // A splitter drag or a window resize changes the canvas: the whole graph is fitted to it again,
  // unless the user has zoomed or panned it themselves since the last fit.
  const nodeCount = useRef(0);
  nodeCount.current = view?.nodes.length ?? 0;
  useEffect(() => {
    const el = host.current;
    if (!el) return;
    // Only a real change of size refits (an observer also reports the size it starts with).
    let last = `${el.clientWidth}x${el.clientHeight}`;
    let frame = 0;
    const observer = new ResizeObserver(() => {
      const size = `${el.clientWidth}x${el.clientHeight}`;
      if (size === last) return;
      last = size;
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        if (!userMoved.current && nodeCount.current > 1) void flow.fitView({ padding: 0.15, duration: 0, maxZoom: 1.1 });
      });
    });
    observer.observe(el);
    return () => {
      observer.disconnect();
      cancelAnimationFrame(frame);
    };
  }, [flow]);

  const onNodesChange: OnNodesChange<NetworkFlowNode> = useCallback((changes: NodeChange<NetworkFlowNode>[]) => {
    const st = useStore.getState();
    for (const c of changes) {
      if (c.type === 'position' && c.position) st.placeNode(c.id, c.position);
      else if (c.type === 'select' && c.selected) st.select({ node: c.id });
    }
  }, []);
  // Keyboard selection (Tab to an edge, Enter) arrives as a change, not a click.
  const onEdgesChange: OnEdgesChange<NetworkFlowEdge> = useCallback((changes: EdgeChange<NetworkFlowEdge>[]) => {
    for (const c of changes) {
      if (c.type !== 'select' || !c.selected) continue;
      const e = useStore.getState();
      const found = shownDraft(e)?.edges.find((x) => edgeId(x) === c.id);
      if (found) e.select({ edge: found });
    }
  }, []);
  const onConnect = useCallback((c: Connection) => {
    if (c.source && c.target) useStore.getState().editGraph({ kind: 'connect', from: c.source, to: c.target });
  }, []);
  const onDrop = useCallback(
    (e: DragEvent<HTMLDivElement>) => {
      const kind = e.dataTransfer.getData(PALETTE_DRAG_TYPE);
      const st = useStore.getState();
      const current = shownDraft(st);
      if (!isKind(kind) || !current) return;
      e.preventDefault();
      const info = NODE_KINDS[kind];
      const name = freeName(current, info.nameBase);
      if (st.editGraph({ kind: 'add-node', node: info.make(name) }) === undefined) {
        const at = flow.screenToFlowPosition({ x: e.clientX, y: e.clientY });
        st.placeNode(name, { x: at.x - 75, y: at.y - 33 });
        st.select({ node: name });
      }
    },
    [flow],
  );
  useGraphKeys();

  if (!view) return null;
  return (
    <div ref={host} className="graph-canvas" onDragOver={(e) => e.preventDefault()} onDrop={onDrop} data-testid="graph-canvas">
      <ReactFlow
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onConnect={onConnect}
        onNodeClick={(_e, n) => useStore.getState().select({ node: n.id })}
        onEdgeClick={(_e, edge) => {
          const v = edge.data?.view;
          if (v) useStore.getState().select({ edge: v.edge });
        }}
        onPaneClick={() => useStore.getState().select(null)}
        onMoveStart={(event) => void (event ? (userMoved.current = true) : undefined)}
        deleteKeyCode={null}
        minZoom={0.2}
        maxZoom={2}
        proOptions={{ hideAttribution: true }}
        fitView
      >
        <Background gap={16} size={1} />
        <Controls showInteractive={false} orientation="horizontal" position="top-right" />
      </ReactFlow>
    </div>
  );
}

/**
 * The network as a graph in the middle of the page: drag node kinds in from the palette, drag from
 * an output port to an input port to connect, click to inspect, Delete to remove, arrows to move.
 * An unfinished graph shows its problems on the nodes while the last valid network keeps running.
 * `lead` goes first in the toolbar row (the centre's tabs, so they cost no row of their own).
 */
export function GraphEditor({ lead }: { lead?: ReactNode }) {
  return (
    <section className="panel graph-editor" aria-label="Network graph" data-testid="graph-editor" data-lesson-panel="graph" data-lesson-control="graph">
      <ReactFlowProvider>
        <GraphToolbar lead={lead} />
        <GraphCanvas />
      </ReactFlowProvider>
    </section>
  );
}
