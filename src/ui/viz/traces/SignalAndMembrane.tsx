import { useMemo } from 'react';
import { runArtifacts } from '../../runController.ts';
import { useStore } from '../../store/index.ts';
import { EventView } from '../events/EventView.tsx';
import { TraceCanvas } from './TraceCanvas.tsx';

/** The input signal with its annotations, on the raster's time axis. */
export function SignalView() {
  const summary = useStore((s) => s.summary);
  const reply = summary ? runArtifacts.get(summary.artifactId) : undefined;
  const sig = reply?.source.kind === 'signal' ? reply.source.signal : undefined;
  const marks = useMemo(() => sig?.annotations.map((a) => a.sample) ?? [], [sig]);
  if (!reply) return null;
  if (!sig) return <EventView />;
  return (
    <section className="panel trace-panel" aria-label="Input signal">
      <h2>
        Input: {sig.channels.join(', ')} ({sig.samplingHz} Hz, {marks.length} annotations{sig.annotations.length > 0 ? `: ${[...new Set(sig.annotations.map((a) => a.symbol))].slice(0, 6).join(' ')}` : ''})
      </h2>
      <TraceCanvas values={sig.values} dtMs={1000 / sig.samplingHz} color="#333" unit={sig.unit} marks={marks} testId="signal-view" />
    </section>
  );
}

/** Membrane potential of the probed neuron with its threshold. */
export function MembraneView() {
  const summary = useStore((s) => s.summary);
  const layers = useStore((s) => s.workspace?.network.layers);
  const reply = summary ? runArtifacts.get(summary.artifactId) : undefined;
  const trace = reply?.result.membranes[0];
  if (!reply || !trace) return <section className="panel trace-panel">Click a spiking neuron in the raster to see its membrane potential.</section>;
  const layer = layers?.find((l) => l.name === trace.layer);
  const threshold = layer?.kind === 'spiking' && 'threshold' in layer.neuron ? Number(layer.neuron.threshold) : undefined;
  return (
    <section className="panel trace-panel" aria-label="Membrane potential">
      <h2 data-testid="membrane-title">
        Membrane: {trace.layer} neuron {trace.neuron}
      </h2>
      <TraceCanvas values={trace.values} dtMs={reply.result.dtMs} color="#0072B2" unit="v" hline={threshold} testId="membrane-view" />
    </section>
  );
}
