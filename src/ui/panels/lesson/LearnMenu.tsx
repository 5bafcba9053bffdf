import { useCallback, useRef, useState } from 'react';
import { loadLessons, startLesson } from '../../lessons/lessonController.ts';
import { fitProgress, lessonDone, stepsDone } from '../../lessons/lessonProgress.ts';
import { useStore } from '../../store/index.ts';
import type { LessonEntry } from '../../store/lessonSlice.ts';
import { usePopoverDismiss } from '../usePopoverDismiss.ts';
import { LessonFileInput } from './LessonFileInput.tsx';
import { LessonProblems } from './LessonProblems.tsx';

/** One lesson of the menu: its title and progress (steps done / total, ✓ when all are), or its file's problems. */
function LessonItem({ entry, onOpen }: { entry: LessonEntry; onOpen: () => void }) {
  const kept = useStore((s) => (entry.lesson ? s.lessonProgress[entry.lesson.id] : undefined));
  const current = useStore((s) => s.activeLesson?.lesson.id);
  const { lesson } = entry;
  if (!lesson) {
    return (
      <li className="learn-broken" data-testid={`lesson-broken-${entry.file}`}>
        <span>{entry.file}</span> cannot run:
        <LessonProblems problems={entry.problems} />
      </li>
    );
  }
  const p = fitProgress(kept, lesson.steps.length);
  const done = lessonDone(p);
  return (
    <li>
      <button
        type="button"
        data-testid={`lesson-item-${lesson.id}`}
        aria-current={current === lesson.id ? 'true' : undefined}
        onClick={() => {
          startLesson(useStore, lesson, entry.source);
          onOpen();
        }}
      >
        <span className="learn-title">{lesson.title}</span>
        <span className="learn-progress" data-testid={`lesson-progress-${lesson.id}`} aria-label={done ? 'done' : `${stepsDone(p)} of ${lesson.steps.length} steps done`}>
          {done ? '✓' : `${stepsDone(p)}/${lesson.steps.length}`}
        </span>
        {entry.source === 'file' ? <span className="hint"> (your file)</span> : null}
        <span className="learn-summary">{lesson.summary}</span>
      </button>
    </li>
  );
}

/**
 * The header's Learn menu: the lessons with the student's progress, and "Open a lesson file…" for
 * a teacher's own lesson. Closes on Escape, on a press outside, and after a choice.
 */
export function LearnMenu() {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const toggle = useRef<HTMLButtonElement>(null);
  const close = useCallback(() => setOpen(false), []);
  usePopoverDismiss(open, close, root, toggle);
  const entries = useStore((s) => s.lessons);
  const status = useStore((s) => s.lessonsStatus);
  const error = useStore((s) => s.lessonsError);
  return (
    <div className="learn-menu" ref={root}>
      <button
        type="button"
        ref={toggle}
        data-testid="learn-menu"
        aria-expanded={open}
        aria-controls="learn-menu-items"
        onClick={() => {
          if (!open) void loadLessons(useStore);
          setOpen((o) => !o);
        }}
      >
        Learn ▾
      </button>
      <div className="learn-menu-items" id="learn-menu-items" hidden={!open} role="region" aria-label="Lessons">
        {status === 'loading' ? <p className="hint">Loading the lessons…</p> : null}
        {status === 'error' ? (
          <p className="field-error" role="alert">
            {error}
          </p>
        ) : null}
        <ul>
          {entries.map((e) => (
            <LessonItem key={`${e.source}:${e.file}`} entry={e} onOpen={close} />
          ))}
        </ul>
        <LessonFileInput onOpened={close} />
      </div>
    </div>
  );
}
