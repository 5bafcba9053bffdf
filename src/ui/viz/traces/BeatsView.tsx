import { useMemo, useRef } from 'react';
import { beatsCsv } from '../export/inputTables.ts';
import { PanelExport } from '../export/PanelExport.tsx';
import { runArtifacts } from '../../runController.ts';
import { useStore } from '../../store/index.ts';
import { HeatmapCanvas } from './HeatmapCanvas.tsx';

/**
 * The beats a 'window' workspace feeds its network: each beat's vector (leads' samples, then RR
 * features) as a column of the heat map, repeated for the steps it is held so that it lines up
 * with the raster's time axis; beat codes underneath.
 */
export function BeatsView() {
  const summary = useStore((s) => s.summary);
  const reply = summary ? runArtifacts.get(summary.artifactId) : undefined;
  const src = reply?.source.kind === 'beats' ? reply.source : undefined;
  const panel = useRef<HTMLElement>(null);
  const held = useMemo(() => {
    if (!src) return new Float32Array(0);
    const out = new Float32Array(src.beats.length * src.stepsPerBeat * src.width);
    for (let k = 0; k < src.beats.length; k++)
      for (let s = 0; s < src.stepsPerBeat; s++) out.set(src.vectors.subarray(k * src.width, (k + 1) * src.width), (k * src.stepsPerBeat + s) * src.width);
    return out;
  }, [src]);
  if (!src) return null;
  return (
    <section className="panel trace-panel has-export" aria-label="Input beats" ref={panel}>
      <PanelExport plot="beats" panel={panel} csv={() => beatsCsv(src)} />
      <h2>
        Input: {src.beats.length} beats cut around their R peaks ({src.signal.samplingHz} Hz), each a {src.width}-value window held for {src.stepsPerBeat} steps
      </h2>
      <HeatmapCanvas values={held} channels={src.width} testId="beats-view" />
      <p className="beat-codes" data-testid="beat-codes">
        beats: {src.beats.map((b) => b.symbol).join(' ')}
      </p>
    </section>
  );
}
