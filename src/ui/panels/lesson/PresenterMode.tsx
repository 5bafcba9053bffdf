import { useEffect } from 'react';
import { presenterCss } from '../../lessons/presenterPanels.ts';
import { useStore } from '../../store/index.ts';

/**
 * Presenter mode's stylesheet (only the step's panels, presenterCss) and its way out: Escape, unless
 * a dialog or a menu has the Escape (they close first).
 */
export function PresenterMode() {
  const presenting = useStore((s) => s.presenting && s.activeLesson !== null);
  const panels = useStore((s) => (s.activeLesson ? s.activeLesson.lesson.steps[s.activeLesson.step]?.panels : undefined));
  useEffect(() => {
    if (!presenting) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || e.defaultPrevented || document.querySelector('dialog[open], [aria-expanded="true"]')) return;
      useStore.getState().setPresenting(false);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [presenting]);
  if (!presenting) return null;
  return <style data-testid="presenter-style">{presenterCss(panels ?? null)}</style>;
}
