import { useStore } from '../../store/index.ts';
import { ReadoutView } from './ReadoutView.tsx';
import { MembraneView } from './SignalAndMembrane.tsx';
import './TraceStrip.css';

const VIEWS = [
  { id: 'readout', label: 'Read-out' },
  { id: 'membrane', label: 'Membrane' },
] as const;

/**
 * The strip under the raster: what the network decides (the read-out per class over time) or the
 * membrane of the neuron clicked in the raster, one at a time so the raster keeps its height. A
 * click on a raster neuron switches to its membrane; the two buttons switch back and forth.
 */
export function TraceStrip() {
  const shown = useStore((s) => s.traceStrip);
  return (
    <div className="trace-strip" data-testid="trace-strip" data-shown={shown}>
      <div className="strip-tabs" role="group" aria-label="Under the raster">
        {VIEWS.map((v) => (
          <button key={v.id} type="button" data-testid={`strip-${v.id}`} aria-pressed={shown === v.id} onClick={() => useStore.getState().setTraceStrip(v.id)}>
            {v.label}
          </button>
        ))}
      </div>
      {shown === 'readout' ? <ReadoutView /> : <MembraneView />}
    </div>
  );
}
