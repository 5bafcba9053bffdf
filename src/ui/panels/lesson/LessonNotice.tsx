import { useStore } from '../../store/index.ts';
import { LessonProblems } from './LessonProblems.tsx';

/** A notice about lessons (a link to a lesson or step that does not exist, a lesson file with problems), with Dismiss. */
export function LessonNotice() {
  const notice = useStore((s) => s.lessonNotice);
  if (!notice) return null;
  return (
    <div className="link-notice lesson-notice" role="alert" data-testid="lesson-notice">
      <p>{notice.text}</p>
      <LessonProblems problems={notice.problems} />
      <button type="button" onClick={() => useStore.getState().setLessonNotice(null)}>
        Dismiss
      </button>
    </div>
  );
}
