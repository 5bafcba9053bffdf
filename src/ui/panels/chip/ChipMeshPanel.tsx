import { useMemo, useRef, useState } from 'react';
import { meshCsv } from '../../viz/export/chipTables.ts';
import { PanelExport } from '../../viz/export/PanelExport.tsx';
import { useStore } from '../../store/index.ts';
import { colourByLayer, colourByUtilisation } from '../../viz/mapping/coreColours.ts';
import { spikeLayerOrder } from '../../viz/layerPalette.ts';
import { MeshLegend } from '../../viz/mapping/MeshLegend.tsx';
import { MeshView } from '../../viz/mapping/MeshView.tsx';
import { heaviestEdges } from '../../viz/mapping/trafficArcs.ts';
import { useMappingResult } from './chipState.ts';

/** What the architecture means for the drawing (Speck and Xylo have no mesh to place on). */
const ARCHITECTURE_NOTE = {
  mesh: '',
  'layer-cores': 'one layer per core, fixed layer-to-layer routing',
  'single-core': 'a single core with design rules',
} as const;

/** The mesh panel: job status and progress, colour and traffic toggles, the mesh and its legend. */
export function ChipMeshPanel() {
  const result = useMappingResult();
  const status = useStore((s) => s.mapStatus);
  const stage = useStore((s) => s.mapStage);
  const fraction = useStore((s) => s.mapFraction);
  const error = useStore((s) => s.mapError);
  const mode = useStore((s) => s.meshColour);
  const mappingId = useStore((s) => s.mapping?.id ?? '');
  const layers = useStore((s) => s.workspace?.network.layers);
  const [showTraffic, setShowTraffic] = useState(true);
  const panel = useRef<HTMLElement>(null);
  // The raster's order of layers, so a layer's cores take the colour of its raster band.
  const layerOrder = useMemo(() => spikeLayerOrder(layers ?? []), [layers]);
  const slots = result ? result.coresPerChip * Math.max(1, result.chipsUsed) : 0;
  const colouring = useMemo(
    () => (!result ? undefined : mode === 'layer' ? colourByLayer(result.cores, slots, layerOrder) : colourByUtilisation(result.cores, slots)),
    [result, mode, slots, layerOrder],
  );
  const selection = useMemo(() => heaviestEdges(result?.traffic ?? []), [result]);
  return (
    <section className="panel chip-mesh-panel has-export" aria-label="Chip mesh" data-chip={result?.chip ?? ''} data-mapping-id={mappingId} ref={panel}>
      <PanelExport plot="chip-mesh" panel={panel} title={`${result?.chipName ?? 'Chip'}: cores coloured by ${mode}`} engine="chip" csv={() => (result ? meshCsv(result) : null)} />
      <h2>
        {result ? result.chipName : 'Chip mapping'}{' '}
        {result ? (
          <span className={result.fits ? 'badge ok' : 'badge bad'} data-testid="mapping-fits">
            {result.fits ? 'fits' : 'does not fit'}
          </span>
        ) : null}{' '}
        {result && ARCHITECTURE_NOTE[result.architecture] ? <span className="hint">{ARCHITECTURE_NOTE[result.architecture]}</span> : null}
      </h2>
      <div className="mesh-toolbar" aria-live="polite">
        <progress data-testid="mapping-progress" value={status === 'running' ? fraction : status === 'done' ? 1 : 0} max={1} />
        <span data-testid="mapping-status">{status}</span>
        {status === 'running' ? <span className="hint">{stage} {Math.round(100 * fraction)} %</span> : null}
        <span className="toolbar-gap" />
        <fieldset className="toggle" aria-label="colour cores by">
          {(['utilisation', 'layer'] as const).map((m) => (
            <label key={m}>
              <input type="radio" name="mesh-colour" data-testid={`colour-${m}`} checked={mode === m} onChange={() => useStore.getState().setMeshColour(m)} /> {m}
            </label>
          ))}
        </fieldset>
        <label>
          <input type="checkbox" data-testid="show-traffic" checked={showTraffic} onChange={(e) => setShowTraffic(e.target.checked)} /> traffic
        </label>
      </div>
      {error ? (
        <div className="error" role="alert" data-testid="mapping-error">
          {error}
        </div>
      ) : null}
      {result && colouring ? (
        <>
          <div className={status === 'running' ? 'mesh-wrap stale' : 'mesh-wrap'}>
            <MeshView result={result} colouring={colouring} selection={selection} showTraffic={showTraffic} />
          </div>
          <MeshLegend mode={mode} colouring={colouring} arcs={selection} showTraffic={showTraffic} />
        </>
      ) : (
        <p className="hint">{status === 'error' ? 'no mapping' : 'Mapping the network on the chip…'}</p>
      )}
    </section>
  );
}
