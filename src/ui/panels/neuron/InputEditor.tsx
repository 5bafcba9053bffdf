import type { ReactNode } from 'react';
import { INPUT_PRESET_KINDS, neuronTeaching, presetInput } from '../../../core/teach/neuronTeaching.ts';
import type { InputShape } from '../../../core/teach/playgroundTypes.ts';
import { NumberField } from '../../controls/NumberField.tsx';
import { useStore } from '../../store/index.ts';

/** The preset buttons' labels. */
const PRESET_LABELS: Readonly<Record<(typeof INPUT_PRESET_KINDS)[number], string>> = { step: 'Step', ramp: 'Ramp', noise: 'Noise', spikeTrain: 'Spike train' };

/** The numbers of each input shape a user can type, with their units ('current' = the model's input unit). */
const INPUT_FIELDS: { readonly [K in InputShape['kind']]: readonly { readonly key: string; readonly label: string; readonly unit: 'current' | 'ms' | 'Hz' | '' }[] } = {
  step: [
    { key: 'amplitude', label: 'amplitude', unit: 'current' },
    { key: 'startMs', label: 'from', unit: 'ms' },
    { key: 'endMs', label: 'to', unit: 'ms' },
  ],
  ramp: [
    { key: 'from', label: 'from', unit: 'current' },
    { key: 'to', label: 'to', unit: 'current' },
  ],
  noise: [
    { key: 'mean', label: 'mean', unit: 'current' },
    { key: 'sd', label: 'spread (sd)', unit: 'current' },
    { key: 'seed', label: 'seed', unit: '' },
  ],
  spikeTrain: [
    { key: 'rateHz', label: 'rate', unit: 'Hz' },
    { key: 'weight', label: 'weight', unit: 'current' },
    { key: 'seed', label: 'seed', unit: '' },
  ],
  drawn: [],
};

/**
 * The input editor: preset shapes with their numbers editable (the keyboard's way to set the input),
 * the run's duration, and `children` (the input trace, which the mouse draws on).
 */
export function InputEditor({ children }: { children: ReactNode }) {
  const setup = useStore((s) => s.playground);
  const edit = useStore((s) => s.editPlayground);
  const teaching = neuronTeaching(setup.neuron.model);
  const input = setup.input;
  const unitOf = (u: string) => (u === 'current' ? teaching.inputUnit : u);
  return (
    <section className="pg-input" data-lesson-control="pg-input" aria-label="Input current">
      {children}
      <div className="pg-input-presets" role="group" aria-label="Input presets">
        {INPUT_PRESET_KINDS.map((k) => (
          <button key={k} type="button" data-testid={`pg-input-${k}`} aria-pressed={input.kind === k} onClick={() => edit({ kind: 'input', input: presetInput(k, teaching, setup.durationMs) })}>
            {PRESET_LABELS[k]}
          </button>
        ))}
        <span className="hint">{input.kind === 'drawn' ? `drawn (${input.points.length} points)` : 'or drag on the input trace to draw'}</span>
      </div>
      <div className="pg-input-fields">
        {INPUT_FIELDS[input.kind].map((f) => (
          <NumberField
            key={`${input.kind}-${f.key}`}
            label={f.label}
            unit={unitOf(f.unit)}
            testId={`pg-input-${f.key}`}
            value={(input as unknown as Record<string, number>)[f.key]}
            onCommit={(v) => v !== undefined && edit({ kind: 'input', input: { ...input, [f.key]: v } as InputShape }) === null}
          />
        ))}
        <NumberField label="duration" unit="ms" testId="pg-duration" value={setup.durationMs} onCommit={(v) => v !== undefined && edit({ kind: 'duration', durationMs: v }) === null} />
      </div>
    </section>
  );
}
