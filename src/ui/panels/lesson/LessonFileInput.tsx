import { useId } from 'react';
import { openLessonFile } from '../../lessons/lessonController.ts';
import { useStore } from '../../store/index.ts';

/** "Open a lesson file…": runs a teacher's own .lesson.json (its problems show in the lesson notice). */
export function LessonFileInput({ onOpened }: { onOpened: () => void }) {
  const id = useId();
  return (
    <div className="learn-file">
      <label htmlFor={id} className="learn-file-label">
        Open a lesson file…
      </label>
      <input
        id={id}
        type="file"
        accept=".json,application/json"
        data-testid="lesson-file-input"
        className="learn-file-input"
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (!file) return;
          onOpened();
          void openLessonFile(useStore, file);
        }}
      />
      <p className="hint">or drop a .lesson.json on the page</p>
    </div>
  );
}
