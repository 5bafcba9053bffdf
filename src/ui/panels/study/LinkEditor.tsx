import { useState } from 'react';
import type { LinkModel } from '../../../core/hardware/linkModel.ts';
import { useStore } from '../../store/index.ts';
import { resetOffloadLink, setOffloadLink } from '../../studyOffloadController.ts';
import { editLinkField, LINK_FIELDS, linkFieldText } from './linkFields.ts';

/**
 * The edge's link to the cloud, one field per LINK_FIELDS entry with its unit. A valid value
 * becomes the task's link at once (the curves redraw); a bad one shows why under its field and
 * the last good link stays. Reset returns to the study's default link. The text being typed is
 * this editor's own; the link it makes lives in the study slice.
 */
export function LinkEditor({ task, link, edited }: { task: string; link: LinkModel; edited: boolean }) {
  const [drafts, setDrafts] = useState<Readonly<Record<string, string>>>({});
  const [errors, setErrors] = useState<Readonly<Record<string, string>>>({});
  const without = (o: Readonly<Record<string, string>>, key: string) => Object.fromEntries(Object.entries(o).filter(([k]) => k !== key));
  return (
    <fieldset className="offload-link" data-testid="offload-link">
      <legend>Link to the cloud</legend>
      {LINK_FIELDS.map((f) => {
        const id = `offload-link-${f.key}`;
        const error = errors[f.key];
        return (
          <div key={f.key} className="offload-link-field">
            <label htmlFor={id} title={f.title}>
              {f.label}
            </label>
            <input
              id={id}
              data-testid={id}
              inputMode="decimal"
              value={drafts[f.key] ?? linkFieldText(link, f)}
              aria-invalid={error !== undefined}
              aria-describedby={error !== undefined ? `${id}-error` : undefined}
              onChange={(e) => {
                const text = e.target.value;
                setDrafts((d) => ({ ...d, [f.key]: text }));
                const edit = editLinkField(link, f, text);
                if (edit.ok) {
                  setErrors((x) => without(x, f.key));
                  setOffloadLink(useStore, task, edit.link);
                } else setErrors((x) => ({ ...x, [f.key]: edit.error }));
              }}
              // A good value is shown as the link holds it once the field is left; a bad one stays to be fixed.
              onBlur={() => {
                if (errors[f.key] === undefined) setDrafts((d) => without(d, f.key));
              }}
            />
            <span className="offload-unit">{f.unit}</span>
            {error !== undefined ? (
              <div className="field-error offload-link-error" id={`${id}-error`} role="alert" data-testid="offload-link-error">
                {error}; the curves keep the last good link.
              </div>
            ) : null}
          </div>
        );
      })}
      <button
        type="button"
        data-testid="offload-link-reset"
        disabled={!edited && Object.keys(errors).length === 0}
        title="back to the study's default link"
        onClick={() => {
          setDrafts({});
          setErrors({});
          resetOffloadLink(useStore, task);
        }}
      >
        Reset link
      </button>
    </fieldset>
  );
}
