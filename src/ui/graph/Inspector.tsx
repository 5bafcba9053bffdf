import { useMemo, useState } from 'react';
import { freeName } from '../../core/network/graphEdits.ts';
import { nodeKind } from '../../core/network/nodeKinds.ts';
import { layerNameSchema } from '../../core/spec/network.ts';
import { shownDraft } from '../store/graphSlice.ts';
import { useStore } from '../store/index.ts';
import { EdgeWeights } from './EdgeWeights.tsx';
import { NodeFields } from './NodeFields.tsx';
import { nodeInputsLabel, nodeSummary } from './networkLabels.ts';

function RenameField({ name }: { name: string }) {
  const [text, setText] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const commit = () => {
    if (text === null || text === name) return;
    const ok = layerNameSchema.safeParse(text);
    const refused = ok.success ? useStore.getState().editGraph({ kind: 'rename-node', name, to: text }) : ok.error.issues[0]?.message;
    setError(refused ?? null);
    if (!refused) setText(null);
  };
  return (
    <div className="field">
      <label>
        name
        <input
          data-testid="inspector-name"
          value={text ?? name}
          onChange={(e) => setText(e.target.value)}
          onBlur={commit}
          onKeyDown={(e) => {
            if (e.key === 'Enter') commit();
            if (e.key === 'Escape') setText(null);
          }}
        />
      </label>
      {error ? <div className="field-error">{error}</div> : null}
    </div>
  );
}

/**
 * Any node of the network by name: how to reach a node when the graph is not on screen (the chip
 * tab) or is too crowded to click, and a keyboard route that needs no canvas.
 */
function NodePicker({ names, shown }: { names: readonly string[]; shown: string | undefined }) {
  return (
    <label className="inspector-pick">
      node{' '}
      <select data-testid="inspector-pick" value={shown ?? ''} onChange={(e) => useStore.getState().select(e.target.value ? { node: e.target.value } : null)}>
        {shown === undefined ? <option value="">…</option> : null}
        {names.map((n) => (
          <option key={n} value={n}>
            {n}
          </option>
        ))}
      </select>
    </label>
  );
}

/**
 * Beside the graph: the selected node's parameters (with units and meanings), its name, duplicate
 * and delete; or the selected edge's weights and traffic. Enter on a node in the graph comes here.
 */
export function Inspector() {
  const workspace = useStore((s) => s.workspace);
  const pendingGraph = useStore((s) => s.pendingGraph);
  const selectedNode = useStore((s) => s.selectedNode);
  const selectedEdge = useStore((s) => s.selectedEdge);
  const summary = useStore((s) => s.summary);
  const draft = useMemo(() => shownDraft({ workspace, pendingGraph }), [workspace, pendingGraph]);
  // With nothing selected, the first spiking population is shown (what a newcomer most likely
  // wants to change: threshold, time constant), said so in the title; its node is not selected.
  const shownByDefault = selectedNode === null && selectedEdge === null ? draft?.nodes.find((n) => n.kind === 'spiking') : undefined;
  const node = shownByDefault ?? draft?.nodes.find((n) => n.name === selectedNode);
  const edge = selectedEdge && draft?.edges.find((e) => e.from === selectedEdge.from && e.to === selectedEdge.to && e.recurrent === selectedEdge.recurrent);
  if (!draft || !workspace || (!node && !edge)) {
    return (
      <section className="panel inspector" id="inspector" aria-label="Inspector" data-testid="inspector" data-lesson-control="inspector">
        <h2>Inspector</h2>
        {draft ? <NodePicker names={draft.nodes.map((n) => n.name)} shown={undefined} /> : null}
        <p className="hint">Click a node or an edge of the graph (or Tab to it and press Enter) to see and change it.</p>
      </section>
    );
  }
  if (node) {
    const info = nodeKind(node.kind);
    const index = workspace.network.layers.findIndex((l) => l.name === node.name);
    const st = useStore.getState;
    // What the network holds for this node (a node only in an unfinished draft has neither line yet).
    const inputs = index >= 0 ? nodeInputsLabel(workspace.network, index) : undefined;
    const layer = workspace.network.layers[index];
    const computes = layer ? nodeSummary(layer) : undefined;
    return (
      <section className="panel inspector" id="inspector" aria-label={`Inspector: ${node.name}`} data-testid="inspector" data-lesson-control="inspector">
        <h2>
          {info.label} <span className="hint">{node.name}</span>
        </h2>
        <NodePicker names={draft.nodes.map((n) => n.name)} shown={node.name} />
        {shownByDefault ? (
          <p className="hint inspector-default" data-testid="inspector-default">
            The first spiking population, shown until you click a node or an edge of the graph. Try a lower threshold and watch the raster, or pick a “train” preset and press Train.
          </p>
        ) : null}
        <p className="hint">{info.summary}</p>
        {inputs ? (
          <p className="hint" data-testid={`${node.name}-inputs`}>
            {inputs}
          </p>
        ) : null}
        {computes ? (
          <p className="hint" data-testid={`${node.name}-computes`}>
            {computes}
          </p>
        ) : null}
        <RenameField key={node.name} name={node.name} />
        <div data-testid="inspector-fields">
          <NodeFields node={node} index={index} />
        </div>
        {node.kind === 'input' ? null : (
          <div className="inspector-actions">
            <button type="button" data-testid="inspector-duplicate" onClick={() => st().editGraph({ kind: 'duplicate-node', name: node.name, as: freeName(draft, info.nameBase) })}>
              Duplicate
            </button>{' '}
            <button type="button" data-testid="inspector-delete" onClick={() => st().editGraph({ kind: 'remove-node', name: node.name })}>
              Delete
            </button>
          </div>
        )}
      </section>
    );
  }
  if (!edge) return null;
  const carried = summary?.layers.find((l) => l.name === edge.from);
  const sourceKind = draft.nodes.find((n) => n.name === edge.from)?.kind;
  return (
    <section className="panel inspector" id="inspector" aria-label={`Inspector: edge ${edge.from} to ${edge.to}`} data-testid="inspector" data-lesson-control="inspector">
      <h2>
        edge <span className="hint">{edge.from} → {edge.to}</span>
      </h2>
      <NodePicker names={draft.nodes.map((n) => n.name)} shown={undefined} />
      <p className="hint">{edge.recurrent ? `recurrent: '${edge.to}' reads '${edge.from}' one step late` : `'${edge.to}' reads '${edge.from}' in the same step`}</p>
      {sourceKind === 'spiking' && carried && summary ? (
        <p data-testid="edge-spikes">
          carried {carried.spikeCount} spikes in the last run ({(carried.spikeCount / Math.max(1, summary.steps)).toFixed(2)} per step)
        </p>
      ) : null}
      <EdgeWeights edge={edge} />
      <button type="button" data-testid="inspector-disconnect" onClick={() => useStore.getState().editGraph({ kind: 'disconnect', edge })}>
        Disconnect
      </button>
    </section>
  );
}
