import { useId, useState } from 'react';
import { neuronModel } from '../../../core/neurons/index.ts';
import { neuronTeaching, teachableKinds } from '../../../core/teach/neuronTeaching.ts';
import type { PlaygroundPair } from '../../../core/teach/playgroundTypes.ts';
import { NumberField } from '../../controls/NumberField.tsx';
import { useStore } from '../../store/index.ts';

/** The pair a first toggle opens: an LIF that one spike of the first makes fire (weight above its θ), 2 ms later. */
const FIRST_PAIR: PlaygroundPair = { neuron: neuronTeaching('lif').start, weight: 1.2, delayMs: 2 };

/** The pair view's toggle and its synapse: the second neuron's model, the weight and the delay. */
export function PairControls() {
  const pair = useStore((s) => s.playground.pair);
  const edit = useStore((s) => s.editPlayground);
  const [error, setError] = useState<string | undefined>(undefined);
  const id = useId();
  const set = (next: PlaygroundPair | null) => {
    const refused = edit({ kind: 'pair', pair: next });
    setError(refused ?? undefined);
    return refused === null;
  };
  return (
    <section className="pg-pair" data-lesson-control="pg-pair" aria-label="Pair of neurons">
      <label className="pg-check">
        <input type="checkbox" data-testid="pg-pair" checked={pair !== null} onChange={(e) => set(e.target.checked ? FIRST_PAIR : null)} />
        Pair: a second neuron fed by the first’s spikes
      </label>
      {pair ? (
        <div className="pg-pair-fields">
          <div className="field">
            <label htmlFor={id}>second neuron</label>
            <select id={id} data-testid="pg-pair-model" value={pair.neuron.model} onChange={(e) => set({ ...pair, neuron: neuronTeaching(e.target.value).start })}>
              {teachableKinds().map((k) => (
                <option key={k} value={k}>
                  {neuronModel(k).label}
                </option>
              ))}
            </select>
          </div>
          <NumberField label="weight" unit="input per spike" title="current the second neuron receives per spike of the first" testId="pg-pair-weight" value={pair.weight} error={error} onCommit={(v) => v !== undefined && set({ ...pair, weight: v })} />
          <NumberField label="delay" unit="ms" title="time from a spike of the first to its effect on the second" testId="pg-pair-delay" value={pair.delayMs} onCommit={(v) => v !== undefined && set({ ...pair, delayMs: v })} />
        </div>
      ) : null}
    </section>
  );
}
