import type { ReactNode } from 'react';
import { useMemo, type DragEvent } from 'react';
import type { GraphDraft } from '../../core/network/graphDraft.ts';
import { freeName } from '../../core/network/graphEdits.ts';
import { GRAPH_TEMPLATES } from '../../core/network/graphTemplates.ts';
import { PALETTE_KINDS, type NodeKindInfo } from '../../core/network/nodeKinds.ts';
import { inferShapes, shapeSize } from '../../core/network/shapes.ts';
import type { InputLayerSpec } from '../../core/spec/network.ts';
import type { Workspace } from '../../core/spec/workspace.ts';
import { shownDraft } from '../store/graphSlice.ts';
import { useStore } from '../store/index.ts';
import { draftProblems } from './graphView.ts';

/** The drag payload type of a palette item: the node kind. */
export const PALETTE_DRAG_TYPE = 'application/x-spikelab-node-kind';

/** The input node of a draft (every draft keeps one). */
const inputOf = (d: GraphDraft): InputLayerSpec | undefined => d.nodes.find((n): n is InputLayerSpec => n.kind === 'input');

/** How many classes the current network answers with: the size of what feeds its last node. */
function classesOf(ws: Workspace): number {
  const { inShapes } = inferShapes(ws.network);
  const last = inShapes[inShapes.length - 1];
  return last ? shapeSize(last) : 2;
}

/** Adds a node of `kind` after the selected node (or unconnected), and selects it: the keyboard way to build. */
function addFromPalette(info: NodeKindInfo): void {
  const st = useStore.getState();
  const draft = shownDraft(st);
  if (!draft) return;
  const name = freeName(draft, info.nameBase);
  const after = st.selectedNode ?? undefined;
  if (st.editGraph({ kind: 'add-node', node: info.make(name), ...(after ? { after } : {}) }) === undefined) st.select({ node: name });
}

/** Replaces the graph by a template, or by the input node alone ("empty"). */
function startFrom(id: string): void {
  const st = useStore.getState();
  const draft = shownDraft(st);
  const ws = st.workspace;
  const input = draft && inputOf(draft);
  if (!ws || !input) return;
  if (id === 'empty') {
    st.editGraph({ kind: 'replace', draft: { nodes: [input], edges: [] } });
  } else {
    const t = GRAPH_TEMPLATES.find((x) => x.id === id);
    if (t) st.editGraph({ kind: 'replace', draft: t.build(input, classesOf(ws)) });
  }
  st.select({ node: input.name });
}

/** Palette, templates and the graph's state in one line above the canvas. */
export function GraphToolbar({ lead }: { lead?: ReactNode }) {
  const workspace = useStore((s) => s.workspace);
  const pendingGraph = useStore((s) => s.pendingGraph);
  const refusal = useStore((s) => s.graphRefusal);
  const draft = useMemo(() => shownDraft({ workspace, pendingGraph }), [workspace, pendingGraph]);
  const problems = useMemo(() => (draft && workspace && pendingGraph?.over === workspace ? draftProblems(draft, workspace) : []), [draft, workspace, pendingGraph]);
  const input = draft ? inputOf(draft) : undefined;
  return (
    <div className="graph-toolbar">
      {lead}
      <div className="palette" role="toolbar" aria-label="Add a node (drag onto the graph, or press to add after the selected node)">
        {PALETTE_KINDS.map((k) => (
          <button
            key={k.kind}
            type="button"
            className={`palette-item palette-${k.kind}`}
            draggable
            title={k.summary}
            data-testid={`palette-${k.kind}`}
            onDragStart={(e: DragEvent<HTMLButtonElement>) => {
              e.dataTransfer.setData(PALETTE_DRAG_TYPE, k.kind);
              e.dataTransfer.effectAllowed = 'copy';
            }}
            onClick={() => addFromPalette(k)}
          >
            {k.label}
          </button>
        ))}
      </div>
      <label className="template-pick">
        start from{' '}
        <select data-testid="graph-template" value="" onChange={(e) => e.target.value && startFrom(e.target.value)}>
          <option value="">…</option>
          <option value="empty">an empty canvas</option>
          {GRAPH_TEMPLATES.map((t) => {
            const unfit = input ? t.unfitReason(input) : 'no input';
            return (
              <option key={t.id} value={t.id} disabled={unfit !== undefined} title={unfit ?? t.summary}>
                {t.label}
              </option>
            );
          })}
        </select>
      </label>
      <div className="graph-status" role="status" data-testid="graph-status">
        {refusal ? <span className="field-error">{refusal}</span> : null}
        {problems.length > 0 ? (
          <span className="graph-unfinished" data-testid="graph-unfinished">
            not finished ({problems.length === 1 ? 'one problem' : `${problems.length} problems`}, shown on the graph); the last valid network keeps running
          </span>
        ) : null}
      </div>
    </div>
  );
}
