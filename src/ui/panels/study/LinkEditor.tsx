import { useState } from 'react';
import type { LinkModel } from '../../../core/hardware/linkModel.ts';
import { useStore } from '../../store/index.ts';
import { resetOffloadLink, setOffloadLink } from '../../studyOffloadController.ts';
import { CheckedNumberField } from './CheckedNumberField.tsx';
import { editLinkField, LINK_FIELDS, linkFieldText } from './linkFields.ts';

/**
 * The edge's link to the cloud, one checked field per LINK_FIELDS entry with its unit. A valid
 * value becomes the task's link at once (the curves redraw); a bad one shows why under its field
 * and the last good link stays. Reset returns to the study's default link.
 */
export function LinkEditor({ task, link, edited }: { task: string; link: LinkModel; edited: boolean }) {
  // Bumped by Reset: the fields remount and drop whatever is typed in them.
  const [resets, setResets] = useState(0);
  return (
    <fieldset className="offload-link" data-testid="offload-link">
      <legend>
        Link to the cloud{edited ? <span className="study-changed"> (edited)</span> : null}
      </legend>
      {LINK_FIELDS.map((f) => (
        <CheckedNumberField
          key={`${f.key}-${resets}`}
          id={`offload-link-${f.key}`}
          label={f.label}
          title={f.title}
          unit={f.unit}
          text={linkFieldText(link, f)}
          check={(text) => editLinkField(link, f, text)}
          onValid={(next) => setOffloadLink(useStore, task, next)}
        />
      ))}
      <button
        type="button"
        data-testid="offload-link-reset"
        title="back to the study's default link"
        onClick={() => {
          setResets((n) => n + 1);
          resetOffloadLink(useStore, task);
        }}
      >
        Reset link
      </button>
    </fieldset>
  );
}
