import { axisBottom, axisLeft } from 'd3-axis';
import { scaleLinear } from 'd3-scale';
import { select } from 'd3-selection';
import { zoom, zoomIdentity, zoomTransform, type ZoomBehavior } from 'd3-zoom';
import { useEffect, useMemo, useRef } from 'react';
import type { LayerRecording } from '../../../core/engine/types.ts';
import { runArtifacts } from '../../runController.ts';
import { useStore } from '../../store/index.ts';
import { useCanvasFrame } from '../useCanvasFrame.ts';
import { useSize } from '../useSize.ts';
import { drawRaster } from './drawRaster.ts';
import { keepTickLabelsInside } from '../tickLabelsInside.ts';
import { labelledBands, layoutBands, neuronAtRow, type RasterLayout } from './rasterGeometry.ts';
import { ExportMenu } from '../export/ExportMenu.tsx';
import { snapshotBox } from '../export/snapshotBox.ts';
import { spikesCsvChunks } from '../export/spikesCsv.ts';
import { drawCursor, markCursor } from '../playback/drawCursor.ts';
import { PlaybackBar } from '../playback/PlaybackBar.tsx';
import { cursorX } from '../playback/playbackCursor.ts';

const MARGIN = { left: 56, right: 8, top: 8, bottom: 28 };
/** Height of a layer label on the y axis (10 px text plus a little air). */
const LABEL_GAP_PX = 12;

/** The layer legend of an exported raster: each layer's name in its colour, in one line. */
function legendText(layout: RasterLayout): { x: number; text: string; fill: string }[] {
  let x = 4;
  return layout.bands.map((b) => {
    const item = { x, text: `■ ${b.layer}`, fill: b.color };
    x += 16 + 6.5 * b.layer.length;
    return item;
  });
}

/** The d3-zoom transform that shows steps [a, b] of a run of `steps` on a plot `plotW` px wide. */
function rangeTransform(range: readonly [number, number] | null, steps: number, plotW: number) {
  if (!range) return zoomIdentity;
  const k = steps / Math.max(1e-9, range[1] - range[0]);
  return zoomIdentity.translate((-range[0] * plotW * k) / steps, 0).scale(k);
}

/** The spikes drawn last and what they were drawn for: a cursor move re-puts them instead of redrawing every spike. */
interface DrawnSpikes {
  readonly image: ImageData;
  readonly inputs: readonly unknown[];
  readonly drawn: number;
}

/**
 * The spike raster: canvas for the spikes, SVG overlay for axes and pointer input. Wheel or drag,
 * and on a touch screen pinch or one-finger drag, zoom and pan time (keyboard: + − 0 ← →); hover
 * reads out layer, neuron and time; a click on a spiking neuron records and shows its membrane.
 * The box carries the visible range in ms (data-from-ms, data-to-ms). The playback cursor
 * (viewSlice.playbackStep) is drawn as a line through every layer, at this plot's own x scale.
 */
export function RasterView() {
  const summary = useStore((s) => s.summary);
  const timeRange = useStore((s) => s.timeRange);
  const hover = useStore((s) => s.hover);
  const playbackStep = useStore((s) => s.playbackStep);
  const drawnSpikes = useRef<DrawnSpikes | null>(null);
  // True while the view applies a time range set elsewhere (the playback following its cursor) to d3-zoom.
  const syncingZoom = useRef(false);
  const box = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const svg = useRef<SVGSVGElement>(null);
  const zoomRef = useRef<ZoomBehavior<SVGRectElement, unknown> | null>(null);
  const { width, height } = useSize(box);
  const reply = summary ? runArtifacts.get(summary.artifactId) : undefined;
  const layers: readonly LayerRecording[] = reply?.result.layers ?? [];
  const steps = reply?.result.steps ?? 1;
  const dtMs = reply?.result.dtMs ?? 1;
  const layout = useMemo(() => layoutBands(layers), [layers]);
  const plotW = Math.max(1, width - MARGIN.left - MARGIN.right);
  const plotH = Math.max(1, height - MARGIN.top - MARGIN.bottom);
  const domain = timeRange ?? [0, steps];
  const x = useMemo(() => scaleLinear().domain(domain).range([0, plotW]), [domain[0], domain[1], plotW]);
  const y = useMemo(() => scaleLinear().domain([0, Math.max(1, layout.rows)]).range([0, plotH]), [layout.rows, plotH]);

  // Spikes: drawn into ImageData in the next animation frame, device-pixel aware; the cursor on top.
  useCanvasFrame(
    canvas,
    plotW,
    plotH,
    (ctx, dpr) => {
      const c = ctx.canvas;
      const t0 = performance.now();
      const inputs = [layers, layout, x, y, c.width, c.height];
      const kept = drawnSpikes.current;
      let spikes = kept && kept.inputs.every((v, i) => v === inputs[i]) ? kept : null;
      if (!spikes) {
        const image = ctx.createImageData(c.width, c.height);
        const drawn = drawRaster(image, layers, layout, x.copy().range([0, c.width]), y.copy().range([0, c.height]));
        spikes = { image, inputs, drawn };
        drawnSpikes.current = spikes;
      }
      ctx.putImageData(spikes.image, 0, 0);
      const cx = playbackStep === null ? null : cursorX(x, playbackStep);
      const drawnAt = cx === null ? null : drawCursor(ctx, cx, dpr);
      markCursor(c, playbackStep, drawnAt === null ? null : cx);
      c.dataset['spikeCount'] = String(spikes.drawn);
      c.dataset['drawMs'] = (performance.now() - t0).toFixed(1);
    },
    [layers, layout, x, y, playbackStep],
  );

  // Axes and band labels on the SVG overlay.
  useEffect(() => {
    const s = svg.current;
    if (!s) return;
    const g = select(s);
    const xMs = x.copy().domain(x.domain().map((v) => v * dtMs));
    const xAxis = g.select<SVGGElement>('.x-axis').call(axisBottom(xMs).ticks(Math.max(2, Math.floor(plotW / 90))));
    const xNode = xAxis.node();
    if (xNode) keepTickLabelsInside(xNode, plotW + MARGIN.right);
    const labelled = labelledBands(layout, y, LABEL_GAP_PX);
    g.select<SVGGElement>('.y-axis').call(
      axisLeft(y)
        .tickValues(labelled.map((b) => b.offset + b.neurons / 2))
        .tickFormat((_, i) => labelled[i]?.layer ?? ''),
    );
  }, [x, y, dtMs, layout, plotW]);

  // d3-zoom on the time axis only; the transform maps the full run onto the visible range.
  useEffect(() => {
    const s = svg.current;
    if (!s) return;
    const z = zoom<SVGRectElement, unknown>()
      .scaleExtent([1, Math.max(1, steps / 4)])
      .extent([[0, 0], [plotW, plotH]])
      .translateExtent([[0, 0], [plotW, plotH]])
      .on('zoom', (ev: { transform: { rescaleX: (sc: typeof x) => typeof x } }) => {
        if (syncingZoom.current) return;
        const full = scaleLinear().domain([0, steps]).range([0, plotW]);
        const [a = 0, b = steps] = ev.transform.rescaleX(full).domain();
        useStore.getState().setTimeRange(a <= 0 && b >= steps ? null : [a, b]);
      });
    zoomRef.current = z;
    select(s).select<SVGRectElement>('.hit').call(z);
    return () => void select(s).select('.hit').on('.zoom', null);
  }, [steps, plotW, plotH]);

  useEffect(() => {
    // A new run with another length resets the view.
    useStore.getState().setTimeRange(null);
    if (svg.current && zoomRef.current) select(svg.current).select<SVGRectElement>('.hit').call(zoomRef.current.transform, zoomIdentity);
  }, [steps]);

  // A time range set elsewhere (the playback turning to its cursor) becomes d3-zoom's transform,
  // so the next wheel or drag starts from what is shown rather than jumping back.
  useEffect(() => {
    const s = svg.current;
    const z = zoomRef.current;
    const hit = s ? select(s).select<SVGRectElement>('.hit') : null;
    const node = hit?.node();
    if (!hit || !node || !z || plotW <= 1) return;
    const want = rangeTransform(timeRange, steps, plotW);
    const have = zoomTransform(node);
    if (Math.abs(have.k - want.k) < 1e-9 * want.k && Math.abs(have.x - want.x) < 1e-6) return;
    syncingZoom.current = true;
    try {
      z.transform(hit, want);
    } finally {
      syncingZoom.current = false;
    }
  }, [timeRange, steps, plotW]);

  const pointer = (ev: React.MouseEvent) => {
    const r = (ev.currentTarget as SVGRectElement).getBoundingClientRect();
    const step = x.invert(ev.clientX - r.left);
    const hit = neuronAtRow(layout, y.invert(ev.clientY - r.top));
    return hit ? { hit, step } : undefined;
  };
  const onMove = (ev: React.MouseEvent) => {
    const p = pointer(ev);
    useStore.getState().setHover(p ? { layer: p.hit.band.layer, neuron: p.hit.neuron, timeMs: Math.floor(p.step) * dtMs } : null);
  };
  const onClick = (ev: React.MouseEvent) => {
    const p = pointer(ev);
    if (!p || p.hit.band.kind !== 'spiking') return;
    // A clicked neuron's membrane is what the user asked to see: the strip under the raster shows it.
    useStore.getState().setTraceStrip('membrane');
    useStore.getState().edit('probe', (d) => void ((d['simulation'] as Record<string, unknown>)['record'] = { membrane: [{ layer: p.hit.band.layer, neuron: p.hit.neuron }] }), { undoable: false });
  };
  const onKey = (ev: React.KeyboardEvent) => {
    const s = svg.current;
    const z = zoomRef.current;
    if (!s || !z) return;
    const hit = select(s).select<SVGRectElement>('.hit');
    if (ev.key === '+' || ev.key === '=') z.scaleBy(hit, 1.5);
    else if (ev.key === '-') z.scaleBy(hit, 1 / 1.5);
    else if (ev.key === '0') z.transform(hit, zoomIdentity);
    else if (ev.key === 'ArrowLeft') z.translateBy(hit, plotW / 10, 0);
    else if (ev.key === 'ArrowRight') z.translateBy(hit, -plotW / 10, 0);
    else return;
    ev.preventDefault();
  };

  return (
    <section className="panel raster-panel" aria-label="Spike raster" data-lesson-control="raster">
      {/* Title, playback bar (its per-layer list is the legend) and export on one line: the raster keeps the height. */}
      <div className="raster-head">
        <h2>Spike raster</h2>
        <PlaybackBar layers={layers} bands={layout.bands} steps={reply ? steps : 0} dtMs={dtMs} />
        <ExportMenu
          plot="raster"
          inline
          figure={() => (box.current ? snapshotBox(box.current, `Spike raster: ${useStore.getState().workspace?.name ?? ''} (time in ms)`, legendText(layout)) : null)}
          csv={() => (reply ? { what: 'spikes', chunks: spikesCsvChunks(layers, dtMs) } : null)}
        />
      </div>
      <div ref={box} className="raster-box" data-testid="raster" data-spike-count={summary?.totalSpikes ?? 0} data-from-ms={domain[0] * dtMs} data-to-ms={domain[1] * dtMs}>
        <canvas ref={canvas} data-testid="raster-canvas" style={{ left: MARGIN.left, top: MARGIN.top, width: plotW, height: plotH }} />
        {/* What the pointer is over, in the plot's top right corner while it is over a row. */}
        <span className="hover-readout" data-testid="hover-readout" hidden={!hover} style={{ right: MARGIN.right + 4, top: MARGIN.top + 2 }}>
          {hover ? `${hover.layer} · neuron ${hover.neuron} · ${hover.timeMs.toFixed(0)} ms` : ''}
        </span>
        <svg ref={svg} width={width} height={height} tabIndex={0} role="img" aria-label="spike raster; + and − zoom, arrows pan, 0 resets" onKeyDown={onKey}>
          <title>Hover a row for its layer, neuron and time; click a spiking neuron for its membrane. Wheel or drag to zoom and pan time.</title>
          <g transform={`translate(${MARGIN.left},${MARGIN.top + plotH})`} className="x-axis" />
          <g transform={`translate(${MARGIN.left},${MARGIN.top})`} className="y-axis" />
          {/* d3-zoom reads pointers in the rect's own coordinates and its extent starts at 0: the rect
              sits at the plot's origin, else wheel and pinch zoomed about a point MARGIN.left px right of the fingers. */}
          <g transform={`translate(${MARGIN.left},${MARGIN.top})`}>
            <rect className="hit no-export" data-testid="raster-hit" width={plotW} height={plotH} fill="transparent" onMouseMove={onMove} onMouseLeave={() => useStore.getState().setHover(null)} onClick={onClick} />
          </g>
        </svg>
      </div>
    </section>
  );
}
