import { NodeFields } from '../graph/NodeFields.tsx';
import { useStore } from '../store/index.ts';
import { nodeInputsLabel, nodeSummary } from './networkLabels.ts';

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
              <NodeFields node={layer} index={i} />
            </li>
          );
        })}
      </ol>
    </section>
  );
}
