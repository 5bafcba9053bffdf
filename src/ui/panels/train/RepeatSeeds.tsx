import { useId, useState } from 'react';
import { REPEAT_DEFAULT, REPEAT_MAX, REPEAT_MIN } from '../../repeatSeeds.ts';

/** Why a typed count is not one (null when it is). */
export function repeatCountError(text: string): string | null {
  const n = Number(text);
  return Number.isInteger(n) && n >= REPEAT_MIN && n <= REPEAT_MAX && text.trim() !== '' ? null : `the number of seeds must be a whole number from ${REPEAT_MIN} to ${REPEAT_MAX}, not '${text}'`;
}

/**
 * "Repeat over N seeds": trains the workspace N times with seeds s, s + 1, … so its figures come
 * with their spread (one seed is not a result). The count is checked before anything starts.
 */
export function RepeatSeeds({ seed, disabled, onRepeat }: { seed: number; disabled: boolean; onRepeat: (count: number) => void }) {
  const id = useId();
  const [text, setText] = useState(String(REPEAT_DEFAULT));
  const error = repeatCountError(text);
  const n = error ? REPEAT_DEFAULT : Number(text);
  return (
    <div className="repeat-seeds">
      <label htmlFor={id}>seeds</label>
      <input id={id} type="number" min={REPEAT_MIN} max={REPEAT_MAX} step={1} value={text} data-testid="repeat-count" aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined} onChange={(e) => setText(e.target.value)} />
      <button type="button" data-testid="repeat-button" disabled={disabled || error !== null} title={`train ${n} times with seeds ${seed}–${seed + n - 1}, then show mean ± sd`} onClick={() => onRepeat(n)}>
        Repeat over {n} seeds
      </button>
      {error ? (
        <div className="field-error" role="alert" id={`${id}-error`}>
          {error}
        </div>
      ) : null}
    </div>
  );
}
