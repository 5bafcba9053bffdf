import { renderEquation } from '../../../core/teach/neuronTeaching.ts';
import { useStore } from '../../store/index.ts';

/** The model's update equations: with symbols, and the same lines with the values in force (updating as sliders move). */
export function EquationBox() {
  const setup = useStore((s) => s.playground);
  const eq = renderEquation(setup.neuron, setup.dtMs);
  return (
    <section className="pg-equation" data-testid="pg-equation" data-lesson-control="pg-equation" aria-label="Equation">
      <div className="pg-eq-col">
        <div className="pg-eq-head">equation</div>
        {eq.symbolic.map((l, i) => (
          <code key={i}>{l}</code>
        ))}
      </div>
      <div className="pg-eq-col" data-testid="pg-equation-values">
        <div className="pg-eq-head">with the values now (Δt = {setup.dtMs} ms)</div>
        {eq.substituted.map((l, i) => (
          <code key={i}>{l}</code>
        ))}
      </div>
    </section>
  );
}
