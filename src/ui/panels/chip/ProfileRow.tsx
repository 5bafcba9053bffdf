import { useEffect, useState } from 'react';
import type { ChipProfile } from '../../../core/hardware/chipProfile.ts';
import { overrideError, type ProfileField } from './profileFields.ts';

interface Props {
  readonly field: ProfileField;
  readonly profile: ChipProfile;
  readonly overrides: Readonly<Record<string, number | boolean>>;
  /** Sets the override (undefined removes it); returns false when the workspace refused it. */
  readonly onSet: (value: number | boolean | undefined) => boolean;
}

const shown = (v: number | boolean | null | string | undefined) => (v === null || v === undefined ? '' : String(v));

/**
 * One figure of the profile editor. A number commits on Enter or blur; it is checked against the
 * profile's rules first and a refusal is explained beside the field. Typing the built-in value
 * again, or clearing the field, removes the override.
 */
export function ProfileRow({ field, profile, overrides, onSet }: Props) {
  const current = field.override ?? field.base;
  const [text, setText] = useState(shown(current));
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setText(shown(current));
    setError(null);
  }, [current]);
  const edited = field.override !== undefined;
  const commit = () => {
    const t = text.trim();
    if (t === '' || Number(t) === field.base) {
      setError(null);
      if (edited) onSet(undefined);
      else setText(shown(current));
      return;
    }
    const v = Number(t);
    if (!Number.isFinite(v)) return setError('not a number');
    if (v === current) return setError(null);
    const refused = overrideError(profile, overrides, field.path, v);
    if (refused) return setError(refused);
    setError(onSet(v) ? null : 'the workspace refused this value');
  };
  const id = `profile-${field.path}`;
  let input;
  if (field.kind === 'boolean')
    input = <input id={id} type="checkbox" data-testid={`profile-input-${field.path}`} checked={current === true} onChange={(e) => onSet(e.target.checked === field.base ? undefined : e.target.checked)} />;
  else if (field.kind === 'list') input = <span data-testid={`profile-input-${field.path}`}>{shown(field.base)}</span>;
  else
    input = (
      <input
        id={id}
        type="number"
        step="any"
        data-testid={`profile-input-${field.path}`}
        value={text}
        placeholder={field.kind === 'limit' ? 'no limit' : ''}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(e) => setText(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
          if (e.key === 'Escape') {
            setText(shown(current));
            setError(null);
          }
        }}
      />
    );
  return (
    <tr className={edited ? 'edited' : undefined} data-testid={`profile-row-${field.path}`} data-status={field.status ?? ''}>
      <th scope="row">
        <label htmlFor={id}>{field.path}</label>
        {field.operation ? <span className="hint op" data-testid={`profile-op-${field.path}`}>per {field.operation}</span> : null}
      </th>
      <td>
        {input}
        {edited ? (
          <button type="button" className="reset" data-testid={`profile-reset-${field.path}`} aria-label={`reset ${field.path} to ${shown(field.base) || 'no limit'}`} onClick={() => onSet(undefined)}>
            ↺
          </button>
        ) : null}
        {error ? (
          <div className="field-error" role="alert" id={`${id}-error`} data-testid={`profile-error-${field.path}`}>
            {error}
          </div>
        ) : null}
      </td>
      <td>
        <span className={`badge status-${field.status ?? 'none'}`}>{field.status ?? '—'}</span>
      </td>
      <td className="source">{edited ? `built-in ${shown(field.base) || 'no limit'}: ${field.source}` : field.source}</td>
    </tr>
  );
}
