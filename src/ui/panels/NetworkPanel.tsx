import { NEURON_MODELS, neuronModel } from '../../core/neurons/index.ts';
import type { LayerSpec } from '../../core/spec/network.ts';
import { NumberField } from '../controls/NumberField.tsx';
import { useStore } from '../store/index.ts';
import { nodeInputsLabel, nodeSummary } from './networkLabels.ts';
import { izhikevichStepWarning } from './stepAdvice.ts';

/** The refused-edit message for exactly this JSON path, if any. */
export function useFieldError(path: string): string | undefined {
  return useStore((s) => (s.editError?.path === path ? s.editError.message : undefined));
}

function LayerFields({ layer, index }: { layer: LayerSpec; index: number }) {
  const edit = useStore((s) => s.edit);
  const path = `network.layers[${index}]`;
  const unitsError = useFieldError(`${path}.units`);
  const dtMs = useStore((s) => s.summary?.dtMs);
  const data = useStore((s) => s.workspace?.data);
  const editError = useStore((s) => s.editError);
  const set = (field: string, value: unknown) => edit(`${layer.name}.${field}`, (d) => void ((d.network.layers[index] as Record<string, unknown>)[field] = value));
  switch (layer.kind) {
    case 'dense':
      return (
        <>
          <NumberField label="units" value={layer.units} step={1} error={unitsError} onCommit={(v) => set('units', v)} testId={`${layer.name}-units`} />
          <NumberField label="weight gain" value={layer.weightGain} title="initial weights uniform in ±gain·√(3/fan-in)" onCommit={(v) => set('weightGain', v)} />
        </>
      );
    case 'spiking': {
      const model = neuronModel(layer.neuron.model);
      const params = layer.neuron as Record<string, unknown>;
      const setParam = (key: string, value: unknown) =>
        edit(`${layer.name}.${key}`, (d) => {
          const neuron = (d.network.layers[index] as { neuron: Record<string, unknown> }).neuron;
          if (value === undefined) delete neuron[key];
          else neuron[key] = value;
        });
      return (
        <>
          <div className="field">
            <label title={model.summary}>
              model
              <select
                data-testid={`${layer.name}-model`}
                value={model.kind}
                onChange={(e) => edit(`${layer.name}.model`, (d) => void ((d.network.layers[index] as Record<string, unknown>)['neuron'] = { ...neuronModel(e.target.value).defaults }))}
              >
                {Object.values(NEURON_MODELS).map((m) => (
                  <option key={m.kind} value={m.kind}>
                    {m.label}
                  </option>
                ))}
              </select>
            </label>
          </div>
          {model.kind === 'izhikevich' && dtMs !== undefined && dtMs > 1 && data ? (
            <div className="field-error" role="note" data-testid={`${layer.name}-step-warning`}>
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
                    <select value={String(v)} onChange={(e) => setParam(key, e.target.value)}>
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
                testId={`${layer.name}-${key}`}
                error={editError?.path === `${path}.neuron.${key}` ? editError.message : undefined}
                onCommit={(nv) => setParam(key, nv)}
              />
            );
          })}
        </>
      );
    }
    case 'accumulator':
      return (
        <NumberField
          label="window"
          unit="steps"
          value={layer.window}
          step={1}
          optional
          placeholder="whole run"
          title="spike counts since the start of each window of this many steps; empty = the whole run"
          testId={`${layer.name}-window`}
          error={editError?.path === `${path}.window` ? editError.message : undefined}
          onCommit={(v) =>
            edit(`${layer.name}.window`, (d) => {
              const node = d.network.layers[index] as Record<string, unknown>;
              if (v === undefined) delete node['window'];
              else node['window'] = v;
            })
          }
        />
      );
    default:
      return null;
  }
}

/** The network as its nodes in list order: each with its inputs (in a graph), what it computes, and its editable parameters. */
export function NetworkPanel() {
  const network = useStore((s) => s.workspace?.network);
  if (!network) return null;
  const layers = network.layers;
  return (
    <section className="panel" aria-label="Network">
      <h2>Network</h2>
      <ol className="layers">
        {layers.map((layer, i) => {
          const inputs = nodeInputsLabel(network, i);
          const summary = nodeSummary(layer);
          return (
            <li key={layer.name} className={`layer layer-${layer.kind}`} data-testid={`layer-${layer.name}`}>
              <div className="layer-head">
                <span className="layer-name">{layer.name}</span> <span className="layer-kind">{layer.kind}</span>
                {inputs ? (
                  <>
                    {' '}
                    <span className="layer-inputs hint" data-testid={`${layer.name}-inputs`}>
                      {inputs}
                    </span>
                  </>
                ) : null}
              </div>
              {summary ? <div className="hint">{summary}</div> : null}
              <LayerFields layer={layer} index={i} />
            </li>
          );
        })}
      </ol>
    </section>
  );
}
