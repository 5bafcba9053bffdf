/** The class that outlines a highlighted control (lesson.css: outline + a pulse, static under reduced motion). */
const CLASS = 'lesson-highlight';

/** Adds `id` to an element's aria-describedby (keeping what it had). */
function describeBy(el: Element, id: string): void {
  const ids = (el.getAttribute('aria-describedby') ?? '').split(/\s+/).filter((x) => x !== '' && x !== id);
  el.setAttribute('aria-describedby', [...ids, id].join(' '));
}

function undescribe(el: Element, id: string): void {
  const ids = (el.getAttribute('aria-describedby') ?? '').split(/\s+/).filter((x) => x !== '' && x !== id);
  if (ids.length > 0) el.setAttribute('aria-describedby', ids.join(' '));
  else el.removeAttribute('aria-describedby');
}

/**
 * Highlights the control a step points at (`[data-lesson-control=<name>]`): outlined, described by
 * the task (`describedBy`, so a screen reader says what to do with it), and scrolled into view when it
 * appears. Controls mount and unmount as views change (the preset loading,
 * the chip tab opening), so the page is watched and the highlight follows. Returns the undo.
 */
export function highlightControl(root: ParentNode & Node, name: string, describedBy: string | null): () => void {
  let scrolledTo: Element | null = null;
  let scrolls = 0;
  let marked: Element[] = [];
  const apply = () => {
    const found = [...root.querySelectorAll(`[data-lesson-control="${CSS.escape(name)}"]`)];
    for (const el of marked) if (!found.includes(el)) unmark(el);
    for (const el of found) {
      if (!el.classList.contains(CLASS)) el.classList.add(CLASS);
      if (describedBy && !(el.getAttribute('aria-describedby') ?? '').split(/\s+/).includes(describedBy)) describeBy(el, describedBy);
    }
    marked = found;
    const first = found[0];
    // Scrolled to when it appears, and again if the step's setup mounts it anew (a preset loading
    // replaces the panel); a few times at most, so a control that keeps re-mounting never pulls
    // the page away from the student. Instant: a smooth scroll is cut short by that re-layout.
    if (first && first !== scrolledTo && scrolls < 3) {
      scrolls++;
      scrolledTo = first;
      first.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    }
  };
  const unmark = (el: Element) => {
    el.classList.remove(CLASS);
    if (describedBy) undescribe(el, describedBy);
  };
  let frame = 0;
  const observer = new MutationObserver(() => {
    if (frame) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      apply();
    });
  });
  // Class changes too: a re-render that rewrites a control's class drops the outline, which comes back.
  observer.observe(root, { childList: true, subtree: true, attributes: true, attributeFilter: ['class'] });
  apply();
  return () => {
    observer.disconnect();
    if (frame) cancelAnimationFrame(frame);
    for (const el of marked) unmark(el);
    marked = [];
  };
}
