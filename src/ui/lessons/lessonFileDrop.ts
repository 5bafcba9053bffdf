import type { useStore } from '../store/index.ts';
import { openLessonFile } from './lessonController.ts';

/** A lesson file by its name: what a drop anywhere on the page opens as a lesson. */
export const isLessonFileName = (name: string) => /\.lesson\.json$/i.test(name);

/**
 * A .lesson.json dropped anywhere on the page opens as a lesson (before the data drop zone sees
 * it, which would refuse it as data). Other drops go on to their own targets. Returns the undo.
 */
export function startLessonFileDrop(store: typeof useStore, target: EventTarget = window): () => void {
  const onDragOver = (e: Event) => {
    // Files may be dropped anywhere (the drop below decides whether it is a lesson).
    if (e instanceof DragEvent && e.dataTransfer?.types.includes('Files')) e.preventDefault();
  };
  const onDrop = (e: Event) => {
    if (!(e instanceof DragEvent)) return;
    const files = Array.from(e.dataTransfer?.files ?? []);
    const lesson = files.length === 1 ? files[0] : undefined;
    if (!lesson || !isLessonFileName(lesson.name)) return;
    e.preventDefault();
    e.stopPropagation();
    void openLessonFile(store, lesson);
  };
  // A file dropped where nothing takes it would make the browser leave the page to show it.
  const onUnclaimed = (e: Event) => {
    if (e instanceof DragEvent && !e.defaultPrevented && e.dataTransfer?.types.includes('Files')) e.preventDefault();
  };
  target.addEventListener('dragover', onDragOver);
  target.addEventListener('drop', onDrop, { capture: true });
  target.addEventListener('drop', onUnclaimed);
  return () => {
    target.removeEventListener('dragover', onDragOver);
    target.removeEventListener('drop', onDrop, { capture: true });
    target.removeEventListener('drop', onUnclaimed);
  };
}
