import { OVER_COLOUR, UNUSED_COLOUR, utilisationScale, type CoreColouring } from './coreColours.ts';
import { MAX_ARCS, type ArcSelection } from './trafficArcs.ts';

const RAMP = `linear-gradient(to right, ${[0, 0.25, 0.5, 0.75, 1].map((u) => utilisationScale(u)).join(', ')})`;

function Swatch({ colour, label }: { colour: string; label: string }) {
  return (
    <span className="swatch-item">
      <span className="swatch" style={{ background: colour }} /> {label}
    </span>
  );
}

/** Legend of the mesh: the utilisation ramp or the layer colours, and what the arcs show. */
export function MeshLegend({ mode, colouring, arcs, showTraffic }: { mode: 'utilisation' | 'layer'; colouring: CoreColouring; arcs: ArcSelection; showTraffic: boolean }) {
  return (
    <div className="legend mesh-legend" data-testid="mesh-legend">
      {mode === 'utilisation' ? (
        <span className="swatch-item">
          binding utilisation 0 <span className="ramp" style={{ background: RAMP }} /> 1
        </span>
      ) : (
        colouring.layers.map((l) => <Swatch key={l.layer} colour={l.colour} label={l.layer} />)
      )}
      {mode === 'utilisation' ? <Swatch colour={OVER_COLOUR} label="over the limit" /> : null}
      <Swatch colour={UNUSED_COLOUR} label="unused" />
      {showTraffic ? (
        <span className="hint" data-testid="arcs-note">
          arcs: spike packets per inference, width ∝ packets
          {arcs.total > arcs.edges.length ? ` — the heaviest ${MAX_ARCS} of ${arcs.total} core pairs` : ` (${arcs.total} core pair${arcs.total === 1 ? '' : 's'})`}
        </span>
      ) : null}
    </div>
  );
}
