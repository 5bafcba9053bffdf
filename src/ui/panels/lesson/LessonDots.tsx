import type { StepMark } from '../../lessons/lessonProgress.ts';

const MARK_WORD: Record<'done' | 'skipped' | 'none', string> = { done: 'done', skipped: 'skipped', none: 'not done yet' };

/** The lesson's steps as dots (done ✓, skipped, the current one ringed); each goes to its step. */
export function LessonDots({ marks, current, titles, onPick }: { marks: readonly StepMark[]; current: number; titles: readonly string[]; onPick: (i: number) => void }) {
  return (
    <ol className="lesson-dots" aria-label="Steps">
      {marks.map((m, i) => (
        <li key={i}>
          <button
            type="button"
            className="lesson-dot"
            data-mark={m ?? 'none'}
            data-testid={`lesson-dot-${i + 1}`}
            aria-current={i === current ? 'step' : undefined}
            aria-label={`Step ${i + 1}: ${titles[i] ?? ''} (${MARK_WORD[m ?? 'none']})`}
            title={titles[i]}
            onClick={() => onPick(i)}
          >
            {m === 'done' ? '✓' : i + 1}
          </button>
        </li>
      ))}
    </ol>
  );
}
