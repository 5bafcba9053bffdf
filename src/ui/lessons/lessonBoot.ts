import { validateLesson } from '../../core/teach/lessonSchema.ts';
import { hashHasWorkspace } from '../share/openStudyLink.ts';
import type { useStore } from '../store/index.ts';
import { readKeptOpenLesson } from './keptOpenLesson.ts';
import { loadLessons, startLesson } from './lessonController.ts';
import { readLessonLink, withoutLessonParams, type LessonLink } from './lessonLink.ts';
import { startTaskChecks } from './taskCheckController.ts';
import { startLessonFileDrop } from './lessonFileDrop.ts';

type AppStore = typeof useStore;

/** What the address said when the page opened: read before the workspace link handling clears the fragment. */
export interface BootLink {
  readonly lesson: LessonLink | null;
  /** The fragment also carried a workspace (`#w=…`): the step's preset then does not replace it. */
  readonly hasWorkspace: boolean;
}

/** Reads the lesson link of an address (call before bootWorkspace, which removes an opened `#w=`). */
export function readBootLink(href: string): BootLink {
  const hash = href.includes('#') ? href.slice(href.indexOf('#')) : '';
  return { lesson: readLessonLink(hash), hasWorkspace: hashHasWorkspace(hash) };
}

/**
 * Opens a lesson link: the lesson at its step (with presenter mode when the link asks), else a
 * notice that says what is wrong (an unknown lesson lists the lessons; a step out of range gives
 * the lesson's number of steps) and the page carries on as usual.
 */
export async function openLessonLink(store: AppStore, link: LessonLink, hasWorkspace: boolean): Promise<boolean> {
  await loadLessons(store);
  const st = store.getState();
  const entry = st.lessons.find((e) => e.lesson?.id === link.id) ?? st.lessons.find((e) => e.file === `${link.id}.lesson.json`);
  const known = st.lessons.flatMap((e) => (e.lesson ? [e.lesson.id] : [])).join(', ') || 'none could be loaded';
  if (!entry) {
    st.setLessonNotice({ text: `This link opens the lesson ‘${link.id}’, which this Spikelab does not have. The lessons are: ${known}.`, problems: [] });
    return false;
  }
  if (!entry.lesson) {
    st.setLessonNotice({ text: `The lesson ‘${link.id}’ of this link has problems and cannot run:`, problems: entry.problems });
    return false;
  }
  const steps = entry.lesson.steps.length;
  if (link.badStep !== null || link.step > steps) {
    const asked = link.badStep !== null ? `‘${link.badStep}’` : String(link.step);
    st.setLessonNotice({ text: `This link asks for step ${asked} of ‘${entry.lesson.title}’, which has ${steps} steps (1 to ${steps}). Open the lesson from the Learn menu.`, problems: [] });
    return false;
  }
  startLesson(store, entry.lesson, entry.source, link.step - 1, { preset: !hasWorkspace });
  store.getState().setPresenting(link.present);
  return true;
}

/** Brings back the lesson this tab had open before a reload, on the step it showed, keeping the workspace. */
async function reopenKept(store: AppStore): Promise<void> {
  const kept = readKeptOpenLesson();
  if (!kept) return;
  if (kept.source === 'file') {
    const v = validateLesson(kept.lesson);
    if (v.ok) startLesson(store, v.lesson, 'file', undefined, { preset: false });
    return;
  }
  await loadLessons(store);
  const lesson = store.getState().lessons.find((e) => e.lesson?.id === kept.id)?.lesson;
  if (lesson && store.getState().activeLesson === null) startLesson(store, lesson, 'built-in', undefined, { preset: false });
}

/**
 * After the workspace booted: starts the live task checks and lesson-file drops, opens the lesson link the page was opened with (else the lesson this
 * tab had open), then listens for lesson links pasted into the address bar. The lesson parameters
 * leave the address once read, as a workspace link's do, so a reload does not jump back to the step.
 */
export async function startLessons(store: AppStore, boot: BootLink): Promise<void> {
  startTaskChecks(store);
  startLessonFileDrop(store);
  window.addEventListener('hashchange', (e) => {
    // The workspace link handler may have cleared the address already: read the event's URL.
    const link = readLessonLink(e.newURL.includes('#') ? e.newURL.slice(e.newURL.indexOf('#')) : '');
    if (!link) return;
    history.replaceState(history.state, '', location.pathname + location.search + withoutLessonParams(location.hash));
    void openLessonLink(store, link, hashHasWorkspace(e.newURL));
  });
  if (boot.lesson) {
    history.replaceState(history.state, '', location.pathname + location.search + withoutLessonParams(location.hash));
    await openLessonLink(store, boot.lesson, boot.hasWorkspace);
  } else {
    await reopenKept(store);
  }
  // The Learn menu lists the lessons with their progress: load them whether or not one opened.
  await loadLessons(store);
}
