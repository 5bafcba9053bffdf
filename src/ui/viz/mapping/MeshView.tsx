import { useMemo, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import type { CoreUsage, MappingResult } from '../../../core/hardware/mappingTypes.ts';
import { useCanvasFrame } from '../useCanvasFrame.ts';
import { useSize } from '../useSize.ts';
import type { CoreColouring } from './coreColours.ts';
import { CoreTooltip } from './CoreTooltip.tsx';
import { colourBatches, drawChipOutlines, drawCores, drawTraffic } from './drawMesh.ts';
import { coreAt, coreCentreX, coreCentreY, meshLayout } from './meshLayout.ts';
import { arcGeometry, type ArcSelection } from './trafficArcs.ts';

interface Props {
  readonly result: MappingResult;
  /** Colour of every slot (see coreColours.ts), computed by the parent so its legend shares it. */
  readonly colouring: CoreColouring;
  /** The heaviest traffic edges to draw. */
  readonly selection: ArcSelection;
  readonly showTraffic: boolean;
}

/**
 * The chip as its mesh of cores on a canvas, coloured by utilisation or layer, with the heaviest
 * traffic as arcs. Geometry, colours and arcs are computed once per mapping and size; hovering only
 * moves an outline and a tooltip (React elements), so the canvas is not redrawn on pointer moves.
 */
export function MeshView({ result, colouring, selection, showTraffic }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const { width, height } = useSize(box);
  const [hover, setHover] = useState(-1);
  const cpt = Math.max(1, Math.round(result.coresPerChip / (result.meshW * result.meshH)));
  const layout = useMemo(() => meshLayout(result.meshW, result.meshH, cpt, Math.max(1, result.chipsUsed), width, height), [result, cpt, width, height]);
  const batches = useMemo(() => colourBatches(colouring), [colouring]);
  const arcs = useMemo(() => arcGeometry(layout, selection, Math.max(2, Math.min(10, layout.pitch * 0.6))), [layout, selection]);
  const coreOfSlot = useMemo(() => {
    const m = new Map<number, CoreUsage>();
    for (const c of result.cores) m.set(c.index, c);
    return m;
  }, [result]);
  // The busiest core, as a hover target for tests and the keyboard's starting point.
  const busiest = useMemo(() => result.cores.reduce<CoreUsage | undefined>((b, c) => (!b || c.synOps > b.synOps ? c : b), undefined), [result]);

  useCanvasFrame(
    canvas,
    width,
    height,
    (ctx, dpr) => {
      const t0 = performance.now();
      ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
      const drawn = drawCores(ctx, layout, colouring, batches);
      drawChipOutlines(ctx, layout);
      if (showTraffic) drawTraffic(ctx, layout, arcs);
      const d = ctx.canvas.dataset;
      d['coresDrawn'] = String(drawn);
      d['arcsDrawn'] = String(showTraffic ? arcs.count : 0);
      d['drawMs'] = (performance.now() - t0).toFixed(2);
      d['sampleCore'] = busiest ? `${busiest.index}:${coreCentreX(layout, busiest.index).toFixed(1)},${coreCentreY(layout, busiest.index).toFixed(1)}` : '';
    },
    [layout, colouring, batches, arcs, showTraffic, busiest],
  );

  const onMove = (e: MouseEvent<HTMLCanvasElement>) => {
    const r = e.currentTarget.getBoundingClientRect();
    const slot = coreAt(layout, e.clientX - r.left, e.clientY - r.top);
    if (slot !== hover) setHover(slot);
  };
  // ← → step through the used cores, Escape hides the tooltip.
  const onKey = (e: KeyboardEvent<HTMLCanvasElement>) => {
    const used = result.cores;
    if (used.length === 0) return;
    const i = used.findIndex((c) => c.index === hover);
    if (e.key === 'ArrowRight' || e.key === 'ArrowDown') setHover((used[(i + 1) % used.length] as CoreUsage).index);
    else if (e.key === 'ArrowLeft' || e.key === 'ArrowUp') setHover((used[(i <= 0 ? used.length : i) - 1] as CoreUsage).index);
    else if (e.key === 'Escape') setHover(-1);
    else return;
    e.preventDefault();
  };
  const s = hover >= 0 && hover < layout.slots ? hover : -1;
  return (
    <div ref={box} className="mesh-box" data-testid="mesh">
      <canvas
        ref={canvas}
        data-testid="mesh-canvas"
        style={{ width, height }}
        tabIndex={0}
        role="img"
        aria-label={`${result.chipName}: ${result.coresUsed} of ${layout.slots} cores used; arrow keys step through the used cores`}
        onMouseMove={onMove}
        onMouseLeave={() => setHover(-1)}
        onKeyDown={onKey}
        onBlur={() => setHover(-1)}
      />
      {s >= 0 ? (
        <>
          <div className="mesh-hover" style={{ left: layout.rects[4 * s], top: layout.rects[4 * s + 1], width: layout.coreSize, height: layout.coreSize }} />
          <CoreTooltip slot={s} core={coreOfSlot.get(s)} result={result} layout={layout} boxWidth={width} boxHeight={height} />
        </>
      ) : null}
    </div>
  );
}
