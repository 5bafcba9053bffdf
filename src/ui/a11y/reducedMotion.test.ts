import { afterEach, describe, expect, it, vi } from 'vitest';
import { prefersReducedMotion, scrollBehavior } from './reducedMotion.ts';

/** A matchMedia that answers the reduced-motion query as `reduce` says. */
const stubMotion = (reduce: boolean) =>
  vi.stubGlobal('matchMedia', (q: string) => ({ matches: q === '(prefers-reduced-motion: reduce)' && reduce, media: q }));

afterEach(() => vi.unstubAllGlobals());

describe('prefersReducedMotion', () => {
  it('follows the reader’s setting, and scrolls jump instead of gliding when motion is reduced', () => {
    stubMotion(true);
    expect(prefersReducedMotion()).toBe(true);
    expect(scrollBehavior()).toBe('auto');
    stubMotion(false);
    expect(prefersReducedMotion()).toBe(false);
    expect(scrollBehavior()).toBe('smooth');
  });

  it('is false where there is no matchMedia (a worker, Node)', () => {
    vi.stubGlobal('matchMedia', undefined);
    expect(prefersReducedMotion()).toBe(false);
  });
});
