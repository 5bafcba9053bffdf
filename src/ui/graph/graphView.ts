import { SpecError } from '../../core/errors.ts';
import { draftProblemOf, draftShapes, networkFromDraft, type DraftEdge, type DraftNode, type DraftProblem, type GraphDraft } from '../../core/network/graphDraft.ts';
import { nodeKind } from '../../core/network/nodeKinds.ts';
import type { Shape } from '../../core/network/shapes.ts';
import { neuronModel } from '../../core/neurons/index.ts';
import { parseWorkspace } from '../../core/spec/parseWorkspace.ts';
import type { Workspace } from '../../core/spec/workspace.ts';
import type { RunSummary } from '../store/runSlice.ts';

/** What one node of the editor shows. */
export interface NodeView {
  readonly name: string;
  readonly kind: DraftNode['kind'];
  readonly kindLabel: string;
  /** Its output size ("64", "16×16×8"), or "?" while it cannot be worked out. */
  readonly size: string;
  /** The neuron model of a spiking node. */
  readonly model?: string;
  /** Mean firing rate of the last run, Hz (spiking nodes that ran). */
  readonly rateHz?: number;
  readonly problem?: string;
  readonly isInput: boolean;
}

/** What one edge shows: the shape it carries and its spike traffic in the last run. */
export interface EdgeView {
  readonly edge: DraftEdge;
  readonly id: string;
  readonly label: string;
  /** Spikes per step it carried in the last run (undefined when its source does not spike or did not run). */
  readonly spikesPerStep?: number;
  readonly problem?: string;
}

/** An edge's id for the canvas: unique per (from, to, recurrent). */
export const edgeId = (e: DraftEdge): string => `${e.from}->${e.to}${e.recurrent ? '@t-1' : ''}`;

const sizeText = (shape: Shape | undefined): string => (shape === undefined ? '?' : shape.join('×'));

/**
 * Problems of the draft as shown: those of the graph itself, else those the workspace finds when
 * it is put in (its input width against the data, its membrane probes).
 */
export function draftProblems(draft: GraphDraft, workspace: Workspace): readonly DraftProblem[] {
  const result = networkFromDraft(draft);
  if (!result.ok) return result.problems;
  try {
    parseWorkspace({ ...workspace, network: result.network });
    return [];
  } catch (e) {
    if (e instanceof SpecError) return e.issues.map((issue) => draftProblemOf(issue, result.network));
    throw e;
  }
}

/** The nodes and edges to draw for a draft, with sizes, problems and the last run's activity. */
export function graphView(draft: GraphDraft, workspace: Workspace, summary: RunSummary | null, unfinished: boolean): { nodes: NodeView[]; edges: EdgeView[]; problems: readonly DraftProblem[] } {
  const problems = unfinished ? draftProblems(draft, workspace) : [];
  // An unfinished draft is not what ran: its nodes show no activity, even where names match.
  if (unfinished) summary = null;
  const shapes = draftShapes(draft);
  const ran = new Map((summary?.layers ?? []).map((l) => [l.name, l] as const));
  const seconds = summary ? (summary.steps * summary.dtMs) / 1000 : 0;
  const nodes = draft.nodes.map((n): NodeView => {
    const layer = ran.get(n.name);
    const problem = problems.find((p) => p.node === n.name && !p.edge)?.message ?? problems.find((p) => p.node === n.name)?.message;
    const shape = shapes.get(n.name);
    const spiking = n.kind === 'spiking';
    return {
      name: n.name,
      kind: n.kind,
      kindLabel: nodeKind(n.kind).label,
      size: sizeText(shape),
      ...(spiking ? { model: neuronModel(n.neuron.model).label } : {}),
      ...(spiking && layer && seconds > 0 && layer.neurons > 0 ? { rateHz: layer.spikeCount / layer.neurons / seconds } : {}),
      ...(problem ? { problem } : {}),
      isInput: n.kind === 'input',
    };
  });
  const edges = draft.edges.map((e): EdgeView => {
    const source = draft.nodes.find((n) => n.name === e.from);
    const layer = ran.get(e.from);
    const shape = shapes.get(e.from);
    const problem = problems.find((p) => p.edge && p.edge.from === e.from && p.edge.to === e.to)?.message;
    const spikes = source?.kind === 'spiking' && layer && summary && summary.steps > 0 ? layer.spikeCount / summary.steps : undefined;
    return {
      edge: e,
      id: edgeId(e),
      label: `${sizeText(shape)}${e.recurrent ? ' · t−1' : ''}`,
      ...(spikes !== undefined ? { spikesPerStep: spikes } : {}),
      ...(problem ? { problem } : {}),
    };
  });
  return { nodes, edges, problems };
}

/** Stroke width of an edge: 1.5 px idle, growing with the log of its spikes per step (a busy edge stands out, a quiet one stays visible). */
export function edgeWidth(spikesPerStep: number | undefined): number {
  return spikesPerStep === undefined ? 1.5 : Math.min(8, 1.5 + 1.6 * Math.log10(1 + spikesPerStep));
}

/** How strongly a node glows for a firing rate: 0 when silent, 1 at 100 Hz and above (log scale from 1 Hz). */
export function glowOf(rateHz: number | undefined): number {
  if (rateHz === undefined || rateHz <= 0) return 0;
  return Math.max(0.08, Math.min(1, Math.log10(1 + rateHz) / 2));
}
