import { useEffect, useId, useState } from 'react';

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
  const [text, setText] = useState(value === undefined ? '' : String(value));
  useEffect(() => setText(value === undefined ? '' : String(value)), [value]);
  const commit = () => {
    const trimmed = text.trim();
    if (trimmed === '' && optional) {
      if (value !== undefined) onCommit(undefined);
      return;
    }
    const v = Number(trimmed);
    if (trimmed === '' || !Number.isFinite(v)) {
      setText(value === undefined ? '' : String(value));
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
          if (e.key === 'Escape') setText(value === undefined ? '' : String(value));
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
