import type { DraftNode } from '../../core/network/graphDraft.ts';
import { nodeKind, type NodeField } from '../../core/network/nodeKinds.ts';
import { NEURON_MODELS, neuronModel } from '../../core/neurons/index.ts';
import { NumberField } from '../controls/NumberField.tsx';
import { useFieldError } from '../controls/useFieldError.ts';
import { useStore } from '../store/index.ts';
import { izhikevichStepWarning } from '../panels/stepAdvice.ts';

/** Sets (or, with undefined, removes) one key of a node and hands the new node to the editor. */
function withKey<T extends object>(node: T, key: string, value: unknown): T {
  const next = { ...node } as Record<string, unknown>;
  if (value === undefined) delete next[key];
  else next[key] = value;
  return next as T;
}

/** Applies a changed node through the graph editor (so an unfinished graph in the editor is edited, not bypassed). */
function commit(node: DraftNode): boolean {
  return useStore.getState().editGraph({ kind: 'set-node', node }) === undefined;
}

function KindField({ node, field, path }: { node: DraftNode; field: NodeField; path: string }) {
  const error = useFieldError(`${path}.${field.key}`);
  const value = (node as Record<string, unknown>)[field.key];
  const testId = `${node.name}-${field.key}`;
  switch (field.type) {
    case 'number':
      return (
        <NumberField
          label={field.key}
          unit={field.unit}
          title={`${field.doc} (${field.min}–${field.max})`}
          value={typeof value === 'number' ? value : undefined}
          {...(field.integer ? { step: 1 } : {})}
          {...(field.optional ? { optional: true, placeholder: field.emptyMeans ?? 'default' } : {})}
          testId={testId}
          error={error}
          onCommit={(v) => commit(withKey(node, field.key, v))}
        />
      );
    case 'choice':
      return (
        <div className="field">
          <label title={field.doc}>
            {field.key}
            <select data-testid={testId} value={typeof value === 'string' ? value : ''} onChange={(e) => commit(withKey(node, field.key, e.target.value))}>
              {typeof value === 'string' ? null : <option value="">(other)</option>}
              {field.options.map((o) => (
                <option key={o}>{o}</option>
              ))}
            </select>
          </label>
        </div>
      );
    case 'switch':
      return (
        <div className="field">
          <label title={field.doc}>
            <input type="checkbox" data-testid={testId} checked={value === true} onChange={(e) => commit(withKey(node, field.key, e.target.checked ? true : undefined))} /> {field.key}
          </label>
        </div>
      );
  }
}

function NeuronFields({ node, path }: { node: Extract<DraftNode, { kind: 'spiking' }>; path: string }) {
  const dtMs = useStore((s) => s.summary?.dtMs);
  const data = useStore((s) => s.workspace?.data);
  const editError = useStore((s) => s.editError);
  const model = neuronModel(node.neuron.model);
  const params = node.neuron as Record<string, unknown>;
  const setParam = (key: string, value: unknown) => commit({ ...node, neuron: withKey(node.neuron, key, value) });
  return (
    <>
      <div className="field">
        <label title={model.summary}>
          model
          <select data-testid={`${node.name}-model`} value={model.kind} onChange={(e) => commit({ ...node, neuron: { ...neuronModel(e.target.value).defaults } as typeof node.neuron })}>
            {Object.values(NEURON_MODELS).map((m) => (
              <option key={m.kind} value={m.kind}>
                {m.label}
              </option>
            ))}
          </select>
        </label>
      </div>
      {model.kind === 'izhikevich' && dtMs !== undefined && dtMs > 1 && data ? (
        <div className="field-error" role="note" data-testid={`${node.name}-step-warning`}>
          {izhikevichStepWarning(data, dtMs)}
        </div>
      ) : null}
      {Object.entries(model.paramDocs).map(([key, doc]) => {
        const v = params[key];
        if (typeof v === 'string') {
          return (
            <div className="field" key={key}>
              <label title={doc.doc}>
                {key}
                <select value={v} onChange={(e) => setParam(key, e.target.value)}>
                  {(model.kind === 'if' ? ['subtract', 'zero'] : ['subtract', 'zero', 'none']).map((o) => (
                    <option key={o}>{o}</option>
                  ))}
                </select>
              </label>
            </div>
          );
        }
        return (
          <NumberField
            key={key}
            label={key}
            unit={doc.unit}
            title={doc.doc}
            value={typeof v === 'number' ? v : undefined}
            optional
            placeholder="default"
            testId={`${node.name}-${key}`}
            error={editError?.path === `${path}.neuron.${key}` ? editError.message : undefined}
            onCommit={(nv) => setParam(key, nv)}
          />
        );
      })}
    </>
  );
}

/**
 * The editable parameters of one node, each with its unit and a one-line meaning (in its title),
 * from the node-kind registry and, for a spiking node, the neuron model's own docs. `index` is the
 * node's place in the workspace's network, the JSON path refused values are reported at.
 */
export function NodeFields({ node, index }: { node: DraftNode; index: number }) {
  const path = `network.layers[${index}]`;
  if (node.kind === 'spiking') return <NeuronFields node={node} path={path} />;
  return (
    <>
      {nodeKind(node.kind).fields.map((f) => (
        <KindField key={f.key} node={node} field={f} path={path} />
      ))}
    </>
  );
}
