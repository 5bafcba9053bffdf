import { useCallback, useRef, useState, type ReactNode } from 'react';
import { usePopoverDismiss } from './usePopoverDismiss.ts';

/**
 * The header's file buttons (model, workspace file, NIR). On a wide page they sit in the header
 * row like any other control (the wrapper is `display: contents`); below 1100 px the stylesheet
 * folds them behind a “Files” button, so the header keeps two rows. The menu closes on Escape, on a
 * press outside it, and after one of its buttons did its job (the file inputs stay mounted, so a
 * file chosen after the menu closed still arrives).
 */
export function HeaderFileMenu({ children }: { children: ReactNode }) {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const toggle = useRef<HTMLButtonElement>(null);
  const close = useCallback(() => setOpen(false), []);
  usePopoverDismiss(open, close, root, toggle);
  return (
    <div className="file-menu" ref={root} data-open={open}>
      <button type="button" ref={toggle} className="file-menu-toggle" data-testid="file-menu-toggle" aria-expanded={open} aria-controls="file-menu-items" onClick={() => setOpen((o) => !o)}>
        Files ▾
      </button>
      <div
        className="file-menu-items"
        id="file-menu-items"
        onClick={(e) => {
          if (e.target instanceof HTMLButtonElement) close();
        }}
      >
        {children}
      </div>
    </div>
  );
}
