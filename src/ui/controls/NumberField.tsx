import { useEffect, useId, useState } from 'react';
import { displayNumber } from './displayNumber.ts';

interface Props {
  readonly label: string;
  readonly value: number | undefined;
  readonly unit?: string;
  readonly title?: string;
  readonly step?: number;
  readonly testId?: string;
  /** Returns false when the value was refused (the field then keeps the typed text and shows the error). */
  readonly onCommit: (value: number | undefined) => boolean;
  readonly error?: string | undefined;
  readonly optional?: boolean;
  readonly placeholder?: string;
}

/**
 * A number input that commits on Enter or blur (not per key, so a half-typed "0." never runs a
 * simulation) and shows why a value was refused right under the field.
 */
export function NumberField({ label, value, unit, title, step, testId, onCommit, error, optional, placeholder }: Props) {
  const id = useId();
  const [text, setText] = useState(value === undefined ? '' : displayNumber(value));
  useEffect(() => setText(value === undefined ? '' : displayNumber(value)), [value]);
  const commit = () => {
    const trimmed = text.trim();
    if (trimmed === '' && optional) {
      if (value !== undefined) onCommit(undefined);
      return;
    }
    // The field shows the value rounded for display (0.599999991059303 as 0.6): leaving it as shown is no edit.
    if (value !== undefined && trimmed === displayNumber(value)) return;
    const v = Number(trimmed);
    if (trimmed === '' || !Number.isFinite(v)) {
      setText(value === undefined ? '' : displayNumber(value));
      return;
    }
    if (v !== value) onCommit(v);
  };
  return (
    <div className="field">
      <label htmlFor={id} title={title}>
        {label}
        {unit ? <span className="unit"> ({unit})</span> : null}
      </label>
      <input
        id={id}
        data-testid={testId}
        type="number"
        step={step ?? 'any'}
        value={text}
        placeholder={placeholder}
        aria-invalid={error ? true : undefined}
        onChange={(e) => setText(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
          if (e.key === 'Escape') setText(value === undefined ? '' : displayNumber(value));
        }}
      />
      {error ? (
        <div className="field-error" role="alert">
          {error}
        </div>
      ) : null}
    </div>
  );
}
