import { useId, useState } from 'react';
import { neuronModel } from '../../../core/neurons/index.ts';
import { neuronTeaching, teachableKinds, type ParamRange } from '../../../core/teach/neuronTeaching.ts';
import { NumberField } from '../../controls/NumberField.tsx';
import { displayNumber } from '../../controls/displayNumber.ts';
import { useStore } from '../../store/index.ts';

/** The neuron model select with the model's one-line summary. */
export function ModelPicker() {
  const kind = useStore((s) => s.playground.neuron.model);
  const edit = useStore((s) => s.editPlayground);
  const id = useId();
  return (
    <div className="pg-model">
      <label htmlFor={id}>Neuron model</label>
      <select id={id} data-testid="pg-model" data-lesson-control="pg-model" value={kind} onChange={(e) => edit({ kind: 'model', model: e.target.value })}>
        {teachableKinds().map((k) => (
          <option key={k} value={k}>
            {neuronModel(k).label}
          </option>
        ))}
      </select>
      <p className="hint">{neuronModel(kind).summary}</p>
    </div>
  );
}

/** One numeric parameter: its name, unit and meaning, a slider and a number field on the same value. */
function ParamSlider({ name, range, value, unit, doc }: { name: string; range: ParamRange; value: number; unit: string; doc: string }) {
  const edit = useStore((s) => s.editPlayground);
  const [error, setError] = useState<string | undefined>(undefined);
  const commit = (v: number) => {
    const refused = edit({ kind: 'param', name, value: v });
    setError(refused ?? undefined);
    return refused === null;
  };
  return (
    <div className="pg-param">
      <NumberField label={name} unit={unit} title={doc} testId={`pg-param-${name}-value`} value={value} error={error} onCommit={(v) => v !== undefined && commit(v)} />
      <input
        type="range"
        data-testid={`pg-param-${name}`}
        aria-label={`${name} (${unit || 'no unit'})`}
        aria-valuetext={displayNumber(value)}
        min={range.min}
        max={range.max}
        step={range.step}
        value={value}
        onChange={(e) => commit(Number(e.target.value))}
      />
      <div className="pg-param-doc">{doc}</div>
    </div>
  );
}

/** A slider and number for every numeric parameter, a select for every named one (reset). */
export function ParamSliders() {
  const setup = useStore((s) => s.playground);
  const edit = useStore((s) => s.editPlayground);
  const spec = setup.neuron;
  const model = neuronModel(spec.model);
  const t = neuronTeaching(spec.model);
  const fields = spec as unknown as Readonly<Record<string, number | string | undefined>>;
  const defaults = model.defaults as unknown as Readonly<Record<string, number | string | undefined>>;
  return (
    <section className="pg-params" data-lesson-control="pg-params" aria-label="Parameters">
      <h3>Parameters</h3>
      {Object.entries(model.paramDocs).map(([name, d]) => {
        const choices = t.choices[name];
        if (choices) {
          const value = String(fields[name] ?? defaults[name] ?? choices[0]);
          return (
            <div key={name} className="pg-param field">
              <label title={d.doc}>
                {name}
                <select data-testid={`pg-param-${name}`} value={value} onChange={(e) => edit({ kind: 'param', name, value: e.target.value })}>
                  {choices.map((c) => (
                    <option key={c} value={c}>
                      {c}
                    </option>
                  ))}
                </select>
              </label>
              <div className="pg-param-doc">{d.doc}</div>
            </div>
          );
        }
        const range = t.ranges[name];
        if (!range) return null;
        const set = fields[name];
        // An unset alternative (β while τ is given) shows the value in force, to 4 digits.
        const value = typeof set === 'number' ? set : Number((range.effective?.(spec, setup.dtMs) ?? Number(defaults[name] ?? range.min)).toPrecision(4));
        return <ParamSlider key={name} name={name} range={range} value={value} unit={d.unit} doc={d.doc} />;
      })}
    </section>
  );
}
