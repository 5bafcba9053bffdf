import { BaseEdge, EdgeLabelRenderer, getBezierPath, type Edge, type EdgeProps } from '@xyflow/react';
import { edgeWidth, type EdgeView } from './graphView.ts';

export type NetworkFlowEdge = Edge<{ view: EdgeView }, 'network'>;

/**
 * An edge of the network. A forward edge is a curve from an output port to an input port; a
 * recurrent edge (a step late) arcs back over the nodes, dashed, so a loop reads as a loop. Its
 * width follows the spikes it carried; a problem on it turns it red.
 */
export function NetworkEdge({ id, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, data, selected, markerEnd }: EdgeProps<NetworkFlowEdge>) {
  const v = data?.view;
  const recurrent = v?.edge.recurrent ?? false;
  let path: string;
  let labelX: number;
  let labelY: number;
  if (recurrent) {
    // Over the top: out of the source's right port, up, back left, down into the target's left port.
    const lift = 70 + Math.min(120, Math.abs(sourceX - targetX) * 0.15);
    const top = Math.min(sourceY, targetY) - lift;
    path = `M ${sourceX} ${sourceY} C ${sourceX + 60} ${sourceY}, ${sourceX + 60} ${top}, ${sourceX} ${top} L ${targetX} ${top} C ${targetX - 60} ${top}, ${targetX - 60} ${targetY}, ${targetX} ${targetY}`;
    labelX = (sourceX + targetX) / 2;
    labelY = top;
  } else {
    [path, labelX, labelY] = getBezierPath({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition });
  }
  const width = edgeWidth(v?.spikesPerStep);
  const colour = v?.problem ? '#D55E00' : selected ? '#0072B2' : recurrent ? '#CC79A7' : '#7a8594';
  return (
    <>
      <BaseEdge id={id} path={path} {...(markerEnd ? { markerEnd } : {})} interactionWidth={16} style={{ stroke: colour, strokeWidth: selected ? width + 1 : width, ...(recurrent ? { strokeDasharray: '6 4' } : {}) }} />
      <EdgeLabelRenderer>
        <div className="net-edge-label" style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)` }} data-testid={`edge-label-${id}`}>
          {v?.label}
          {v?.spikesPerStep !== undefined ? ` · ${v.spikesPerStep < 10 ? v.spikesPerStep.toFixed(1) : Math.round(v.spikesPerStep)}/step` : ''}
        </div>
      </EdgeLabelRenderer>
    </>
  );
}
