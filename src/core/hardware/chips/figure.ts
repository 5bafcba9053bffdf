import type { Provenance } from '../chipProfile.ts';

/**
 * Short constructors for provenance entries, one per CHIPS.md status tag, so a profile reads as
 * a table of figures and sources.
 */

/** [V]: checked against the primary text or the named repository's code. */
export function verified(source: string): Provenance {
  return { status: 'V', source };
}

/** [S]: transcribed consistently by two or more independent third parties. */
export function secondary(source: string): Provenance {
  return { status: 'S', source };
}

/** [U]: single source, marketing, or a stand-in chosen here; the text says which. */
export function unverified(source: string): Provenance {
  return { status: 'U', source };
}

/** Computed from other figures; the text gives the arithmetic. */
export function derived(source: string): Provenance {
  return { status: 'derived', source };
}
