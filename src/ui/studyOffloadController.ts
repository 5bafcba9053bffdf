import type { LinkModel } from '../core/hardware/linkModel.ts';
import type { StudyOffloadData } from '../core/study/studyTypes.ts';
import type { useStore } from './store/index.ts';
import type { OffloadView } from './store/studySlice.ts';

/** What the offload panel shows for a task: the slider's threshold and the link, the user's or the result's. */
export interface OffloadShown {
  readonly threshold: number;
  readonly link: LinkModel;
  /** Whether the link is the user's edit (Reset is offered). */
  readonly linkEdited: boolean;
}

/** The threshold and link of a task's panel: the user's where set, else the study's operating threshold and default link. */
export function offloadShown(view: OffloadView | undefined, data: StudyOffloadData): OffloadShown {
  return { threshold: view?.threshold ?? data.operating_threshold, link: view?.link ?? data.link, linkEdited: view?.link !== undefined };
}

/** The offload data of the task the panel shows: the picked one if the result has it, else the first. */
export function offloadDataOf(offload: readonly StudyOffloadData[], picked: string | null): StudyOffloadData | undefined {
  return offload.find((d) => d.task === picked) ?? offload[0];
}

/** Copies one task's view with a change (the slice is one level deep: each level is copied). */
function patchView(store: typeof useStore, task: string, change: (v: OffloadView) => OffloadView): void {
  const views = store.getState().studyOffloadViews;
  store.getState().setStudy({ studyOffloadViews: { ...views, [task]: change(views[task] ?? {}) } });
}

/** Moves a task's slider; the threshold is a fraction, 0 (nothing sent) to 1 (everything). */
export function setOffloadThreshold(store: typeof useStore, task: string, threshold: number): void {
  if (!Number.isFinite(threshold)) throw new RangeError(`an offload threshold is a number from 0 to 1, not ${threshold}`);
  patchView(store, task, (v) => ({ ...v, threshold: Math.min(1, Math.max(0, threshold)) }));
}

/** Keeps a validated link (linkFields.editLinkField) as the task's link: the curves redraw from it. */
export function setOffloadLink(store: typeof useStore, task: string, link: LinkModel): void {
  patchView(store, task, (v) => ({ ...v, link }));
}

/** Back to the study's default link for the task (the threshold stays). */
export function resetOffloadLink(store: typeof useStore, task: string): void {
  patchView(store, task, (v) => (v.threshold === undefined ? {} : { threshold: v.threshold }));
}

/** Shows another task's offloading. */
export function pickOffloadTask(store: typeof useStore, task: string): void {
  store.getState().setStudy({ studyOffloadTask: task });
}
