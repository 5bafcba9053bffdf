import { useEffect, useId } from 'react';
import { highlightControl } from '../../lessons/controlHighlight.ts';
import { LESSON_FIGURE_COMPONENTS } from '../../lessons/figures/lessonFigures.ts';
import { exitLesson, goToStep, nextStep, skipStep } from '../../lessons/lessonController.ts';
import { fitProgress, lessonDone } from '../../lessons/lessonProgress.ts';
import { useStore } from '../../store/index.ts';
import { CopyStepLink } from './CopyStepLink.tsx';
import { LessonDots } from './LessonDots.tsx';
import { LessonTaskBox } from './LessonTaskBox.tsx';
import { LessonText } from './LessonText.tsx';
import './lesson.css';

/**
 * The lesson being taken (data-lesson-panel="lesson"): its title, "step k of n" with a dot per
 * step, the step's text and figure, its task with live feedback, and Back / Skip / Next; presenter
 * mode, the step's classroom link and Exit above. Next opens when the task is done (or the step has
 * none); Skip moves on but marks the step skipped, not done.
 */
export function LessonPanel() {
  const open = useStore((s) => s.activeLesson);
  const kept = useStore((s) => (open ? s.lessonProgress[open.lesson.id] : undefined));
  const presenting = useStore((s) => s.presenting);
  const verdictDone = useStore((s) => s.lessonCheck.verdict?.done === true);
  const id = useId();
  const step = open?.lesson.steps[open.step];
  const highlight = step?.highlight ?? null;
  const taskId = step?.task ? `${id}-goal` : null;
  useEffect(() => (highlight ? highlightControl(document.body, highlight, taskId) : undefined), [highlight, taskId, step]);
  if (!open || !step) return null;
  const { lesson } = open;
  const n = lesson.steps.length;
  const progress = fitProgress(kept, n);
  const mark = progress.steps[open.step] ?? null;
  const canNext = !step.task || verdictDone || mark === 'done';
  const last = open.step === n - 1;
  const Figure = step.figure ? LESSON_FIGURE_COMPONENTS[step.figure] : undefined;
  return (
    <section className="panel lesson-panel" data-lesson-panel="lesson" data-testid="lesson-panel" aria-labelledby={`${id}-title`}>
      <div className="lesson-top">
        <h2 id={`${id}-title`} className="lesson-title">
          {lesson.title}
        </h2>
        <div className="lesson-top-buttons">
          <button type="button" aria-pressed={presenting} data-testid="lesson-present" onClick={() => useStore.getState().setPresenting(!presenting)} title="Presenter mode: large type, only this step's panels (Esc leaves)">
            Present
          </button>
          <button type="button" data-testid="lesson-exit" onClick={() => exitLesson(useStore)}>
            Exit
          </button>
        </div>
      </div>
      <p className="lesson-step-of" data-testid="lesson-step-of">
        Step {open.step + 1} of {n}
        {lessonDone(progress) ? <span className="lesson-all-done"> · lesson done ✓</span> : null}
      </p>
      <LessonDots marks={progress.steps} current={open.step} titles={lesson.steps.map((s) => s.title)} onPick={(i) => goToStep(useStore, i)} />
      <h3 className="lesson-step-title" data-testid="lesson-step-title">
        {step.title}
      </h3>
      <LessonText text={step.text} />
      {Figure ? (
        <Figure />
      ) : step.figure ? (
        <p className="field-error">This page has no drawing for the figure ‘{step.figure}’.</p>
      ) : null}
      {step.task ? <LessonTaskBox task={step.task} id={id} doneBefore={mark === 'done'} /> : null}
      <div className="lesson-nav">
        <button type="button" data-testid="lesson-back" disabled={open.step === 0} onClick={() => goToStep(useStore, open.step - 1)}>
          Back
        </button>
        {step.task && !canNext ? (
          <button type="button" data-testid="lesson-skip" onClick={() => skipStep(useStore)}>
            Skip
          </button>
        ) : null}
        <button
          type="button"
          className="lesson-next"
          data-testid="lesson-next"
          disabled={!canNext}
          title={canNext ? undefined : 'Do the task first (or Skip)'}
          onClick={() => nextStep(useStore)}
        >
          {last ? 'Finish' : 'Next'}
        </button>
      </div>
      <CopyStepLink id={lesson.id} step={open.step + 1} present={presenting} />
    </section>
  );
}
