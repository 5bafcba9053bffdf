import { useState } from 'react';
import type { NumberEdit } from './numberFieldText.ts';

/**
 * A number input checked as it is typed: a valid value is handed on at once (`onValid`), a bad
 * one shows why under the field and nothing is handed on, so the last good value stays in use.
 * The text being typed is the field's own; the value it makes lives in the store. Remount (a new
 * `key`) to drop what is typed, as a Reset does.
 */
export function CheckedNumberField<T>({ id, label, title, unit, text, check, onValid, disabled = false }: {
  id: string;
  label: string;
  title: string;
  unit: string;
  /** The good value's text, shown when nothing is being typed. */
  text: string;
  check: (text: string) => NumberEdit<T>;
  onValid: (value: T) => void;
  disabled?: boolean;
}) {
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="checked-field">
      <label htmlFor={id} title={title}>
        {label}
      </label>
      <input
        id={id}
        data-testid={id}
        inputMode="decimal"
        value={draft ?? text}
        disabled={disabled}
        aria-invalid={error !== null}
        aria-describedby={error !== null ? `${id}-error` : undefined}
        onChange={(e) => {
          const typed = e.target.value;
          setDraft(typed);
          const edit = check(typed);
          if (edit.ok) {
            setError(null);
            onValid(edit.value);
          } else setError(edit.error);
        }}
        // A good value is shown as the store holds it once the field is left; a bad one stays to be fixed.
        onBlur={() => {
          if (error === null) setDraft(null);
        }}
      />
      <span className="checked-unit">{unit}</span>
      {error !== null ? (
        <div className="field-error checked-error" id={`${id}-error`} role="alert" data-testid={`${id}-error`}>
          {error}; the last good value stays in use.
        </div>
      ) : null}
    </div>
  );
}
