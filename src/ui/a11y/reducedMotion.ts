/**
 * The reader's "reduce motion" setting (an OS accessibility option browsers pass on as the
 * prefers-reduced-motion media feature). CSS animations and transitions are stopped for it by one
 * rule in app.css; motion started from script asks here: a smooth scroll becomes a jump, an
 * animated highlight stays still.
 */
export const REDUCED_MOTION_QUERY = '(prefers-reduced-motion: reduce)';

export function prefersReducedMotion(): boolean {
  return typeof matchMedia === 'function' && matchMedia(REDUCED_MOTION_QUERY).matches;
}

/** How to scroll something into view: smoothly, unless the reader asked for reduced motion. */
export const scrollBehavior = (): ScrollBehavior => (prefersReducedMotion() ? 'auto' : 'smooth');
