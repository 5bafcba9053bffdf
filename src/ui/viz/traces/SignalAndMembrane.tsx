import { useMemo, useRef, useState } from 'react';
import { channelValues, type Signal } from '../../../core/data/signal.ts';
import { runArtifacts } from '../../runController.ts';
import { useStore } from '../../store/index.ts';
import { EventView } from '../events/EventView.tsx';
import { ImageView } from '../events/ImageView.tsx';
import { BeatsView } from './BeatsView.tsx';
import { SampleView } from './SampleView.tsx';
import { HeatmapCanvas } from './HeatmapCanvas.tsx';
import { TraceCanvas } from './TraceCanvas.tsx';
import { PanelExport } from '../export/PanelExport.tsx';
import { membraneCsv, signalCsv } from '../export/plotTables.ts';

/** The input signal with its annotations, on the raster's time axis. */
export function SignalView() {
  const summary = useStore((s) => s.summary);
  const reply = summary ? runArtifacts.get(summary.artifactId) : undefined;
  const sig = reply?.source.kind === 'signal' ? reply.source.signal : undefined;
  const marks = useMemo(() => sig?.annotations.map((a) => a.sample) ?? [], [sig]);
  const panel = useRef<HTMLElement>(null);
  if (!reply) return null;
  if (!sig) return reply.source.kind === 'image' ? <ImageView /> : reply.source.kind === 'beats' ? <BeatsView /> : reply.source.kind === 'sample' ? <SampleView /> : <EventView />;
  return (
    <section className="panel trace-panel has-export" aria-label="Input signal" ref={panel}>
      <PanelExport plot="signal" panel={panel} csv={() => signalCsv(sig)} />
      <h2>
        Input: {sig.channels.length > 8 ? `${sig.channels.length} channels (${sig.channels[0]} … ${sig.channels[sig.channels.length - 1]})` : sig.channels.join(', ')} ({sig.samplingHz} Hz, {marks.length} annotations{sig.annotations.length > 0 ? `: ${[...new Set(sig.annotations.map((a) => a.symbol))].slice(0, 6).join(' ')}` : ''})
      </h2>
      {sig.channels.length === 1 ? (
        <TraceCanvas values={sig.values} dtMs={1000 / sig.samplingHz} color="#333" unit={sig.unit} marks={marks} testId="signal-view" />
      ) : sig.unit === 'log energy' ? (
        <>
          {reply.source.kind === 'signal' && reply.source.waveform ? (
            <div className="waveform" data-testid="waveform-view">
              <TraceCanvas values={reply.source.waveform.values} dtMs={1000 / reply.source.waveform.samplingHz} color="#555" unit="wave" testId="waveform-canvas" followZoom={false} />
            </div>
          ) : null}
          <HeatmapCanvas values={sig.values} channels={sig.channels.length} testId="signal-view" />
        </>
      ) : (
        <MultiChannel signal={sig} marks={marks} />
      )}
    </section>
  );
}

/** One channel of a multi-channel signal at a time, chosen from a menu. */
function MultiChannel({ signal, marks }: { signal: Signal; marks: readonly number[] }) {
  const [channel, setChannel] = useState(0);
  const c = Math.min(channel, signal.channels.length - 1);
  const values = useMemo(() => channelValues(signal, c), [signal, c]);
  return (
    <>
      <select className="channel-picker" aria-label="channel shown" value={c} onChange={(e) => setChannel(Number(e.target.value))}>
        {signal.channels.map((name, i) => (
          <option key={`${name}${i}`} value={i}>
            {name}
          </option>
        ))}
      </select>
      <TraceCanvas values={values} dtMs={1000 / signal.samplingHz} color="#333" unit={signal.unit} marks={marks} testId="signal-view" />
    </>
  );
}

/** Membrane potential of the probed neuron with its threshold. */
export function MembraneView() {
  const summary = useStore((s) => s.summary);
  const layers = useStore((s) => s.workspace?.network.layers);
  const reply = summary ? runArtifacts.get(summary.artifactId) : undefined;
  const trace = reply?.result.membranes[0];
  const panel = useRef<HTMLElement>(null);
  if (!reply || !trace) return <section className="panel trace-panel">Click a spiking neuron in the raster to see its membrane potential.</section>;
  const layer = layers?.find((l) => l.name === trace.layer);
  const threshold = layer?.kind === 'spiking' && 'threshold' in layer.neuron ? Number(layer.neuron.threshold) : undefined;
  return (
    <section className="panel trace-panel has-export" aria-label="Membrane potential" ref={panel}>
      <PanelExport plot="membrane" panel={panel} csv={() => membraneCsv(reply.result.membranes, reply.result.dtMs)} />
      <h2 data-testid="membrane-title">
        Membrane: {trace.layer} neuron {trace.neuron}
      </h2>
      <TraceCanvas values={trace.values} dtMs={reply.result.dtMs} color="#0072B2" unit="v" hline={threshold} testId="membrane-view" />
    </section>
  );
}
