import { Fragment } from 'react';
import { formatEngineering } from '../../../core/format/engineering.ts';
import { useMappingResult } from './chipState.ts';
import './pipelineStrip.css';

/**
 * The stages of an SNN → accumulator → ANN network end to end, when the mapping has them: the SNN
 * on the chip, the counts over the host link, the ANN head on its device, each with its energy and
 * latency, then the totals and the mean power. The stages run one after another, so the totals are
 * the sums (the mapper's note says so too).
 */
export function PipelineStrip() {
  const r = useMappingResult();
  const p = r?.pipeline;
  if (!p) return null;
  return (
    <section className="panel pipeline" aria-label="Pipeline stages" data-testid="pipeline-strip">
      <h2>Pipeline per inference</h2>
      <ol className="pipeline-stages">
        {p.stages.map((s, i) => (
          <Fragment key={s.stage}>
            {i > 0 ? (
              <li className="pipeline-arrow" aria-hidden="true">
                →
              </li>
            ) : null}
            <li className="pipeline-stage" data-testid="pipeline-stage" data-latency-s={s.latencyS} data-energy-j={s.energyJ} title={s.detail}>
              <strong>{s.stage}</strong>
              <span data-testid="stage-energy">{formatEngineering(s.energyJ, 'J')}</span>
              <span data-testid="stage-latency">{formatEngineering(s.latencyS, 's')}</span>
              <span className="pipeline-detail">{s.detail}</span>
            </li>
          </Fragment>
        ))}
      </ol>
      <p className="pipeline-totals">
        total{' '}
        <span data-testid="pipeline-energy" data-energy-j={p.energyPerInferenceJ}>
          {formatEngineering(p.energyPerInferenceJ, 'J')}
        </span>
        ,{' '}
        <span data-testid="pipeline-latency" data-latency-s={p.latencyS}>
          {formatEngineering(p.latencyS, 's')}
        </span>
        , <span data-testid="pipeline-power">{formatEngineering(p.powerW, 'W')}</span> mean power
      </p>
      <p className="hint">stages run one after another: the chip's whole run, then {p.passes === 1 ? 'one transfer and one ANN pass' : `${p.passes} transfers and ANN passes (one per window)`}</p>
    </section>
  );
}
