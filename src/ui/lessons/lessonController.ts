import type { Lesson } from '../../core/teach/lessonTypes.ts';
import type { useStore } from '../store/index.ts';
import type { LessonEntry } from '../store/lessonSlice.ts';
import { applyStep, cancelPresetLoad } from './applyStep.ts';
import { keepOpenLesson } from './keptOpenLesson.ts';
import { fetchBuiltInLessons, readLessonText } from './lessonFiles.ts';
import { fitProgress, markStep, type StepMark } from './lessonProgress.ts';

type AppStore = typeof useStore;

let catalogue: Promise<void> | null = null;

/** Loads the built-in lessons once (the Learn menu, a lesson link and a reload all wait on the same load). */
export function loadLessons(store: AppStore, baseUrl: string = import.meta.env.BASE_URL): Promise<void> {
  if (catalogue && store.getState().lessonsStatus !== 'error') return catalogue;
  store.getState().setLessons({ lessonsStatus: 'loading', lessonsError: null });
  catalogue = fetchBuiltInLessons(baseUrl).then(
    (builtIn) => {
      // A teacher's files opened meanwhile stay after the built-in ones.
      const own = store.getState().lessons.filter((e) => e.source === 'file');
      store.getState().setLessons({ lessonsStatus: 'ready', lessons: [...builtIn, ...own] });
    },
    (e: unknown) => store.getState().setLessons({ lessonsStatus: 'error', lessonsError: e instanceof Error ? e.message : String(e) }),
  );
  return catalogue;
}

/** Shows step `index` of the open lesson and remembers it as the last one seen (`preset` false keeps the workspace shown). */
export function goToStep(store: AppStore, index: number, options: { readonly preset: boolean } = { preset: true }): void {
  const open = store.getState().activeLesson;
  if (!open) return;
  const { lesson } = open;
  const i = Math.min(Math.max(0, index), lesson.steps.length - 1);
  const step = lesson.steps[i];
  if (!step) return;
  store.getState().setLessonApplying(true);
  store.getState().setActiveLesson({ ...open, step: i });
  const p = fitProgress(store.getState().lessonProgress[lesson.id], lesson.steps.length);
  store.getState().setLessonProgress(lesson.id, { ...p, last: i });
  const applied = applyStep(store, step, lesson.title, options);
  // Only the last step's setup clears the flag (a quick Next after Next waits for its own preset).
  void applied.finally(() => {
    if (store.getState().activeLesson?.step === i) store.getState().setLessonApplying(false);
  });
}

/** Opens a lesson at a step (0-based; by default where the student left it). */
export function startLesson(store: AppStore, lesson: Lesson, source: LessonEntry['source'], step?: number, options: { readonly preset: boolean } = { preset: true }): void {
  const kept = fitProgress(store.getState().lessonProgress[lesson.id], lesson.steps.length);
  store.getState().setLessonNotice(null);
  store.getState().setLessonApplying(true);
  store.getState().setActiveLesson({ lesson, source, step: 0 });
  keepOpenLesson(source === 'file' ? { source, id: lesson.id, lesson } : { source, id: lesson.id });
  goToStep(store, step ?? kept.last, options);
}

/** Marks the step shown (done by its task, or skipped), keeping the mark in this browser. */
export function markCurrentStep(store: AppStore, mark: Exclude<StepMark, null>): void {
  const open = store.getState().activeLesson;
  if (!open) return;
  const p = fitProgress(store.getState().lessonProgress[open.lesson.id], open.lesson.steps.length);
  const next = markStep(p, open.step, mark);
  if (next !== p || !store.getState().lessonProgress[open.lesson.id]) store.getState().setLessonProgress(open.lesson.id, next);
}

/** Skip: the step is marked skipped (not done) and the next one shown (the last step's skip ends the lesson). */
export function skipStep(store: AppStore): void {
  const open = store.getState().activeLesson;
  if (!open) return;
  markCurrentStep(store, 'skipped');
  if (open.step < open.lesson.steps.length - 1) goToStep(store, open.step + 1);
  else exitLesson(store);
}

/** Next (Finish on the last step): a step without a task is done by reading it; the task's check marks the others. */
export function nextStep(store: AppStore): void {
  const open = store.getState().activeLesson;
  if (!open) return;
  if (!open.lesson.steps[open.step]?.task) markCurrentStep(store, 'done');
  if (open.step < open.lesson.steps.length - 1) goToStep(store, open.step + 1);
  else exitLesson(store);
}

/** Leaves the lesson (its progress stays) and presenter mode with it. */
export function exitLesson(store: AppStore): void {
  cancelPresetLoad();
  store.getState().setActiveLesson(null);
  keepOpenLesson(null);
}

/**
 * Opens a teacher's lesson file (the file input or a drop): a valid lesson is added to the list
 * and opened; a file with problems is listed with them and the notice shows each by path.
 */
export async function openLessonFile(store: AppStore, file: File): Promise<boolean> {
  let text: string;
  try {
    text = await file.text();
  } catch (e) {
    store.getState().setLessonNotice({ text: `${file.name} could not be read: ${e instanceof Error ? e.message : String(e)}`, problems: [] });
    return false;
  }
  const entry = readLessonText(file.name, text, 'file');
  const others = store.getState().lessons.filter((e) => !(e.source === 'file' && (e.file === entry.file || (entry.lesson && e.lesson?.id === entry.lesson.id))));
  store.getState().setLessons({ lessons: [...others, entry] });
  if (!entry.lesson) {
    store.getState().setLessonNotice({ text: `${file.name} is not a lesson this page can run: ${entry.problems.length === 1 ? '1 problem' : `${entry.problems.length} problems`}`, problems: entry.problems });
    return false;
  }
  startLesson(store, entry.lesson, 'file');
  return true;
}
