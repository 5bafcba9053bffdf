import { Handle, Position, type Node, type NodeProps } from '@xyflow/react';
import { glowOf, type NodeView } from './graphView.ts';

export type NetworkFlowNode = Node<{ view: NodeView }, 'network'>;

/**
 * One node of the network: name, kind, output size and neuron model; a glow that follows its
 * firing rate in the last run; the reason in red when the graph is not valid here. Ports: the
 * input on the left, the output on the right (the input node has only an output).
 */
export function NetworkNode({ data, selected }: NodeProps<NetworkFlowNode>) {
  const v = data.view;
  const glow = glowOf(v.rateHz);
  const style = glow > 0 ? { boxShadow: `0 0 ${4 + 14 * glow}px ${2 + 4 * glow}px rgba(230, 159, 0, ${0.25 + 0.6 * glow})` } : undefined;
  return (
    <div
      className={`net-node net-node-${v.kind}${v.problem ? ' net-node-problem' : ''}${selected ? ' net-node-selected' : ''}`}
      style={style}
      data-testid={`node-${v.name}`}
      data-problem={v.problem ? 'true' : 'false'}
      title={v.problem ?? (v.rateHz !== undefined ? `${v.rateHz.toFixed(1)} Hz mean firing rate in the last run` : undefined)}
    >
      {v.isInput ? null : <Handle type="target" position={Position.Left} className="net-port" data-testid={`port-in-${v.name}`} />}
      <div className="net-node-name">{v.name}</div>
      <div className="net-node-kind">
        {v.kindLabel}
        {v.model ? ` · ${v.model}` : ''}
      </div>
      <div className="net-node-size">
        {v.size}
        {v.rateHz !== undefined ? <span className="net-node-rate"> · {v.rateHz < 10 ? v.rateHz.toFixed(1) : Math.round(v.rateHz)} Hz</span> : null}
      </div>
      {v.problem ? (
        <div className="net-node-reason" role="alert" data-testid={`node-problem-${v.name}`}>
          {v.problem}
        </div>
      ) : null}
      <Handle type="source" position={Position.Right} className="net-port" data-testid={`port-out-${v.name}`} />
    </div>
  );
}
