import { validateLessonText } from '../../core/teach/lessonSchema.ts';
import type { LessonEntry } from '../store/lessonSlice.ts';

/** Reads a lesson file's text: its size, JSON and format validated (validateLessonText), or the problems that stop it. */
export function readLessonText(file: string, text: string, source: LessonEntry['source']): LessonEntry {
  const v = validateLessonText(text);
  return v.ok ? { file, source, lesson: v.lesson, problems: [] } : { file, source, lesson: null, problems: v.problems };
}

/** The ordered lesson ids of public/lessons/index.json (`{ "lessons": ["id", …] }`), or an error that says what is wrong. */
export function readLessonIndex(json: unknown): string[] {
  const list = typeof json === 'object' && json !== null ? (json as { lessons?: unknown }).lessons : undefined;
  if (!Array.isArray(list) || !list.every((x): x is string => typeof x === 'string' && /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(x))) {
    throw new Error('lessons/index.json must be { "lessons": ["lesson-id", …] } with lower-case ids joined by "-"');
  }
  return list;
}

/**
 * Fetches the built-in lessons: the index, then every file it names, each validated on its own. A
 * file that is missing or invalid is listed with its problems; only a broken index fails the whole.
 */
export async function fetchBuiltInLessons(baseUrl: string, fetchFn: typeof fetch = fetch): Promise<LessonEntry[]> {
  const res = await fetchFn(`${baseUrl}lessons/index.json`);
  if (!res.ok) throw new Error(`could not load the lesson list (lessons/index.json: HTTP ${res.status})`);
  let index: unknown;
  try {
    index = JSON.parse(await res.text());
  } catch {
    throw new Error('the lesson list (lessons/index.json) is missing or not JSON');
  }
  const ids = readLessonIndex(index);
  return Promise.all(
    ids.map(async (id): Promise<LessonEntry> => {
      const file = `${id}.lesson.json`;
      try {
        const r = await fetchFn(`${baseUrl}lessons/${file}`);
        // A static server may answer a missing file with the page itself (a single-page fallback).
        const missing = !r.ok || (r.headers.get('content-type') ?? '').includes('text/html');
        if (missing) return { file, source: 'built-in', lesson: null, problems: [{ path: '(file)', message: `the index lists it but the server does not have it (HTTP ${r.status}${r.ok ? ', a web page' : ''})` }] };
        const entry = readLessonText(file, await r.text(), 'built-in');
        if (entry.lesson && entry.lesson.id !== id) {
          return { ...entry, lesson: null, problems: [{ path: 'id', message: `the index names it '${id}' but the file says '${entry.lesson.id}'` }] };
        }
        return entry;
      } catch (e) {
        return { file, source: 'built-in', lesson: null, problems: [{ path: '(file)', message: `could not load it: ${e instanceof Error ? e.message : String(e)}` }] };
      }
    }),
  );
}
