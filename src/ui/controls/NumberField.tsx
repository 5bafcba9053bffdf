import { useEffect, useId, useState } from 'react';
import { displayNumber } from './displayNumber.ts';

interface Props {
  readonly label: string;
  readonly value: number | undefined;
  readonly unit?: string;
  readonly title?: string;
  readonly step?: number;
  readonly testId?: string;
  /**
   * Returns false when the value was refused: the field then shows the value in force again (the
   * network runs with it, so the field must not claim otherwise) and names the refused text beside the error.
   */
  readonly onCommit: (value: number | undefined) => boolean;
  readonly error?: string | undefined;
  readonly optional?: boolean;
  readonly placeholder?: string;
}

/** The text a field shows for a value. */
function shown(value: number | undefined): string {
  return value === undefined ? '' : displayNumber(value);
}

/**
 * A number input that commits on Enter or blur (not per key, so a half-typed "0." never runs a
 * simulation) and shows why a value was refused right under the field. It always shows the value
 * in force: after a refused edit, an undo or a redo alike.
 */
export function NumberField({ label, value, unit, title, step, testId, onCommit, error, optional, placeholder }: Props) {
  const id = useId();
  const [text, setText] = useState(shown(value));
  /** The text of the last refused commit, named in the error so the user sees what was not applied. */
  const [refused, setRefused] = useState<string | null>(null);
  useEffect(() => setText(shown(value)), [value]);
  const tryCommit = (v: number | undefined, typed: string) => {
    const accepted = onCommit(v);
    setRefused(accepted ? null : typed);
    // Accepted: the new value arrives as a prop. Refused: the old one stays in force, and shows.
    if (!accepted) setText(shown(value));
  };
  const commit = () => {
    const trimmed = text.trim();
    if (trimmed === '' && optional) {
      if (value !== undefined) tryCommit(undefined, '(empty)');
      return;
    }
    // The field shows the value rounded for display (0.599999991059303 as 0.6): leaving it as shown is no edit.
    if (value !== undefined && trimmed === displayNumber(value)) return;
    const v = Number(trimmed);
    if (trimmed === '' || !Number.isFinite(v)) {
      setText(shown(value));
      return;
    }
    if (v !== value) tryCommit(v, trimmed);
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
          if (e.key === 'Escape') setText(shown(value));
        }}
      />
      {error ? (
        <div className="field-error" role="alert" data-testid={testId ? `${testId}-error` : undefined}>
          {refused !== null ? `“${refused}” not applied (still ${shown(value) || 'default'}): ` : ''}
          {error}
        </div>
      ) : null}
    </div>
  );
}
