import { useRef, useState } from 'react';
import { lessonLinkUrl } from '../../lessons/lessonLink.ts';

/**
 * "Copy link to this step": the classroom link (`#lesson=<id>&step=<n>`, with `&present=1` in
 * presenter mode) to the clipboard; without clipboard permission the link shows selected in a
 * field to copy by hand, as the share dialog does.
 */
export function CopyStepLink({ id, step, present }: { id: string; step: number; present: boolean }) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const field = useRef<HTMLInputElement>(null);
  const url = lessonLinkUrl(location.href, id, step, present);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      setState('copied');
    } catch {
      setState('failed');
      // The field renders on this state change; select it once it is there.
      requestAnimationFrame(() => field.current?.select());
    }
  };
  return (
    <div className="lesson-copy">
      <button type="button" data-testid="lesson-copy-link" onClick={() => void copy()}>
        Copy link to this step
      </button>
      <span role="status" className="hint">
        {state === 'copied' ? 'Copied.' : state === 'failed' ? 'Copy it from the field:' : ''}
      </span>
      {state === 'failed' ? <input ref={field} className="lesson-copy-url" readOnly value={url} aria-label="link to this step" data-testid="lesson-link-url" onFocus={(e) => e.target.select()} /> : null}
    </div>
  );
}
