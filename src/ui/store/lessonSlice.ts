import type { StateCreator } from 'zustand';
import type { Lesson, TaskVerdict } from '../../core/teach/lessonTypes.ts';
import type { LessonProblem } from '../../core/teach/lessonSchema.ts';
import { keepProgress, readKeptProgress } from '../lessons/keptLessonProgress.ts';
import type { LessonProgress } from '../lessons/lessonProgress.ts';
import type { Store } from './index.ts';

/**
 * A lesson file the page knows: a built-in one (public/lessons) or one a teacher opened. A file
 * that failed validation is kept with its problems, so the list can say what is wrong with it.
 */
export interface LessonEntry {
  /** The file's name (`spikes-and-membranes.lesson.json`). */
  readonly file: string;
  readonly source: 'built-in' | 'file';
  /** The validated lesson, or null when the file has problems. */
  readonly lesson: Lesson | null;
  readonly problems: readonly LessonProblem[];
}

/** The lesson being taken: which one and the step shown (0-based). */
export interface ActiveLesson {
  readonly lesson: Lesson;
  readonly step: number;
  readonly source: 'built-in' | 'file';
}

/** A notice about lessons: a link that names an unknown lesson, a file with problems. */
export interface LessonNotice {
  readonly text: string;
  readonly problems: readonly LessonProblem[];
}

/** The live check of the step's task (taskCheckController.ts): its last verdict and the student's failed tries. */
export interface LessonCheck {
  readonly verdict: TaskVerdict | null;
  /** Checks that failed right after the student changed something: the hint shows after a few. */
  readonly tries: number;
}

/** Lessons: the catalogue, the lesson open and its step, the actions recorded in the step, progress, presenter mode. */
export interface LessonSlice {
  lessonsStatus: 'idle' | 'loading' | 'ready' | 'error';
  lessonsError: string | null;
  lessons: readonly LessonEntry[];
  setLessons(patch: Partial<Pick<LessonSlice, 'lessonsStatus' | 'lessonsError' | 'lessons'>>): void;
  activeLesson: ActiveLesson | null;
  setActiveLesson(a: ActiveLesson | null): void;
  /** Things the student did in this step that leave no other trace (LessonContext.actions); cleared on each step. */
  lessonActions: readonly string[];
  /** Records an action (`figure:surrogate-slope`, `pattern:<id>`); the same action twice in a row is kept once. */
  recordLessonAction(a: string): void;
  clearLessonActions(): void;
  /** Progress per lesson id, kept in this browser. */
  lessonProgress: Readonly<Record<string, LessonProgress>>;
  setLessonProgress(id: string, p: LessonProgress): void;
  /** Presenter mode: large type, only the step's panels. */
  presenting: boolean;
  setPresenting(on: boolean): void;
  lessonNotice: LessonNotice | null;
  setLessonNotice(n: LessonNotice | null): void;
  lessonCheck: LessonCheck;
  setLessonCheck(c: LessonCheck): void;
  /** True while a step sets the page up (its preset loading): those changes are not the student's tries. */
  lessonApplying: boolean;
  setLessonApplying(on: boolean): void;
}

/** How many of a step's actions are kept: the most an `action-done` task may ask for (pageTasks.ts). */
export const LESSON_ACTIONS_KEPT = 200;

export const createLessonSlice: StateCreator<Store, [], [], LessonSlice> = (set, get) => ({
  lessonsStatus: 'idle',
  lessonsError: null,
  lessons: [],
  setLessons: (patch) => set(patch),
  activeLesson: null,
  setActiveLesson: (activeLesson) => set(activeLesson ? { activeLesson } : { activeLesson, presenting: false }),
  lessonActions: [],
  recordLessonAction: (a) => {
    // Every action counts (a task may ask for one `times` times); a long session of slider moves
    // stays bounded at the 200 a task may ask for at most.
    set({ lessonActions: [...get().lessonActions.slice(-(LESSON_ACTIONS_KEPT - 1)), a] });
  },
  clearLessonActions: () => {
    if (get().lessonActions.length > 0) set({ lessonActions: [] });
  },
  lessonProgress: readKeptProgress(),
  setLessonProgress: (id, p) => {
    set({ lessonProgress: { ...get().lessonProgress, [id]: p } });
    keepProgress(id, p);
  },
  presenting: false,
  setPresenting: (presenting) => set({ presenting }),
  lessonNotice: null,
  setLessonNotice: (lessonNotice) => set({ lessonNotice }),
  lessonCheck: { verdict: null, tries: 0 },
  setLessonCheck: (lessonCheck) => set({ lessonCheck }),
  lessonApplying: false,
  setLessonApplying: (lessonApplying) => set({ lessonApplying }),
});
