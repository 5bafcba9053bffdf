import { axisBottom, axisLeft } from 'd3-axis';
import { scaleLinear } from 'd3-scale';
import { select } from 'd3-selection';
import { line } from 'd3-shape';
import { useEffect, useMemo, useRef } from 'react';
import { fiCurve, type FiCurve } from '../../../core/teach/fiCurve.ts';
import { PLAYGROUND_MAX_STEPS } from '../../../core/teach/playgroundRun.ts';
import { neuronTeaching } from '../../../core/teach/neuronTeaching.ts';
import { displayNumber } from '../../controls/displayNumber.ts';
import { useStore } from '../../store/index.ts';
import { useSize } from '../../viz/useSize.ts';
import { PG_COLOURS } from './drawPgTrace.ts';

const M = { left: 44, right: 14, top: 8, bottom: 30 };
const HEIGHT = 150;
/** Currents on the curve's grid, and how long each is held (the rate is read over the second half, after the onset). */
const POINTS = 30;
const HOLD_MS = 500;

/** The f–I curve of the first neuron (rate under each constant current), its rheobase, and the present input's mean. */
export function FiCurveChart({ inputMean }: { inputMean: number }) {
  const spec = useStore((s) => s.playground.neuron);
  const dtMs = useStore((s) => s.playground.dtMs);
  const box = useRef<HTMLDivElement>(null);
  const axes = useRef<SVGSVGElement>(null);
  const { width } = useSize(box);
  const t = neuronTeaching(spec.model);
  // The grid reaches 4 input scales, and further when the present input is stronger.
  const span = Math.max(4 * t.inputScale, 1.25 * Math.abs(inputMean));
  const from = Math.min(0, inputMean * 1.25);
  // A lesson may set a step so fine that 500 ms would exceed the playground's step budget: hold for
  // less then. Whatever else fiCurve refuses draws an empty curve: a throw in render would take
  // the whole page down (and a kept lesson step would do it again on reload).
  const hold = Math.min(HOLD_MS, PLAYGROUND_MAX_STEPS * dtMs);
  const curve = useMemo<FiCurve>(() => {
    try {
      return fiCurve(spec, { fromI: from, toI: span, points: POINTS, durationMs: hold, dtMs });
    } catch {
      return { currents: [], ratesHz: [], rheobase: null };
    }
  }, [spec, from, span, hold, dtMs]);
  const plotW = Math.max(1, width - M.left - M.right);
  const plotH = HEIGHT - M.top - M.bottom;
  const x = useMemo(() => scaleLinear().domain([from, span]).range([0, plotW]), [from, span, plotW]);
  const y = useMemo(() => scaleLinear().domain([0, Math.max(10, ...curve.ratesHz)]).nice().range([plotH, 0]), [curve, plotH]);
  useEffect(() => {
    if (!axes.current) return;
    const g = select(axes.current);
    g.select<SVGGElement>('.x-axis').call(axisBottom(x).ticks(Math.max(2, Math.floor(plotW / 70))));
    g.select<SVGGElement>('.y-axis').call(axisLeft(y).ticks(4));
  }, [x, y, plotW]);
  const path = line<number>()
    .x((k) => x(curve.currents[k] as number))
    .y((k) => y(curve.ratesHz[k] as number))(curve.currents.map((_, k) => k));
  const rheo = curve.rheobase;
  return (
    <section className="pg-fi" data-lesson-control="pg-fi" aria-label="f–I curve">
      <h3>
        f–I curve <span className="hint">steady rate (last {displayNumber(hold / 2)} of {displayNumber(hold)} ms) under a constant current; rheobase {rheo === null ? 'beyond the range' : `${displayNumber(Number(rheo.toPrecision(3)))} ${t.inputUnit}`}</span>
      </h3>
      <div ref={box} className="pg-fi-box" style={{ height: HEIGHT }}>
        <svg ref={axes} width={width} height={HEIGHT} data-testid="pg-fi" role="img" aria-label={`Firing rate against constant input; rheobase ${rheo === null ? 'not reached' : displayNumber(Number(rheo.toPrecision(3)))}; the present input's mean is ${displayNumber(Number(inputMean.toPrecision(3)))}`}>
          <g transform={`translate(${M.left},${M.top})`}>
            {rheo !== null ? <line className="pg-fi-rheo" x1={x(rheo)} x2={x(rheo)} y1={0} y2={plotH} stroke={PG_COLOURS.threshold} strokeDasharray="4 3" /> : null}
            <line data-testid="pg-fi-input" x1={x(inputMean)} x2={x(inputMean)} y1={0} y2={plotH} stroke={PG_COLOURS.cursor} strokeWidth={2} />
            <text x={Math.min(plotW - 4, x(inputMean) + 4)} y={10} className="pg-fi-label" textAnchor={x(inputMean) > plotW - 80 ? 'end' : 'start'}>
              input mean
            </text>
            <path d={path ?? ''} fill="none" stroke="#0072B2" strokeWidth={1.75} />
          </g>
          <g className="x-axis" transform={`translate(${M.left},${M.top + plotH})`} />
          <g className="y-axis" transform={`translate(${M.left},${M.top})`} />
          <text x={M.left + plotW} y={HEIGHT - 2} textAnchor="end" className="axis-unit">
            current ({t.inputUnit})
          </text>
          <text x={2} y={10} className="axis-unit">
            Hz
          </text>
        </svg>
      </div>
    </section>
  );
}
