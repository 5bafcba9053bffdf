import { parseProgress, type LessonProgress } from './lessonProgress.ts';

/** localStorage key prefix of a lesson's progress: this browser's, not part of any workspace. */
const PREFIX = 'spikelab.lesson.v1.';

/** Every lesson's progress kept by earlier visits ({} when none, or when storage is unavailable). */
export function readKeptProgress(): Record<string, LessonProgress> {
  const out: Record<string, LessonProgress> = {};
  try {
    const ls = globalThis.localStorage;
    if (!ls) return out;
    for (let i = 0; i < ls.length; i++) {
      const key = ls.key(i);
      if (!key?.startsWith(PREFIX)) continue;
      let raw: unknown;
      try {
        raw = JSON.parse(ls.getItem(key) ?? 'null');
      } catch {
        continue;
      }
      const p = parseProgress(raw);
      if (p) out[key.slice(PREFIX.length)] = p;
    }
  } catch {
    // Progress is a convenience: lessons run without it.
  }
  return out;
}

/** Keeps one lesson's progress for the next visit; a full or refused storage only loses the progress. */
export function keepProgress(id: string, p: LessonProgress): void {
  try {
    globalThis.localStorage?.setItem(PREFIX + id, JSON.stringify(p));
  } catch {
    // As above: nothing else depends on it.
  }
}
