import { scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';
import { useId, useState } from 'react';
import { useStore } from '../../store/index.ts';
import { fastSigmoidDerivative, heaviside, sampleCurve, SURROGATE_SLOPE, SURROGATE_X, surrogateHalfWidth } from './surrogateCurves.ts';

const W = 300;
const H = 120;
const M = { left: 30, right: 8, top: 8, bottom: 22 };
// Okabe–Ito blue and vermillion: told apart with any colour vision, and dashed vs solid besides.
const STEP_COLOUR = '#0072B2';
const SURROGATE_COLOUR = '#D55E00';
/** The vermillion darkened for text, which needs 4.5:1 on white (the line keeps the palette's). */
const SURROGATE_TEXT = '#A84A00';

/** One small plot: a curve (or a few) over x = v − θ with its axis ticks. */
function Plot({ title, yMax, children }: { title: string; yMax: number; children: (x: (v: number) => number, y: (v: number) => number) => React.ReactNode }) {
  const x = scaleLinear().domain(SURROGATE_X).range([M.left, W - M.right]);
  const y = scaleLinear().domain([0, yMax]).range([H - M.bottom, M.top]);
  return (
    <svg viewBox={`0 0 ${W} ${H}`} className="lesson-figure-plot" role="img" aria-label={title}>
      <line x1={M.left} x2={W - M.right} y1={y(0)} y2={y(0)} stroke="#888" />
      <line x1={x(0)} x2={x(0)} y1={M.top} y2={H - M.bottom} stroke="#bbb" strokeDasharray="2 3" />
      {x.ticks(4).map((t) => (
        <text key={t} x={x(t)} y={H - 6} textAnchor="middle" fontSize={10} fill="#444">
          {t === 0 ? 'θ' : t}
        </text>
      ))}
      {y.ticks(2).map((t) => (
        <text key={t} x={M.left - 4} y={y(t) + 3} textAnchor="end" fontSize={10} fill="#444">
          {t}
        </text>
      ))}
      {children(x, y)}
    </svg>
  );
}

/**
 * Why a spike has no gradient, shown: the spike is a step in the membrane (left), whose derivative
 * is zero everywhere and undefined at the threshold; training uses a surrogate derivative instead
 * (right, fast sigmoid), whose width the slope sets. Moving the slider records the lesson action
 * `figure:surrogate-slope`.
 */
export function SurrogateFigure() {
  const [slope, setSlope] = useState<number>(SURROGATE_SLOPE.start);
  const sliderId = useId();
  const path = (pts: [number, number][], x: (v: number) => number, y: (v: number) => number) => line<[number, number]>((p) => x(p[0]), (p) => y(p[1]))(pts) ?? '';
  return (
    <figure className="lesson-figure" data-testid="figure-surrogate">
      <div className="lesson-figure-plots">
        <Plot title="The spike function, a step at the threshold θ: its derivative is zero everywhere and undefined at θ" yMax={1}>
          {(x, y) => (
            <>
              <path d={path(sampleCurve(heaviside, 401), x, y)} fill="none" stroke={STEP_COLOUR} strokeWidth={2} />
              <circle cx={x(0)} cy={y(1)} r={3} fill={STEP_COLOUR} />
              <circle cx={x(0)} cy={y(0)} r={3} fill="#fff" stroke={STEP_COLOUR} />
            </>
          )}
        </Plot>
        <Plot title={`Its derivative (dashed: 0, undefined at θ) and the fast-sigmoid surrogate with slope ${slope}`} yMax={1}>
          {(x, y) => (
            <>
              <line x1={x(SURROGATE_X[0])} x2={x(SURROGATE_X[1])} y1={y(0)} y2={y(0)} stroke={STEP_COLOUR} strokeWidth={2} strokeDasharray="5 3" />
              <text x={x(0) + 4} y={M.top + 8} fontSize={10} fill={STEP_COLOUR}>
                undefined at θ
              </text>
              <path d={path(sampleCurve((v) => fastSigmoidDerivative(v, slope)), x, y)} fill="none" stroke={SURROGATE_COLOUR} strokeWidth={2} data-testid="surrogate-curve" />
            </>
          )}
        </Plot>
      </div>
      <figcaption>
        <span style={{ color: STEP_COLOUR }}>Step H(v − θ)</span> and its derivative against the <span style={{ color: SURROGATE_TEXT }}>surrogate 1 / (k|v − θ| + 1)²</span>, which is{' '}
        {surrogateHalfWidth(slope).toFixed(2)}·θ wide at half its height.
      </figcaption>
      <label className="lesson-figure-slider" htmlFor={sliderId}>
        slope k <output data-testid="surrogate-slope">{slope}</output>
      </label>
      <input
        id={sliderId}
        type="range"
        min={SURROGATE_SLOPE.min}
        max={SURROGATE_SLOPE.max}
        step={1}
        value={slope}
        data-testid="surrogate-slope-slider"
        aria-describedby={`${sliderId}-about`}
        onChange={(e) => {
          setSlope(Number(e.target.value));
          useStore.getState().recordLessonAction('figure:surrogate-slope');
        }}
      />
      <span id={`${sliderId}-about`} className="visually-hidden">
        A steeper slope makes the surrogate narrower and taller near the threshold
      </span>
    </figure>
  );
}
