import { useRef } from 'react';
import { sampleCsv } from '../export/inputTables.ts';
import { PanelExport } from '../export/PanelExport.tsx';
import { runArtifacts } from '../../runController.ts';
import { useStore } from '../../store/index.ts';
import { HeatmapCanvas } from './HeatmapCanvas.tsx';

/** A data-set sample the raster was run on (e.g. a misclassified test beat): its encoded input over time. */
export function SampleView() {
  const summary = useStore((s) => s.summary);
  const reply = summary ? runArtifacts.get(summary.artifactId) : undefined;
  const src = reply?.source.kind === 'sample' ? reply.source : undefined;
  const panel = useRef<HTMLElement>(null);
  if (!src || !reply) return null;
  return (
    <section className="panel trace-panel has-export" aria-label="Input sample" ref={panel}>
      <PanelExport plot="sample" panel={panel} csv={() => sampleCsv(src, reply.result.dtMs)} />
      <h2 data-testid="sample-caption">Input: {src.caption}</h2>
      <HeatmapCanvas values={src.values} channels={src.neurons} testId="sample-view" />
      <p className="hint">
        {src.neurons} input neurons × {src.steps} steps{src.own ? '.' : '; edit the workspace or reload to return to its own input.'}
      </p>
    </section>
  );
}
