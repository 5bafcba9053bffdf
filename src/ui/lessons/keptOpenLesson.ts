import type { Lesson } from '../../core/teach/lessonTypes.ts';

/** sessionStorage key of the lesson open in this tab, so a reload comes back to it. */
const KEY = 'spikelab.lessonOpen.v1';

/**
 * The lesson open in this tab: a built-in one by id; a teacher's file with its text (it is not on
 * the server to fetch again), validated again when it is read back.
 */
export type KeptOpenLesson = { readonly source: 'built-in'; readonly id: string } | { readonly source: 'file'; readonly id: string; readonly lesson: Lesson };

function session(): Storage | undefined {
  try {
    return globalThis.sessionStorage;
  } catch {
    return undefined;
  }
}

/** What the tab had open before a reload (null when nothing, or when it is unreadable). */
export function readKeptOpenLesson(): { source: string; id: string; lesson?: unknown } | null {
  try {
    const raw: unknown = JSON.parse(session()?.getItem(KEY) ?? 'null');
    if (typeof raw !== 'object' || raw === null) return null;
    const { source, id, lesson } = raw as { source?: unknown; id?: unknown; lesson?: unknown };
    return typeof source === 'string' && typeof id === 'string' ? { source, id, lesson } : null;
  } catch {
    return null;
  }
}

/** Keeps (or, with null, forgets) the lesson open in this tab. */
export function keepOpenLesson(kept: KeptOpenLesson | null): void {
  try {
    if (kept) session()?.setItem(KEY, JSON.stringify(kept));
    else session()?.removeItem(KEY);
  } catch {
    // A full or refused storage only means a reload does not reopen the lesson.
  }
}
