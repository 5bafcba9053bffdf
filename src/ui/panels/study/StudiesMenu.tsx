import { useCallback, useRef, useState } from 'react';
import { STUDIES } from '../../../core/study/studyRegistry.ts';
import { useStore } from '../../store/index.ts';
import { openStudy } from '../../studyController.ts';
import { usePopoverDismiss } from '../usePopoverDismiss.ts';

/**
 * The header's Studies menu: every study of the registry, by title; choosing one opens it in the
 * Study tab. Closes on Escape, on a press outside, and after a choice.
 */
export function StudiesMenu() {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const toggle = useRef<HTMLButtonElement>(null);
  const close = useCallback(() => setOpen(false), []);
  usePopoverDismiss(open, close, root, toggle);
  const current = useStore((s) => s.studyId);
  const studies = Object.values(STUDIES);
  return (
    <div className="studies-menu" ref={root}>
      <button type="button" ref={toggle} data-testid="studies-menu" aria-haspopup="menu" aria-expanded={open} aria-controls="studies-menu-items" onClick={() => setOpen((o) => !o)}>
        Studies ▾
      </button>
      {open ? (
        <ul className="studies-menu-items" id="studies-menu-items" role="menu" aria-label="Studies">
          {studies.length === 0 ? <li className="hint">No studies yet.</li> : null}
          {studies.map((d) => (
            <li key={d.id} role="none">
              <button
                type="button"
                role="menuitem"
                data-testid={`study-item-${d.id}`}
                aria-current={current === d.id ? 'true' : undefined}
                onClick={() => {
                  openStudy(useStore, d.id);
                  close();
                }}
              >
                {d.title}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
