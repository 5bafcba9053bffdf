import type { LessonTask, TaskVerdict } from '../../core/teach/lessonTypes.ts';
import { checkTask } from '../../core/teach/taskChecks.ts';
import type { Store, useStore } from '../store/index.ts';
import { buildLessonContext } from './lessonContext.ts';
import { markCurrentStep } from './lessonController.ts';

/**
 * What the student changes by hand: a check that fails right after one of these counts as a try.
 * Not the mapping or the trained weights: the page changes those by itself (the chip view maps on
 * its own, a training ends), and the hint must follow the student's tries, not the page's work.
 */
const touched = (s: Store) => [s.playground, s.workspace, s.centerView, s.lessonActions, s.playbackStep, s.playgroundCursor] as const;
/** Everything a task check reads (LessonContext): a change of any of these checks again. */
const inputs = (s: Store) => [...touched(s), s.weightsId, s.mapping, s.activeLesson, s.status, s.summary, s.testMetrics, s.mapStatus, s.lessonApplying] as const;


const sameList = (a: readonly unknown[], b: readonly unknown[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/** Runs a task's check, turning a check that throws into feedback rather than a broken panel. */
function verdictOf(task: LessonTask, s: Store): TaskVerdict {
  try {
    return checkTask(task, buildLessonContext(s));
  } catch (e) {
    return { done: false, feedback: `The page could not check this task: ${e instanceof Error ? e.message : String(e)}` };
  }
}

/**
 * Checks the open step's task live: again whenever what it reads changes, at most every
 * `throttleMs` (a run's progress ticks do not re-check per tick). Counts the failed checks that
 * follow a change the student made (the hint shows after a few), and marks the step done in the
 * progress the first time its task passes. Returns the unsubscribe.
 */
export function startTaskChecks(store: typeof useStore, throttleMs = 200): () => void {
  let lastInputs: readonly unknown[] = [];
  let lastTouched: readonly unknown[] = [];
  let lastStep: unknown = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastRun = 0;

  const check = () => {
    timer = undefined;
    lastRun = Date.now();
    const s = store.getState();
    const open = s.activeLesson;
    const task = open?.lesson.steps[open.step]?.task;
    const stepKey = open ? open.lesson.steps[open.step] : null;
    const newStep = stepKey !== lastStep;
    lastStep = stepKey;
    const nowTouched = touched(s);
    const changedByStudent = !newStep && !sameList(nowTouched, lastTouched);
    lastTouched = nowTouched;
    lastInputs = inputs(s);
    // While the step sets the page up, the page still shows what came before: no verdict on that.
    if (s.lessonApplying) {
      if (newStep) s.setLessonCheck({ verdict: null, tries: 0 });
      return;
    }
    if (!task) {
      if (s.lessonCheck.verdict !== null || s.lessonCheck.tries !== 0) s.setLessonCheck({ verdict: null, tries: 0 });
      return;
    }
    const verdict = verdictOf(task, s);
    const tries = newStep ? 0 : s.lessonCheck.tries + (changedByStudent && !verdict.done ? 1 : 0);
    const prev = s.lessonCheck.verdict;
    if (!prev || prev.done !== verdict.done || prev.feedback !== verdict.feedback || tries !== s.lessonCheck.tries || newStep) s.setLessonCheck({ verdict, tries });
    if (verdict.done) markCurrentStep(store, 'done');
  };

  const schedule = () => {
    if (timer !== undefined) return;
    const wait = Math.max(0, lastRun + throttleMs - Date.now());
    timer = setTimeout(check, wait);
  };

  const unsubscribe = store.subscribe((s, prev) => {
    if (s.activeLesson === null && lastStep === null) return;
    // What the step sets up itself (its view, playground, preset) is the baseline, not a try of the student's.
    if (s.lessonApplying || prev.lessonApplying) lastTouched = touched(s);
    if (sameList(inputs(s), lastInputs)) return;
    const open = s.activeLesson;
    // A new step, or its setup just finished, is checked at once (its feedback replaces the last
    // step's); other changes are throttled.
    if ((open ? open.lesson.steps[open.step] : null) !== lastStep || (prev.lessonApplying && !s.lessonApplying)) {
      if (timer !== undefined) clearTimeout(timer);
      check();
    } else schedule();
  });
  return () => {
    unsubscribe();
    if (timer !== undefined) clearTimeout(timer);
  };
}
