import { parseLessonText } from '../../lessons/lessonMarkup.ts';

/** A step's text: paragraphs with **bold** and `code`, built as React nodes (never innerHTML). */
export function LessonText({ text }: { text: string }) {
  return (
    <div className="lesson-text" data-testid="lesson-text">
      {parseLessonText(text).map((runs, i) => (
        <p key={i}>
          {runs.map((r, j) => (r.kind === 'bold' ? <strong key={j}>{r.text}</strong> : r.kind === 'code' ? <code key={j}>{r.text}</code> : <span key={j}>{r.text}</span>))}
        </p>
      ))}
    </div>
  );
}
